package vn.govsdk.signing.remote;

import java.util.Optional;

/**
 * What the application's webhook endpoint answers the provider, and what happened.
 *
 * @param statusCode the HTTP status to answer: 200 when accepted, 400, 401, 403, 404 or 413 when refused
 * @param contentType the content type of {@code body}
 * @param body the body to answer, in the shape the provider expects (no internal detail)
 * @param accepted whether the payload was verified and applied to a pending signature
 * @param transactionId the transaction the payload completed, or {@code null}
 * @param reason why it was refused, for the application's own log (no personal data), or {@code null}
 */
public record WebhookResponse(int statusCode, String contentType, String body, boolean accepted,
        String transactionId, String reason) {

    /**
     * Returns the transaction the payload completed.
     *
     * @return the id, if one was completed
     */
    public Optional<String> completedTransaction() {
        return Optional.ofNullable(transactionId);
    }

    /**
     * Returns why the payload was refused.
     *
     * @return the reason, empty when accepted
     */
    public Optional<String> refusal() {
        return Optional.ofNullable(reason);
    }
}
