package vn.govsdk.signing.internal.remote;

import vn.govsdk.signing.remote.WebhookResponse;

/** What a protocol made of a webhook request. */
public sealed interface WebhookOutcome {

    /**
     * A result for a transaction, from a payload whose form and provider identity were checked.
     *
     * @param transactionId the transaction named
     * @param status the reported outcome with any values
     * @param authenticated whether a secret-based check (HMAC, bearer token) passed, rather than ids only
     * @param hintOnly whether the payload is only a hint, the result to be fetched from the provider
     * @param reply the body to answer on acceptance
     */
    record Result(String transactionId, ProviderStatus status, boolean authenticated, boolean hintOnly, String reply)
            implements WebhookOutcome {
    }

    /**
     * A request the protocol answered by itself (for example a token request).
     *
     * @param response the answer
     */
    record Reply(WebhookResponse response) implements WebhookOutcome {
    }
}
