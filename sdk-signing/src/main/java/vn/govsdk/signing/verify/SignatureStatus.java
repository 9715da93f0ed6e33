package vn.govsdk.signing.verify;

/** The verdict on a signature (ETSI EN 319 102-1 main indications). */
public enum SignatureStatus {
    /** The signature is intact, made by a certificate that chains to a trusted root and was valid and not revoked. */
    VALID,
    /** The signature is broken or must be rejected: the document was altered, the certificate was revoked or not valid when signing, the algorithm is not permitted. */
    INVALID,
    /** The signature is intact but its validity could not be established: no trusted chain, revocation status unknown, certificate expired since signing without a timestamp. */
    INDETERMINATE
}
