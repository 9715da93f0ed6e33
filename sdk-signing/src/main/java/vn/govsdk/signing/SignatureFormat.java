package vn.govsdk.signing;

/** The signature formats the SDK creates or recognises. */
public enum SignatureFormat {
    /** A plain W3C XML Signature, without XAdES qualifying properties. */
    XMLDSIG("XMLDSig"),
    /** XAdES (ETSI EN 319 132-1): an XML signature with signed qualifying properties. */
    XADES("XAdES"),
    /** CAdES (ETSI EN 319 122-1): CMS signed data with a signing-certificate attribute. */
    CADES("CAdES"),
    /** PKCS#7 / CMS signed data (RFC 2315, RFC 5652) without CAdES attributes. */
    PKCS7("PKCS7"),
    /** PAdES (ETSI EN 319 142-1): a CMS signature inside a PDF, covering the whole file but its own value. */
    PADES("PAdES"),
    /** JSON Web Signature (RFC 7515). */
    JWS("JWS");

    private final String displayName;

    SignatureFormat(String displayName) {
        this.displayName = displayName;
    }

    /**
     * Returns the name used in reports, for example {@code XAdES}.
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }
}
