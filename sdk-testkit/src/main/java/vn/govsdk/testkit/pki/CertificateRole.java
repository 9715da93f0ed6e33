package vn.govsdk.testkit.pki;

import java.util.Locale;

/**
 * The certificates of a {@link TestPki}, one credential (key and certificate) each. Every end-entity
 * certificate is issued by {@link #INTERMEDIATE_CA}, which is issued by {@link #ROOT_CA}.
 * {@code docs/contracts/test-pki.md} lists the subject, key, validity and extensions of each.
 */
public enum CertificateRole {

    /** The self-signed root CA: the one trust anchor of the test PKI. */
    ROOT_CA(true),

    /** The intermediate (issuing) CA that issues every end-entity certificate. */
    INTERMEDIATE_CA(true),

    /** A valid signer certificate with an RSA 2048 key, the most common kind issued in Vietnam. */
    SIGNER_RSA_2048(false),

    /** A valid signer certificate with an RSA 3072 key. */
    SIGNER_RSA_3072(false),

    /** A valid signer certificate with an ECDSA key on the NIST P-256 curve (secp256r1). */
    SIGNER_EC_P256(false),

    /** A signer certificate whose validity ended 30 days before the PKI's reference time. */
    SIGNER_EXPIRED(false),

    /** A signer certificate whose validity starts 30 days after the PKI's reference time. */
    SIGNER_NOT_YET_VALID(false),

    /**
     * A signer certificate revoked (reason key compromise) one day before the PKI's reference time:
     * listed in the intermediate CA's CRL and answered {@code revoked} by the OCSP responder.
     */
    SIGNER_REVOKED(false),

    /**
     * A currently valid certificate whose key usage is key encipherment only, so it must not be
     * accepted for signatures.
     */
    SIGNER_WRONG_KEY_USAGE(false),

    /** The timestamp authority (TSA): extended key usage timeStamping, critical, and nothing else. */
    TSA(false),

    /** The delegated OCSP responder: extended key usage OCSPSigning and id-pkix-ocsp-nocheck. */
    OCSP_RESPONDER(false);

    private final boolean certificateAuthority;

    CertificateRole(boolean certificateAuthority) {
        this.certificateAuthority = certificateAuthority;
    }

    /**
     * Tells whether this role is a certificate authority (root or intermediate).
     *
     * @return {@code true} for {@link #ROOT_CA} and {@link #INTERMEDIATE_CA}
     */
    public boolean isCertificateAuthority() {
        return certificateAuthority;
    }

    /**
     * Returns the alias this role's entry has in a PKCS#12 export: the constant's name in lower case
     * with hyphens, for example {@code signer-rsa-2048}.
     *
     * @return the alias
     */
    public String alias() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
