package vn.govsdk.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signs documents in one format, in three steps or in one call.
 *
 * <p>For a key in this process (a file or a token), call {@link #sign(Document, SigningKey)}. For a key
 * that lives elsewhere (a remote signing service, a browser agent, an HSM behind a queue):
 * <pre>{@code
 * PreparedSignature prepared = signer.prepare(document, certificateChain);
 * byte[] value = remoteKey.sign(prepared.dataToSign(), prepared.algorithm()); // or sign prepared.digest()
 * SignedDocument signed = prepared.complete(value);
 * }</pre>
 * The prepared object captures every parameter, so the steps cannot drift apart. Implementations
 * are immutable and thread-safe.
 */
public interface DocumentSigner {

    /**
     * Returns the format this signer produces.
     *
     * @return the format
     */
    SignatureFormat format();

    /**
     * Returns the packaging this signer produces.
     *
     * @return the packaging
     */
    SignaturePackaging packaging();

    /**
     * Prepares a signature: checks the certificate and algorithm, fixes the signing time, hashes the
     * document and builds the bytes the key must sign.
     *
     * @param document the document to sign
     * @param certificateChain the signer's certificate first, then its issuers
     * @return the prepared signature, holding every parameter
     * @throws vn.govsdk.core.InvalidInputException naming the rule if the document, certificate
     *         (expired, not for signing, weak key) or algorithm is refused
     */
    PreparedSignature prepare(Document document, List<X509Certificate> certificateChain);

    /**
     * Signs a document in one call: prepare, sign with the key, complete.
     *
     * @param document the document to sign
     * @param key the signing key
     * @return the signed document
     * @throws vn.govsdk.core.InvalidInputException if the document, certificate or algorithm is refused
     * @throws SigningException if the key fails to sign
     */
    default SignedDocument sign(Document document, SigningKey key) {
        PreparedSignature prepared = prepare(document, key.certificateChain());
        return prepared.complete(key.sign(prepared.dataToSign(), prepared.algorithm()));
    }
}
