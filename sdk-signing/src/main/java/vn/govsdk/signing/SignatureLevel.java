package vn.govsdk.signing;

/**
 * Baseline signature levels of the ETSI standards (EN 319 122-1, 319 132-1, 319 142-1). XAdES, CAdES and
 * PAdES signers make B-B, B-T (with a signature timestamp) and B-LT (with validation data); B-LTA is
 * recognised in reports but not made.
 */
public enum SignatureLevel {
    /** No baseline level: a plain XML signature, PKCS#7 or JWS. */
    NONE("none"),
    /** Basic signature: signing certificate and signing time in signed attributes. */
    B_B("B-B"),
    /** B-B with a signature timestamp from a timestamp authority. */
    B_T("B-T"),
    /** B-T with the certificates and revocation data needed for long-term validation. */
    B_LT("B-LT"),
    /** B-LT with an archive timestamp. */
    B_LTA("B-LTA");

    private final String displayName;

    SignatureLevel(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Returns the name used in reports, for example {@code B-B}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }
}
