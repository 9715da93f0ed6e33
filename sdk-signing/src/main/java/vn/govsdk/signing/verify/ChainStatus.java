package vn.govsdk.signing.verify;

/** Where the signer's certificate chain leads. */
public enum ChainStatus {
    /** The chain ends at one of the verifier's trust anchors ({@link SignatureReport#trustAnchor()}). */
    TRUSTED,
    /** The chain could not be built or ends at a root that is not trusted. */
    UNTRUSTED,
    /**
     * An issuer certificate is missing: neither in the signature nor among the trust anchors; the report
     * names it ({@link SignatureReport#missingIssuer()}).
     */
    INCOMPLETE
}
