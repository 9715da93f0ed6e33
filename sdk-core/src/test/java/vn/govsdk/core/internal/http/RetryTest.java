package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.govsdk.core.internal.http.PipelineFixture.get;
import static vn.govsdk.core.internal.http.PipelineFixture.json;
import static vn.govsdk.core.internal.http.PipelineFixture.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.RateLimitedException;
import vn.govsdk.core.ServiceUnavailableException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.http.CorrelationIdOptions;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;

class RetryTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final PipelineFixture fx = new PipelineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    static Stream<Arguments> statusCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int code : new int[] {408, 429, 500, 502, 503, 504, 400, 404}) {
            for (boolean safe : new boolean[] {true, false}) {
                cases.add(Arguments.of(code, safe));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "HTTP {0}, safe to retry: {1}")
    @MethodSource("statusCases")
    void retriesOnlyRetryableStatusesOfSafeOperations(int code, boolean safe) {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(code));
        }
        GovHttpPipeline pipeline = fx.pipeline().build();
        Operation op = safe ? Operation.read("items.get") : Operation.write("items.submit");
        Request request = safe ? get(server)
                : new Request.Builder().url(server.url("/items"))
                        .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

        GovServiceException e = catchThrowableOfType(GovServiceException.class, () -> pipeline.execute(op, request));

        boolean retryable = code == 408 || code == 429 || code == 502 || code == 503 || code == 504;
        int expectedAttempts = retryable && safe ? 4 : 1;
        assertThat(server.getRequestCount()).isEqualTo(expectedAttempts);
        assertThat(e.attempts()).isEqualTo(expectedAttempts);
        assertThat(e.statusCode()).isEqualTo(code);
        assertThat(e.errorCode()).contains("E" + code);
        assertThat(fx.sleeper.sleeps()).hasSize(expectedAttempts - 1);
        Class<?> expectedType = switch (code) {
            case 401, 403 -> AuthenticationFailedException.class;
            case 404 -> NotFoundException.class;
            case 429 -> RateLimitedException.class;
            case 502, 503, 504 -> ServiceUnavailableException.class;
            default -> GovServiceException.class;
        };
        assertThat(e).isExactlyInstanceOf(expectedType);
    }

    @Test
    void idempotentWriteIsRetriedAndSucceeds() {
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(json("{\"ok\":true}"));
        GovHttpPipeline pipeline = fx.pipeline().build();
        Request put = new Request.Builder().url(server.url("/items/1"))
                .put(RequestBody.create("{\"v\":1}", MediaType.get("application/json"))).build();

        GovResponse response = pipeline.execute(Operation.idempotentWrite("items.upsert"), put);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void backoffIsFullJitterExponentialWithCap() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(503));
        }
        RetryPolicy policy = RetryPolicy.builder().maxRetries(3).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(300)).build();
        GovHttpPipeline pipeline = fx.pipeline().retryPolicy(policy).jitter(() -> 0.5).build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("items.get"), get(server)))
                .isInstanceOf(ServiceUnavailableException.class);

        // half of min(300, 100 * 2^n) for n = 0, 1, 2
        assertThat(fx.sleeper.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void jitterNeverExceedsTheCeiling() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(status(504));
        }
        GovHttpPipeline pipeline = fx.pipeline().jitter(() -> 0.999_999).build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("items.get"), get(server)))
                .isInstanceOf(ServiceUnavailableException.class);

        List<Duration> sleeps = fx.sleeper.sleeps();
        assertThat(sleeps).hasSize(3);
        for (int n = 0; n < 3; n++) {
            assertThat(sleeps.get(n)).isLessThan(Duration.ofMillis(200L << n))
                    .isGreaterThan(Duration.ofMillis(199L << n));
        }
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "7").build());
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(fx.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(fx.clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", in30s).build());
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(fx.sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterLongerThanThePolicyAllowsEndsRetriesAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                () -> pipeline.execute(Operation.read("items.get"), get(server)));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fx.sleeper.sleeps()).isEmpty();
    }

    @Test
    void retryAfterBeyondTheCallDeadlineEndsRetriesAtOnce() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "20").build());
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline()
                .timeouts(Timeouts.builder().callDeadline(Duration.ofSeconds(10)).build()).build();

        ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                () -> pipeline.execute(Operation.read("items.get"), get(server)));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fx.sleeper.sleeps()).isEmpty();
    }

    @Test
    void callDeadlineBoundsAllAttemptsAndWaits() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "4").build());
        }
        GovHttpPipeline pipeline = fx.pipeline()
                .timeouts(Timeouts.builder().callDeadline(Duration.ofSeconds(10)).build()).build();

        ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                () -> pipeline.execute(Operation.read("items.get"), get(server)));

        // t=0 attempt 1, wait 4; t=4 attempt 2, wait 4; t=8 attempt 3; a third wait would end at 12 > 10
        assertThat(fx.sleeper.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void slowAttemptsUseUpTheDeadline() {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        // Each attempt "takes" 6 s on the fake clock.
        Interceptor slow = chain -> {
            fx.clock.advance(Duration.ofSeconds(6));
            return chain.proceed(chain.request());
        };
        GovHttpPipeline pipeline = fx.pipeline().addInterceptor(slow)
                .timeouts(Timeouts.builder().callDeadline(Duration.ofSeconds(10)).build()).build();

        ServiceUnavailableException e = catchThrowableOfType(ServiceUnavailableException.class,
                () -> pipeline.execute(Operation.read("items.get"), get(server)));

        assertThat(e.attempts()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sameRequestIdOnEveryAttempt() throws InterruptedException {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(response.requestId()).isNotBlank();
        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getHeaders().get("X-Request-Id")).isEqualTo(response.requestId());
        }
    }

    @Test
    void requestIdsDifferBetweenCallsAndTheFailureCarriesIt() throws InterruptedException {
        server.enqueue(json("{}"));
        server.enqueue(status(404));
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovResponse first = pipeline.execute(Operation.read("items.get"), get(server));
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> pipeline.execute(Operation.read("items.get"), get(server)));

        server.takeRequest();
        String secondId = server.takeRequest().getHeaders().get("X-Request-Id");
        assertThat(secondId).isNotEqualTo(first.requestId());
        assertThat(e.requestId()).contains(secondId);
        assertThat(e.getMessage()).contains(secondId);
    }

    @Test
    void correlationHeaderNameAndGeneratorAreConfigurableAndACallersIdIsKept() throws InterruptedException {
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        server.enqueue(json("{}"));
        AtomicInteger n = new AtomicInteger();
        GovHttpPipeline pipeline = fx.pipeline().correlationId(CorrelationIdOptions.builder()
                .headerName("X-Correlation-ID").generator(() -> "corr-" + n.incrementAndGet()).build()).build();

        pipeline.execute(Operation.read("items.get"), get(server));
        GovResponse own = pipeline.execute(Operation.read("items.get"),
                get(server).newBuilder().header("X-Correlation-ID", "caller-id-7").build());

        assertThat(server.takeRequest().getHeaders().get("X-Correlation-ID")).isEqualTo("corr-1");
        assertThat(server.takeRequest().getHeaders().get("X-Correlation-ID")).isEqualTo("corr-1");
        RecordedRequest third = server.takeRequest();
        assertThat(third.getHeaders().get("X-Correlation-ID")).isEqualTo("caller-id-7");
        assertThat(third.getHeaders().get("X-Request-Id")).isNull();
        assertThat(own.requestId()).isEqualTo("caller-id-7");
    }

    @Test
    void connectFailureIsRetriedForASafeOperation() throws IOException {
        int port = closedPort();
        GovHttpPipeline pipeline = fx.pipeline().build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/items").build();

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> pipeline.execute(Operation.read("items.get"), request));

        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.getMessage()).contains("items.get", "after 4 attempts", "request id");
        assertThat(fx.sleeper.sleeps()).hasSize(3);
    }

    @Test
    void connectFailureIsNotRetriedForAnUnsafeOperation() throws IOException {
        int port = closedPort();
        GovHttpPipeline pipeline = fx.pipeline().build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/items")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> pipeline.execute(Operation.write("items.submit"), request));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(fx.sleeper.sleeps()).isEmpty();
    }

    @Test
    void timeoutBeforeAResponseIsRetriedForASafeOperationOnly() {
        server.enqueue(json("{\"n\":1}"));
        server.enqueue(json("{\"n\":2}"));
        AtomicInteger calls = new AtomicInteger();
        Interceptor firstAttemptTimesOut = chain -> {
            if (calls.incrementAndGet() == 1) {
                throw new SocketTimeoutException("read timed out");
            }
            return chain.proceed(chain.request());
        };
        GovHttpPipeline pipeline = fx.pipeline().addInterceptor(firstAttemptTimesOut).build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(response.bodyString()).isEqualTo("{\"n\":1}");

        calls.set(0);
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> pipeline.execute(Operation.write("items.submit"), get(server)));
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedAfterTheRequestIsNeverResentForAnUnsafeOperation() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().build();
        Request post = new Request.Builder().url(server.url("/dossiers"))
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

        TransportException e = catchThrowableOfType(TransportException.class,
                () -> pipeline.execute(Operation.write("dossier.submit"), post));

        assertThat(e.attempts()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectionDroppedBeforeAResponseIsRetriedForASafeOperation() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json("{\"ok\":true}"));
        GovHttpPipeline pipeline = fx.pipeline().build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(response.bodyString()).isEqualTo("{\"ok\":true}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void extraInterceptorsRunOnEveryAttemptAfterTheCorrelationId() throws InterruptedException {
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        AtomicInteger applied = new AtomicInteger();
        List<String> idsSeen = new ArrayList<>();
        Interceptor auth = chain -> {
            idsSeen.add(chain.request().header("X-Request-Id"));
            return chain.proceed(chain.request().newBuilder()
                    .header("Authorization", "Bearer token-" + applied.incrementAndGet()).build());
        };
        GovHttpPipeline pipeline = fx.pipeline().addInterceptor(auth).build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
        assertThat(idsSeen).containsExactly(response.requestId(), response.requestId());
    }

    @Test
    void anAuthInterceptorMayRefreshOnceAndResendWithinOneAttempt() throws InterruptedException {
        server.enqueue(status(401));
        server.enqueue(json("{}"));
        AtomicInteger refreshes = new AtomicInteger();
        Interceptor auth = chain -> {
            Request signed = chain.request().newBuilder().header("Authorization", "Bearer old").build();
            Response response = chain.proceed(signed);
            if (response.code() != 401) {
                return response;
            }
            response.close();
            refreshes.incrementAndGet();
            return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer new").build());
        };
        GovHttpPipeline pipeline = fx.pipeline().addInterceptor(auth).build();

        GovResponse response = pipeline.execute(Operation.write("items.submit"), get(server));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(1);
        assertThat(refreshes).hasValue(1);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer old");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer new");
        assertThat(second.getHeaders().get("X-Request-Id")).isEqualTo(first.getHeaders().get("X-Request-Id"));
    }

    @Test
    void retryPolicyNoneSendsOnce() {
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline().retryPolicy(RetryPolicy.none()).build();

        assertThatThrownBy(() -> pipeline.execute(Operation.read("items.get"), get(server)))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theRawClientStillTagsRetriesAndCorrelatesRequestsTaggedWithAnOperation() throws Exception {
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        server.enqueue(status(503));
        okhttp3.OkHttpClient raw = fx.pipeline().build().okHttpClient();

        try (Response ok = raw.newCall(get(server).newBuilder().tag(Operation.class, Operation.read("raw.get")).build())
                .execute()) {
            assertThat(ok.code()).isEqualTo(200);
        }
        try (Response untagged = raw.newCall(get(server)).execute()) {
            assertThat(untagged.code()).as("no operation tag: treated as unsafe, not retried").isEqualTo(503);
        }

        String first = server.takeRequest().getHeaders().get("X-Request-Id");
        assertThat(first).isNotNull();
        assertThat(server.takeRequest().getHeaders().get("X-Request-Id")).isEqualTo(first);
        assertThat(server.takeRequest().getHeaders().get("X-Request-Id")).isNotNull().isNotEqualTo(first);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
