package vn.govsdk.signing.remote;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A remote signing request in flight: one or more provider transactions (a large request is split
 * into the fewest calls the provider allows) waiting for the citizen to confirm on the phone.
 *
 * <p>{@link #await(Duration)} polls with the core {@link vn.govsdk.core.polling.Poller}, at the
 * provider's pacing, until every transaction has ended; a webhook accepted by
 * {@link RemoteSigner#acceptWebhook(WebhookRequest)} completes it without further polls. Every value
 * returned has been checked against the signer's certificate and the digest sent. Thread-safe.
 */
public interface RemoteSignature {

    /**
     * Returns the provider's transaction ids, one per call the request was split into, in order.
     *
     * @return the ids
     */
    List<String> transactionIds();

    /**
     * Returns the digests sent, in request order.
     *
     * @return the digests
     */
    List<DigestToSign> digests();

    /**
     * Returns the certificate chain of the signer, as the provider gave it (signer first).
     *
     * @return the chain
     */
    List<X509Certificate> certificateChain();

    /**
     * Returns the status as last seen, without asking the provider. With several transactions it is
     * the least advanced one, unless one has ended badly (REJECTED, EXPIRED, FAILED win, in that order).
     *
     * @return the status
     */
    RemoteSigningStatus status();

    /**
     * Asks the provider once about every transaction that has not ended, and returns the new status.
     * Signature values received are checked before they are kept.
     *
     * @return the status
     * @throws vn.govsdk.core.GovServiceException if the provider refuses the status call
     * @throws vn.govsdk.core.TransportException if the provider cannot be reached
     */
    RemoteSigningStatus refresh();

    /**
     * Waits until every transaction has ended and returns the signature values in request order: for
     * RSA the PKCS#1 v1.5 value, for ECDSA a DER {@code SEQUENCE {r, s}} (raw {@code r || s} values from
     * a provider are converted). Pass each to {@link vn.govsdk.signing.PreparedSignature#complete(byte[])}.
     *
     * @param timeout the longest time to wait in this call; positive
     * @return the values, one per digest, in request order
     * @throws RemoteSigningException with status REJECTED, EXPIRED or FAILED (a value that does not
     *         verify against the certificate is FAILED)
     * @throws vn.govsdk.core.polling.PollingTimeoutException if the citizen had not answered when the
     *         time ran out; the same signature may be awaited again
     */
    List<byte[]> await(Duration timeout);

    /**
     * Returns the value of one document once it is signed.
     *
     * @param documentId the id given in the request
     * @return a copy of the value, empty until that document's transaction is SIGNED
     */
    Optional<byte[]> signatureValue(String documentId);
}
