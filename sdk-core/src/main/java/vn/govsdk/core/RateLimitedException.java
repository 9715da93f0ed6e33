package vn.govsdk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The remote system asked the caller to slow down (HTTP 429) and kept asking through every
 * permitted retry. {@link #retryAfter()} carries the wait it last suggested.
 */
public final class RateLimitedException extends GovServiceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status
     * @param errorCode the remote system's own error code, or {@code null}
     * @param serviceMessage the remote system's message, or {@code null}
     * @param requestId the correlation id sent with the request, or {@code null}
     * @param attempts how many attempts were made, at least 1
     * @param retryAfter the wait the server suggested, or {@code null}
     */
    public RateLimitedException(int statusCode, String errorCode, String serviceMessage, String requestId,
            int attempts, Duration retryAfter) {
        super(statusCode, errorCode, serviceMessage, requestId, attempts);
        this.retryAfter = retryAfter;
    }

    /**
     * Returns the wait the server last suggested in {@code Retry-After}.
     *
     * @return the suggested wait, if the server gave one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
