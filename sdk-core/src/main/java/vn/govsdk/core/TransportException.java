package vn.govsdk.core;

/**
 * The call could not be completed at the transport level: connection refused or dropped, TLS
 * failure, timeout, or the per-call deadline ran out. Thrown after every permitted retry failed.
 */
public final class TransportException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param message what failed, without secrets or personal data
     * @param attempts how many attempts were made, at least 1
     * @param cause the underlying I/O failure
     */
    public TransportException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    /**
     * Returns how many attempts were made before giving up.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return attempts;
    }
}
