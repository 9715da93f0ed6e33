package vn.govsdk.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Sleeper;

/**
 * Sends each attempt of a call and decides whether to send another, as {@link RetryPolicy}
 * describes. Everything installed after it (auth, logging) runs once per attempt. It also enforces
 * the call deadline: no attempt starts after it, no wait crosses it, and each attempt's connect,
 * read and write timeouts are cut to what remains.
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingInterceptor.LOGGER_NAME);

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    RetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallContext context = CallContext.of(request);
        boolean repeatable = context.operation().safeToRetry()
                && (request.body() == null || !request.body().isOneShot());
        int maxAttempts = repeatable ? policy.maxRetries() + 1 : 1;
        for (int retry = 0;; retry++) {
            Duration remaining = context.remaining(clock);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new DeadlineExceededException("call deadline of " + context.deadlineLength() + " exceeded");
            }
            int attempt = context.startAttempt();
            Response response;
            try {
                response = withTimeouts(chain, remaining).proceed(request);
            } catch (IOException e) {
                if (attempt >= maxAttempts || chain.call().isCanceled() || !isRetryable(e)) {
                    throw e;
                }
                Duration delay = backoff(retry);
                if (!fitsDeadline(delay, context)) {
                    throw e;
                }
                LOG.debug("{} attempt {} failed ({}); retrying in {} ms (request id {})", context.operation().name(),
                        attempt, e.getClass().getSimpleName(), delay.toMillis(), context.requestId());
                sleep(delay);
                continue;
            }
            if (attempt >= maxAttempts || !policy.isRetryableStatus(response.code())) {
                return response;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                LOG.debug("{} not retried: Retry-After {} s exceeds the {} s the retry policy waits (request id {})",
                        context.operation().name(), retryAfter.get().toSeconds(),
                        policy.maxRetryAfter().toSeconds(), context.requestId());
                return response;
            }
            Duration delay = retryAfter.isPresent() ? retryAfter.get() : backoff(retry);
            if (!fitsDeadline(delay, context)) {
                LOG.debug("{} not retried: waiting {} ms would pass the call deadline (request id {})",
                        context.operation().name(), delay.toMillis(), context.requestId());
                return response;
            }
            LOG.debug("{} attempt {} answered HTTP {}; retrying in {} ms (request id {})", context.operation().name(),
                    attempt, response.code(), delay.toMillis(), context.requestId());
            response.close();
            sleep(delay);
        }
    }

    /**
     * Tells whether an I/O failure before a response may be retried: every one except a
     * certificate that the platform refuses, which no retry can fix.
     */
    static boolean isRetryable(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return false;
        }
        return !(e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException);
    }

    /** Full jitter: a random wait in [0, min(maxDelay, baseDelay * 2^retry)). */
    Duration backoff(int retry) {
        long base = policy.baseDelay().toNanos();
        long cap = policy.maxDelay().toNanos();
        long ceiling = retry >= 62 || base > (cap >> retry) ? cap : Math.min(cap, base << retry);
        return Duration.ofNanos((long) (jitter.getAsDouble() * ceiling));
    }

    private boolean fitsDeadline(Duration delay, CallContext context) {
        return delay.compareTo(context.remaining(clock)) < 0;
    }

    private void sleep(Duration delay) throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException failure = new InterruptedIOException("interrupted while waiting to retry");
            failure.initCause(e);
            throw failure;
        }
    }

    private static Chain withTimeouts(Chain chain, Duration remaining) {
        int left = (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining.toMillis()));
        Chain c = chain;
        if (c.connectTimeoutMillis() == 0 || c.connectTimeoutMillis() > left) {
            c = c.withConnectTimeout(left, TimeUnit.MILLISECONDS);
        }
        if (c.readTimeoutMillis() == 0 || c.readTimeoutMillis() > left) {
            c = c.withReadTimeout(left, TimeUnit.MILLISECONDS);
        }
        if (c.writeTimeoutMillis() == 0 || c.writeTimeoutMillis() > left) {
            c = c.withWriteTimeout(left, TimeUnit.MILLISECONDS);
        }
        return c;
    }
}
