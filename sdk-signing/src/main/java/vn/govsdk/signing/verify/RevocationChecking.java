package vn.govsdk.signing.verify;

/** Whether the verifier checks if certificates were revoked. */
public enum RevocationChecking {
    /**
     * Check every certificate of the chain (but the trust anchor) through OCSP and, failing that,
     * the CRL, at the URLs the certificates name. A status that cannot be established makes the
     * signature INDETERMINATE, never VALID. The default.
     */
    ONLINE,
    /**
     * Do not check. Only for offline tests or when the application checks revocation itself; every
     * report then says that revocation was not checked.
     */
    OFF,
    /**
     * Make no network request at all (no OCSP, CRL or AIA fetch): revocation is UNKNOWN and a signature
     * is at best INDETERMINATE. What {@code govsdk verify --offline} uses.
     */
    OFFLINE
}
