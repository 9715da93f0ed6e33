package vn.govsdk.signing.internal.remote;

import java.util.List;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningRequest;
import vn.govsdk.signing.remote.WebhookRequest;

/** The wire protocol of one provider shape; the engine does the rest. Implementations are thread-safe. */
public interface ProviderProtocol extends AutoCloseable {

    /**
     * Returns the provider's name for messages.
     *
     * @return the name
     */
    String name();

    /**
     * Returns how many digests one call takes.
     *
     * @return the limit
     */
    int maxDigestsPerCall();

    /**
     * Checks provider-specific rules before any network call.
     *
     * @param request the request
     */
    default void check(RemoteSigningRequest request) {
    }

    /**
     * Fetches the user's certificate.
     *
     * @param userId the user id
     * @return the certificate and handle
     */
    UserCertificate fetchCertificate(String userId);

    /**
     * Starts one transaction.
     *
     * @param userId the user id
     * @param certificate the user's certificate
     * @param batch the digests of this call
     * @param algorithm the algorithm
     * @param description the description, or {@code null}
     * @return the transaction id
     */
    String start(String userId, UserCertificate certificate, List<DigestToSign> batch, SignatureAlgorithm algorithm,
            String description);

    /**
     * Asks once how a transaction stands.
     *
     * @param userId the user id
     * @param certificate the user's certificate
     * @param transactionId the transaction
     * @return the answer
     */
    ProviderStatus poll(String userId, UserCertificate certificate, String transactionId);

    /**
     * Tells whether the engine polls for results; {@code false} when they come by webhook only.
     *
     * @return whether to poll
     */
    default boolean polls() {
        return true;
    }

    /**
     * Parses and authenticates a webhook request.
     *
     * @param request the request
     * @return the outcome
     * @throws WebhookRefusedException if the request is malformed or not authentic
     */
    WebhookOutcome parseWebhook(WebhookRequest request);

    @Override
    void close();
}
