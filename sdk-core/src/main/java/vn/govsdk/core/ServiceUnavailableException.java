package vn.govsdk.core;

/**
 * The remote system is down or overloaded (HTTP 502, 503 or 504) and stayed so through every permitted retry.
 */
public final class ServiceUnavailableException extends GovServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status, or 0 when the failure came in a successful HTTP answer
     * @param errorCode the remote system's own error code, or {@code null}
     * @param serviceMessage the remote system's message, or {@code null}
     * @param requestId the correlation id sent with the request, or {@code null}
     * @param attempts how many attempts were made, at least 1
     */
    public ServiceUnavailableException(int statusCode, String errorCode, String serviceMessage, String requestId, int attempts) {
        super(statusCode, errorCode, serviceMessage, requestId, attempts);
    }
}
