package vn.govsdk.signing.verify;

/** What the revocation check found for the signer's chain. */
public enum RevocationStatus {
    /** Every certificate checked is not revoked (OCSP good, or absent from a current CRL). */
    GOOD,
    /** A certificate of the chain is revoked. */
    REVOKED,
    /** The status of a certificate could not be established (no answer, unknown, no URL). */
    UNKNOWN,
    /** Revocation checking was turned off, or never reached because the signature failed earlier. */
    NOT_CHECKED
}
