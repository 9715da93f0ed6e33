package vn.govsdk.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.internal.SigningAccess;

/**
 * A signature ready to be signed: every parameter (format, packaging, level, algorithm, certificate
 * chain, signing time, document) is fixed, and {@link #dataToSign()} holds the exact bytes the key
 * must sign. Hand those bytes (or their {@link #digest()}, for a service that signs hashes) to the key,
 * then call {@link #complete(byte[])} with the value it returns.
 *
 * <p>Immutable and thread-safe; {@link #complete(byte[])} may be called more than once.
 */
public final class PreparedSignature {

    static {
        SigningAccess.install(new SigningAccess() {
            @Override
            public PreparedSignature prepared(PreparedData data, Completion completion) {
                return new PreparedSignature(data, completion);
            }

            @Override
            public SignedDocument signed(PreparedData data, String mediaType, String fileName, long size,
                    ContentWriter writer) {
                return new SignedDocument(data, mediaType, fileName, size, writer);
            }
        });
    }

    private final SigningAccess.PreparedData data;
    private final SigningAccess.Completion completion;

    private PreparedSignature(SigningAccess.PreparedData data, SigningAccess.Completion completion) {
        this.data = Objects.requireNonNull(data, "data");
        this.completion = Objects.requireNonNull(completion, "completion");
    }

    /**
     * Returns the format.
     *
     * @return the format
     */
    public SignatureFormat format() {
        return data.format();
    }

    /**
     * Returns the packaging.
     *
     * @return the packaging
     */
    public SignaturePackaging packaging() {
        return data.packaging();
    }

    /**
     * Returns the baseline level.
     *
     * @return the level
     */
    public SignatureLevel level() {
        return data.level();
    }

    /**
     * Returns the signature algorithm the key must use.
     *
     * @return the algorithm
     */
    public SignatureAlgorithm algorithm() {
        return data.algorithm();
    }

    /**
     * Returns the digest algorithm used for the document and the signed references.
     *
     * @return the digest algorithm
     */
    public DigestAlgorithm contentDigestAlgorithm() {
        return data.contentDigest();
    }

    /**
     * Returns the certificate chain, signer first.
     *
     * @return the chain
     */
    public List<X509Certificate> certificateChain() {
        return data.certificateChain();
    }

    /**
     * Returns the signer's certificate.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate signerCertificate() {
        return data.certificateChain().get(0);
    }

    /**
     * Returns the signing time written into the signature (claimed by the signer, UTC).
     *
     * @return the signing time
     */
    public Instant signingTime() {
        return data.signingTime();
    }

    /**
     * Returns the name of the document being signed.
     *
     * @return the name
     */
    public String documentName() {
        return data.documentName();
    }

    /**
     * Returns the media type of the document being signed.
     *
     * @return the media type
     */
    public String documentMediaType() {
        return data.documentMediaType();
    }

    /**
     * Returns the exact bytes the key signs with {@link #algorithm()}: the canonical XML
     * {@code SignedInfo}, the DER-encoded CMS signed attributes, or the JWS signing input.
     *
     * @return a copy of the bytes to sign
     */
    public byte[] dataToSign() {
        return data.dataToSign().clone();
    }

    /**
     * Returns the hash of {@link #dataToSign()} with the algorithm's digest, for keys that sign
     * hashes only (remote signing services, raw HSM mechanisms).
     *
     * @return the digest
     */
    public byte[] digest() {
        return data.algorithm().digestAlgorithm().digest(data.dataToSign());
    }

    /**
     * Completes the signature with the value the key returned. The value is checked against the
     * signer's certificate before it is embedded, so a wrong key or a corrupted answer from a remote
     * service is refused here rather than producing an invalid document.
     *
     * @param signatureValue the value in JCA encoding: PKCS#1 or PSS bytes for RSA, DER
     *        {@code SEQUENCE {r, s}} for ECDSA
     * @return the signed document
     * @throws InvalidInputException if the value is empty or does not verify with the certificate
     */
    public SignedDocument complete(byte[] signatureValue) {
        if (signatureValue == null || signatureValue.length == 0) {
            throw new InvalidInputException("signatureValue", "must not be empty");
        }
        byte[] value = signatureValue.clone();
        if (!data.algorithm().verify(signerCertificate().getPublicKey(), data.dataToSign(), value)) {
            throw new InvalidInputException("signatureValue", "does not verify with the public key of "
                    + signerCertificate().getSubjectX500Principal().getName() + " under " + data.algorithm()
                    + "; the key that signed is not the certificate's key, or the value was damaged");
        }
        return completion.complete(value);
    }

    @Override
    public String toString() {
        return "PreparedSignature[" + data.format().displayName() + " " + data.packaging() + " "
                + data.level().displayName() + ", " + data.algorithm() + ", signer "
                + signerCertificate().getSubjectX500Principal().getName() + ", at " + data.signingTime()
                + ", document " + data.documentName() + ", " + data.dataToSign().length + " bytes to sign]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedSignature p && p.data.format() == data.format()
                && Arrays.equals(p.data.dataToSign(), data.dataToSign());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data.dataToSign());
    }
}
