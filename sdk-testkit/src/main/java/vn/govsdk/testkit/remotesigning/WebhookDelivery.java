package vn.govsdk.testkit.remotesigning;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request a remote signing mock sent to a receiver the test registered: a webhook, or the
 * client-credentials step before a MySign webhook.
 *
 * @param url where it was sent
 * @param headers the request headers the mock set (names as sent)
 * @param body the request body
 * @param status the HTTP status the receiver answered, or 0 when no answer came
 * @param reply the receiver's answer body, empty when none came
 * @param error what went wrong when no answer came
 */
public record WebhookDelivery(URI url, Map<String, String> headers, String body, int status, String reply,
        Optional<String> error) {

    /**
     * Validates and copies the parts.
     *
     * @param url the URL
     * @param headers the headers
     * @param body the body
     * @param status the status
     * @param reply the reply
     * @param error the error, if any
     */
    public WebhookDelivery {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(error, "error");
    }

    /**
     * Tells whether the receiver answered with a 2xx status.
     *
     * @return whether it was accepted
     */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /**
     * Describes the delivery by URL and outcome, without the body (it may hold personal data).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "WebhookDelivery[" + url + " -> " + (status == 0 ? error.orElse("no answer") : status) + "]";
    }
}
