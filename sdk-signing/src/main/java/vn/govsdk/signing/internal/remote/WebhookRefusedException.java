package vn.govsdk.signing.internal.remote;

/** A webhook request failed a check; carries the HTTP status to answer. */
public final class WebhookRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * Creates the exception.
     *
     * @param statusCode the status to answer
     * @param reason why (no personal data)
     */
    public WebhookRefusedException(int statusCode, String reason) {
        super(reason, null, false, false);
        this.statusCode = statusCode;
    }

    /**
     * Returns the status to answer.
     *
     * @return the HTTP status
     */
    public int statusCode() {
        return statusCode;
    }
}
