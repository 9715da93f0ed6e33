package vn.govsdk.core.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * Logs every exchange (each attempt, and each resend an auth interceptor makes) through SLF4J,
 * with personal data and secrets masked by {@link PersonalDataMasker}. DEBUG: one line per
 * exchange with operation, method, masked URL, status or failure, duration, attempt and request id.
 * TRACE: also the masked headers and the masked start of each body.
 */
final class LoggingInterceptor implements Interceptor {

    /** The logger name users turn on: {@code vn.govsdk.http}. */
    static final String LOGGER_NAME = "vn.govsdk.http";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    /** Characters of a body shown at TRACE. */
    private static final int BODY_LOG_LIMIT = 4096;
    /** Bytes of a body read for masking: masking sees whole values before the text is cut. */
    private static final int BODY_READ_LIMIT = 64 * 1024;

    private final PersonalDataMasker masker;

    LoggingInterceptor(PersonalDataMasker masker) {
        this.masker = masker;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        CallContext context = CallContext.of(request);
        String operation = context == null ? "unnamed" : context.operation().name();
        int attempt = context == null ? 1 : context.attempts();
        String requestId = context == null ? null : context.requestId();
        String url = masker.maskText(request.url().toString());
        if (LOG.isTraceEnabled()) {
            LOG.trace("--> {} {} (attempt {}, request id {})\n{}{}", request.method(), url, attempt, requestId,
                    headers(request.headers()), requestBody(request.body()));
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.debug("{} {} {} failed after {} ms: {} (attempt {}, request id {})", operation, request.method(), url,
                    elapsedMillis(start), masker.maskText(e.toString()), attempt, requestId);
            throw e;
        }
        LOG.debug("{} {} {} -> {} in {} ms (attempt {}, request id {})", operation, request.method(), url,
                response.code(), elapsedMillis(start), attempt, requestId);
        if (LOG.isTraceEnabled()) {
            LOG.trace("<-- {} {} (attempt {}, request id {})\n{}{}", response.code(), url, attempt, requestId,
                    headers(response.headers()), responseBody(response));
        }
        return response;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private String headers(Headers headers) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            s.append(headers.name(i)).append(": ").append(masker.maskHeader(headers.name(i), headers.value(i)))
                    .append('\n');
        }
        return s.toString();
    }

    private String requestBody(RequestBody body) throws IOException {
        if (body == null) {
            return "(no body)";
        }
        long length = body.contentLength();
        if (body.isOneShot() || body.isDuplex() || !isText(body.contentType())) {
            return "(" + describeLength(length) + " body not logged)";
        }
        if (length < 0 || length > BODY_READ_LIMIT) {
            return "(" + describeLength(length) + " body not logged)";
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return bodyText(buffer, charset(body.contentType()), length);
    }

    private String responseBody(Response response) throws IOException {
        ResponseBody body = response.body();
        if (!isText(body.contentType())) {
            return "(" + describeLength(body.contentLength()) + " body not logged)";
        }
        ResponseBody peeked = response.peekBody(BODY_READ_LIMIT);
        Buffer buffer = new Buffer();
        buffer.writeAll(peeked.source());
        return bodyText(buffer, charset(body.contentType()), body.contentLength());
    }

    private String bodyText(Buffer buffer, Charset charset, long length) {
        String masked = masker.maskText(buffer.readString(charset));
        if (masked.length() <= BODY_LOG_LIMIT && length <= BODY_READ_LIMIT) {
            return masked;
        }
        return masked.substring(0, Math.min(masked.length(), BODY_LOG_LIMIT)) + "... (truncated, "
                + describeLength(length) + ")";
    }

    private static String describeLength(long length) {
        return length < 0 ? "unknown-length" : length + "-byte";
    }

    private static boolean isText(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        return type.type().equalsIgnoreCase("text") || subtype.contains("json") || subtype.contains("xml")
                || subtype.equals("x-www-form-urlencoded");
    }

    private static Charset charset(MediaType type) {
        Charset charset = type == null ? null : type.charset(null);
        return charset != null ? charset : StandardCharsets.UTF_8;
    }
}
