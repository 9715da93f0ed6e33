package vn.govsdk.core.internal.http;

import java.time.Duration;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.RateLimitedException;
import vn.govsdk.core.ServiceUnavailableException;

/** Maps an HTTP status to the {@link GovServiceException} subclass a caller handles. */
public final class ErrorMapping {

    private ErrorMapping() {
    }

    /**
     * Builds the exception for a failed answer.
     *
     * @param status the HTTP status (0 for an error inside a 2xx answer)
     * @param error the system's own code and message; the message must already be masked
     * @param requestId the correlation id
     * @param attempts how many attempts were made
     * @param retryAfter the server's last {@code Retry-After}, or {@code null}
     * @return 401/403 {@link AuthenticationFailedException}, 404 {@link NotFoundException}, 429
     *         {@link RateLimitedException}, 502/503/504 {@link ServiceUnavailableException}, otherwise
     *         {@link GovServiceException}
     */
    public static GovServiceException toException(int status, ServiceError error, String requestId, int attempts,
            Duration retryAfter) {
        String code = error.code();
        String message = error.message();
        return switch (status) {
            case 401, 403 -> new AuthenticationFailedException(status, code, message, requestId, attempts);
            case 404 -> new NotFoundException(status, code, message, requestId, attempts);
            case 429 -> new RateLimitedException(status, code, message, requestId, attempts, retryAfter);
            case 502, 503, 504 -> new ServiceUnavailableException(status, code, message, requestId, attempts);
            default -> new GovServiceException(status, code, message, requestId, attempts);
        };
    }
}
