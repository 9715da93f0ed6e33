package vn.govsdk.signing.remote;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.internal.remote.RemoteSigningKey;

/**
 * A remote signing service: the key stays with the provider (VNPT SmartCA, Viettel MySign, a CA behind
 * the NEAC eSign gateway) and the citizen confirms each request on a phone.
 *
 * <pre>{@code
 * List<X509Certificate> chain = signer.getCertificateChain(userId);
 * PreparedSignature prepared = PadesSigner.builder().build().prepare(Document.of(pdf), chain);
 * RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder()
 *         .userId(userId).add("doc-1", prepared).build());            // the citizen confirms
 * SignedDocument signed = prepared.complete(pending.await(Duration.ofMinutes(5)).get(0));
 * }</pre>
 *
 * Implementations are thread-safe; close them to release the transport they created.
 */
public interface RemoteSigner extends AutoCloseable {

    /**
     * Returns the provider's name, for messages: {@code smartca}, {@code smartca-csc}, {@code mysign}, {@code esign}.
     *
     * @return the name
     */
    String providerName();

    /**
     * Returns the signer's certificate chain, fetched from the provider and cached per user for the
     * configured time; a second call within that time makes no network call.
     *
     * @param userId the provider's user id of the signer
     * @return the chain, signer first
     * @throws vn.govsdk.core.InvalidInputException if the user id is empty or malformed
     * @throws RemoteSigningException (FAILED) if the provider has no usable certificate for the user
     * @throws vn.govsdk.core.GovServiceException if the provider refuses the call
     */
    List<X509Certificate> getCertificateChain(String userId);

    /**
     * Returns how many digests one provider call takes; a larger request is split into the fewest calls.
     *
     * @return the limit, {@link Integer#MAX_VALUE} when the provider sets none
     */
    int maxDigestsPerRequest();

    /**
     * Sends digests for signing; the citizen is asked to confirm on the phone. Checks the request
     * against the provider's rules before any network call.
     *
     * @param request what to sign
     * @return the pending signature
     * @throws vn.govsdk.core.InvalidInputException if the request breaks a provider rule
     * @throws vn.govsdk.core.GovServiceException if the provider refuses the request
     */
    RemoteSignature signDigests(RemoteSigningRequest request);

    /**
     * Verifies a webhook payload and, if it passes every check, completes the pending signature it
     * names: a known pending transaction, the provider's identity and authentication (shared secret,
     * signature header or bearer token, as the provider offers), a size limit, and each signature
     * value verified against the certificate and the digest sent. A payload that fails changes nothing.
     *
     * @param request the request as received
     * @return what to answer the provider, and whether it was accepted
     */
    WebhookResponse acceptWebhook(WebhookRequest request);

    /**
     * Returns a {@link SigningKey} that signs through this service, so that
     * {@code DocumentSigner.sign(document, key)} works in one call; each {@code sign} sends one digest
     * and waits for the citizen.
     *
     * @param userId the provider's user id of the signer
     * @param wait how long each signature waits for the citizen
     * @return the key; its chain is fetched now
     */
    default SigningKey signingKey(String userId, Duration wait) {
        return new RemoteSigningKey(this, userId, wait);
    }

    /** Releases the transport if this signer created it; pending signatures can no longer be polled. */
    @Override
    void close();
}
