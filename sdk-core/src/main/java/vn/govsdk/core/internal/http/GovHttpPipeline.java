package vn.govsdk.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.CorrelationIdOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.auth.AuthInterceptors;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The HTTP pipeline every govsdk client sends its calls through. Built once per client from an
 * {@link HttpTransport}; immutable and thread-safe.
 *
 * <p>Interceptors, outermost first (all OkHttp application interceptors, installed after any the
 * application's own {@code OkHttpClient} already has):
 * <ol>
 *   <li>correlation id: one {@link CallContext} and one request id per call;</li>
 *   <li>retry and deadline: the attempt loop of {@link RetryPolicy}, bounded by
 *       {@link Timeouts#callDeadline()};</li>
 *   <li>the extra interceptors given to {@link Builder#addInterceptor(Interceptor)}, in order (auth
 *       schemes): they run on every attempt, so credentials are re-applied (a fresh token, a fresh
 *       timestamp) each time, and an auth interceptor may itself answer a 401 with one refresh and
 *       one resend;</li>
 *   <li>logging: one DEBUG line per exchange, masked.</li>
 * </ol>
 * The {@link Operation} is a tag on the request ({@code request.tag(Operation.class)}) from the
 * start, so the application's own interceptors and event listeners see it too.
 *
 * <p>{@link #execute(Operation, Request)} reads the whole body (refusing more than the size limit),
 * maps non-2xx answers to {@link vn.govsdk.core.GovServiceException} subclasses and I/O failures to
 * {@link TransportException}, each with the request id and the number of attempts.
 */
public final class GovHttpPipeline {

    /** The default limit on a response body: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BODY_BYTES = 16L * 1024 * 1024;

    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");

    private final HttpTransport transport;
    private final OkHttpClient client;
    private final CorrelationIdOptions correlation;
    private final Timeouts timeouts;
    private final Clock clock;
    private final PersonalDataMasker masker;
    private final long maxResponseBodyBytes;
    private final ErrorExtractor errorExtractor;

    private GovHttpPipeline(Builder b) {
        this.transport = b.transport;
        this.correlation = b.correlation;
        this.timeouts = b.timeouts;
        this.clock = b.clock;
        this.masker = b.masker;
        this.maxResponseBodyBytes = b.maxResponseBodyBytes;
        this.errorExtractor = b.errorExtractor;
        OkHttpClient.Builder ok = TransportAccess.client(b.transport).newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                // Wall-clock backstop for an attempt that hangs; the clock-based checks in
                // RetryInterceptor are what tests observe.
                .callTimeout(timeouts.callDeadline())
                .addInterceptor(new CorrelationIdInterceptor(correlation, clock, timeouts.callDeadline()))
                .addInterceptor(new RetryInterceptor(b.retryPolicy, clock, b.sleeper, b.jitter));
        if (b.auth != null) {
            // Token and session requests go through a client without the auth interceptors (no
            // recursion) but with the same timeouts and masked logging.
            OkHttpClient tokenClient = TransportAccess.client(b.transport).newBuilder()
                    .connectTimeout(timeouts.connect())
                    .readTimeout(timeouts.read())
                    .writeTimeout(timeouts.write())
                    .callTimeout(timeouts.callDeadline())
                    .addInterceptor(new LoggingInterceptor(masker))
                    .retryOnConnectionFailure(false)
                    .build();
            AuthInterceptors.create(b.auth, tokenClient, clock).forEach(ok::addInterceptor);
        }
        b.interceptors.forEach(ok::addInterceptor);
        ok.addInterceptor(new LoggingInterceptor(masker));
        // OkHttp's own silent retries (a stale pooled connection, a 408, a 503 with Retry-After: 0)
        // would re-send writes that are not safe to repeat and bypass the retry policy; the retry
        // interceptor is the only place a request is sent again.
        ok.retryOnConnectionFailure(false);
        if (!b.followRedirects) {
            ok.followRedirects(false).followSslRedirects(false);
        }
        if (b.dns != null) {
            ok.dns(b.dns);
        }
        this.client = ok.build();
    }

    /**
     * Starts a pipeline on a transport.
     *
     * @param transport the transport; the pipeline never closes it
     * @return a new builder
     */
    public static Builder builder(HttpTransport transport) {
        return new Builder(transport);
    }

    /**
     * Sends a request and reads its answer.
     *
     * @param operation what the call is, and whether it may be retried
     * @param request the request; a correlation header it already carries is kept
     * @return the 2xx answer, body fully read
     * @throws vn.govsdk.core.GovServiceException for any other status, after permitted retries
     * @throws TransportException when no answer arrived, after permitted retries, or the deadline passed
     * @throws ResponseDecodingException when the body exceeds the size limit
     */
    public GovResponse execute(Operation operation, Request request) {
        return execute(operation, request, timeouts.callDeadline());
    }

    /**
     * Executes a request with a deadline shorter than the configured call deadline, for callers that
     * spend a budget over several calls (the signature verifier's fetches).
     *
     * @param operation what the call is, and whether it may be retried
     * @param request the request
     * @param deadline the most this call may take, retries included; the configured call deadline when longer
     * @return the 2xx answer, body fully read
     * @throws vn.govsdk.core.GovServiceException for any other status, after permitted retries
     * @throws TransportException when no answer arrived, after permitted retries, or the deadline passed
     * @throws ResponseDecodingException when the body exceeds the size limit
     */
    public GovResponse execute(Operation operation, Request request, Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new InvalidInputException("deadline", "must be positive, got " + deadline);
        }
        Duration effective = deadline.compareTo(timeouts.callDeadline()) < 0 ? deadline : timeouts.callDeadline();
        if (operation == null) {
            throw new InvalidInputException("operation", "must not be null");
        }
        if (request == null) {
            throw new InvalidInputException("request", "must not be null");
        }
        if (transport.isClosed()) {
            throw new IllegalStateException("the HttpTransport of this client is closed");
        }
        String existing = request.header(correlation.headerName());
        CallContext context = new CallContext(operation, existing != null ? existing : correlation.newId(),
                clock.instant(), effective);
        Request tagged = request.newBuilder()
                .header(correlation.headerName(), context.requestId())
                .tag(Operation.class, operation)
                .tag(CallContext.class, context)
                .build();
        Call call = client.newCall(tagged);
        if (effective.compareTo(timeouts.callDeadline()) < 0) {
            call.timeout().timeout(effective.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        try (Response response = call.execute()) {
            if (response.isSuccessful()) {
                return new GovResponse(response.code(), response.headers(), readBody(response, context),
                        context.requestId(), attempts(context));
            }
            byte[] errorBody = readPrefix(response.body(), ERROR_BODY_LIMIT);
            GovResponse failed = new GovResponse(response.code(), response.headers(), errorBody,
                    context.requestId(), attempts(context));
            ServiceError error = safeExtract(failed);
            throw ErrorMapping.toException(response.code(),
                    new ServiceError(error.code(), masker.maskText(error.message())), context.requestId(),
                    attempts(context), RetryAfter.parse(response.header("Retry-After"), clock).orElse(null));
        } catch (IOException e) {
            throw transportFailure(tagged, context, call, e);
        }
    }

    /**
     * GETs a JSON resource and maps it.
     *
     * @param operation the operation
     * @param url the URL
     * @param type the type to map the body onto
     * @param <T> the result type
     * @return the mapped body
     */
    public <T> T getJson(Operation operation, HttpUrl url, Class<T> type) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        return execute(operation, request).json(type);
    }

    /**
     * POSTs a value as JSON and maps the JSON answer.
     *
     * @param operation the operation
     * @param url the URL
     * @param body the value to send, written with {@link GovJson}
     * @param type the type to map the answer onto
     * @param <T> the result type
     * @return the mapped answer
     */
    public <T> T postJson(Operation operation, HttpUrl url, Object body, Class<T> type) {
        Request request = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(GovJson.write(body), JSON)).build();
        return execute(operation, request).json(type);
    }

    /**
     * POSTs an XML document (for example a SOAP 1.1 envelope) as {@code text/xml; charset=utf-8}.
     *
     * @param operation the operation
     * @param url the URL
     * @param xml the document
     * @param headers extra headers, such as {@code SOAPAction}
     * @return the answer; parse it with {@link GovResponse#xml()}
     */
    public GovResponse postXml(Operation operation, HttpUrl url, String xml, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(xml, XML));
        headers.forEach(request::header);
        return execute(operation, request.build());
    }

    /**
     * POSTs an {@code application/x-www-form-urlencoded} form.
     *
     * @param operation the operation
     * @param url the URL
     * @param fields the form fields, in iteration order
     * @return the answer
     */
    public GovResponse postForm(Operation operation, HttpUrl url, Map<String, String> fields) {
        FormBody.Builder form = new FormBody.Builder();
        fields.forEach(form::add);
        return execute(operation, new Request.Builder().url(url).post(form.build()).build());
    }

    /**
     * Returns the configured client, with every SDK interceptor installed, for the rare call that
     * needs OkHttp directly (streaming, benchmarks). Requests sent through it get a request id and
     * logging; they are retried only if tagged with a safe {@link Operation}.
     *
     * @return the client
     */
    public OkHttpClient okHttpClient() {
        return client;
    }

    /**
     * Returns the clock this pipeline measures deadlines with.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the masker this pipeline logs with.
     *
     * @return the masker
     */
    public PersonalDataMasker masker() {
        return masker;
    }

    private byte[] readBody(Response response, CallContext context) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        BufferedSource source = body.source();
        if (declared > maxResponseBodyBytes || source.request(maxResponseBodyBytes + 1)) {
            throw new ResponseDecodingException(context.operation().name() + ": response body of "
                    + (declared >= 0 ? declared + " bytes" : "more than " + maxResponseBodyBytes + " bytes")
                    + " exceeds the limit of " + maxResponseBodyBytes + " bytes (request id " + context.requestId()
                    + ")", null);
        }
        return source.readByteArray();
    }

    private static byte[] readPrefix(ResponseBody body, long limit) throws IOException {
        BufferedSource source = body.source();
        source.request(limit);
        return source.getBuffer().readByteArray(Math.min(limit, source.getBuffer().size()));
    }

    private ServiceError safeExtract(GovResponse response) {
        try {
            ServiceError error = errorExtractor.extract(response);
            return error == null ? ServiceError.NONE : error;
        } catch (RuntimeException e) {
            return ServiceError.NONE;
        }
    }

    private static int attempts(CallContext context) {
        return Math.max(1, context.attempts());
    }

    private GovSdkException transportFailure(Request request, CallContext context, Call call, IOException e) {
        int attempts = attempts(context);
        String what = context.operation().name() + ": " + request.method() + " "
                + masker.maskText(request.url().toString());
        String attemptsText = attempts == 1 ? "1 attempt" : attempts + " attempts";
        if (e instanceof DeadlineExceededException || (e instanceof InterruptedIOException && call.isCanceled())) {
            return new TransportException(what + " failed: call deadline of " + context.deadlineLength()
                    + " exceeded after " + attemptsText + " (request id " + context.requestId() + ")", attempts, e);
        }
        return new TransportException(what + " failed after " + attemptsText + ": " + masker.maskText(e.toString())
                + " (request id " + context.requestId() + ")", attempts, e);
    }

    /** Builds a {@link GovHttpPipeline}; everything except the transport has a default. */
    public static final class Builder {
        private final HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Timeouts timeouts = Timeouts.defaults();
        private CorrelationIdOptions correlation = CorrelationIdOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private GatewayAuth auth;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private PersonalDataMasker masker = PersonalDataMasker.standard();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private long maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
        private ErrorExtractor errorExtractor = ErrorExtractor.json();
        private boolean followRedirects = true;
        private okhttp3.Dns dns;

        private Builder(HttpTransport transport) {
            this.transport = notNull("httpTransport", transport);
        }

        /**
         * Sets whether redirects are followed (default {@code true}). A caller that fetches URLs named by
         * untrusted input turns them off: a 3xx answer is then a failure like any other non-2xx status.
         *
         * @param follow whether to follow redirects
         * @return this builder
         */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        /**
         * Sets the name resolver (default: the transport's), for a caller that must refuse some addresses.
         *
         * @param dns the resolver
         * @return this builder
         */
        public Builder dns(okhttp3.Dns dns) {
            this.dns = notNull("dns", dns);
            return this;
        }

        /**
         * Sets the retry policy.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = notNull("retryPolicy", retryPolicy);
            return this;
        }

        /**
         * Sets the timeouts.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = notNull("timeouts", timeouts);
            return this;
        }

        /**
         * Sets the correlation id options.
         *
         * @param correlation the options
         * @return this builder
         */
        public Builder correlationId(CorrelationIdOptions correlation) {
            this.correlation = notNull("correlationId", correlation);
            return this;
        }

        /**
         * Sets the clock deadlines and {@code Retry-After} dates are measured with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = notNull("clock", clock);
            return this;
        }

        /**
         * Sets how the pipeline waits between attempts.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = notNull("sleeper", sleeper);
            return this;
        }

        /**
         * Sets the random source of the backoff jitter, for deterministic tests.
         *
         * @param jitter returns values in {@code [0, 1)}
         * @return this builder
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = notNull("jitter", jitter);
            return this;
        }

        /**
         * Sets the masker logs are written with.
         *
         * @param masker the masker
         * @return this builder
         */
        public Builder masker(PersonalDataMasker masker) {
            this.masker = notNull("masker", masker);
            return this;
        }

        /**
         * Applies a client's shared settings: retry policy, timeouts, clock and sleeper.
         *
         * @param options the settings from the client's builder
         * @return this builder
         */
        public Builder options(vn.govsdk.core.http.ClientOptions options) {
            notNull("options", options);
            return retryPolicy(options.retryPolicy()).timeouts(options.timeouts()).clock(options.clock())
                    .sleeper(options.sleeper());
        }

        /**
         * Sets the auth scheme: its interceptors run on every attempt, inside the retry loop and
         * before any interceptor added with {@link #addInterceptor(Interceptor)}; token and session
         * requests use the same transport, timeouts and masked logging.
         *
         * @param auth the scheme, possibly combined; default none
         * @return this builder
         */
        public Builder auth(GatewayAuth auth) {
            this.auth = notNull("auth", auth);
            return this;
        }

        /**
         * Adds an interceptor that runs on every attempt, after the retry loop and before logging:
         * the place for auth schemes. Interceptors run in the order added.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(notNull("interceptor", interceptor));
            return this;
        }

        /**
         * Adds interceptors, as {@link #addInterceptor(Interceptor)} does for each, in order.
         *
         * @param interceptors the interceptors
         * @return this builder
         */
        public Builder interceptors(List<? extends Interceptor> interceptors) {
            notNull("interceptors", interceptors).forEach(this::addInterceptor);
            return this;
        }

        /**
         * Sets the largest response body accepted; larger ones are refused with
         * {@link ResponseDecodingException}.
         *
         * @param maxResponseBodyBytes a positive number of bytes; default 16 MiB
         * @return this builder
         */
        public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
            if (maxResponseBodyBytes <= 0 || maxResponseBodyBytes > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException("maxResponseBodyBytes",
                        "must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxResponseBodyBytes);
            }
            this.maxResponseBodyBytes = maxResponseBodyBytes;
            return this;
        }

        /**
         * Sets how the remote system's own error code and message are read from error answers.
         *
         * @param errorExtractor the extractor; default {@link ErrorExtractor#json()}
         * @return this builder
         */
        public Builder errorExtractor(ErrorExtractor errorExtractor) {
            this.errorExtractor = notNull("errorExtractor", errorExtractor);
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         */
        public GovHttpPipeline build() {
            return new GovHttpPipeline(this);
        }

        private static <T> T notNull(String field, T value) {
            if (value == null) {
                throw new InvalidInputException(field, "must not be null");
            }
            return value;
        }
    }
}
