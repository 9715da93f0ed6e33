package vn.govsdk.dataexchange.payment;

import java.util.Optional;

/**
 * The outcome of verifying a PayGov confirmation callback.
 *
 * @param status what to answer PayGov
 * @param confirmation the verified confirmation, present only when the callback was accepted
 * @param rejection why it was refused, present only when refused
 */
public record PayGovCallbackResult(PayGovReplyStatus status, Optional<PayGovConfirmation> confirmation,
        Optional<CallbackRejection> rejection) {

    /**
     * Whether the callback was accepted (verified, fresh, not replayed).
     *
     * @return true when accepted
     */
    public boolean accepted() {
        return confirmation.isPresent();
    }

    /**
     * The reply body to send: {@code {"status":"SUCCESSFUL|FAILED|SIGNATURE_WRONG"}}.
     *
     * @return JSON text
     */
    public String replyJson() {
        return "{\"status\":\"" + status.name() + "\"}";
    }
}
