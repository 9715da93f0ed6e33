package vn.govsdk.signing.timestamp;

import vn.govsdk.core.GovSdkException;

/**
 * No timestamp could be obtained: every authority was unreachable, timed out, refused the request
 * (with its PKI failure information), or answered with a token that does not match the request.
 * The message names each authority tried and what it answered.
 */
public final class TimestampException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the authorities tried
     */
    public TimestampException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the authorities tried
     * @param cause the underlying failure
     */
    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
