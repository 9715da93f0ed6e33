package vn.govsdk.core;

/**
 * The remote system has no such resource (HTTP 404, or the system's own not-found answer).
 */
public final class NotFoundException extends GovServiceException {
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
    public NotFoundException(int statusCode, String errorCode, String serviceMessage, String requestId, int attempts) {
        super(statusCode, errorCode, serviceMessage, requestId, attempts);
    }
}
