package vn.govsdk.signing.xades;

/** XML canonicalization methods for {@code SignedInfo} and the signed references. */
public enum Canonicalization {
    /**
     * Exclusive XML Canonicalization 1.0 without comments: the signed part keeps its digest when it
     * is later moved into another envelope (a SOAP message, a data-exchange package). The default.
     */
    EXCLUSIVE("http://www.w3.org/2001/10/xml-exc-c14n#"),
    /**
     * Canonical XML 1.0 without comments, as many Vietnamese e-invoice and tax-filing systems use.
     */
    INCLUSIVE("http://www.w3.org/TR/2001/REC-xml-c14n-20010315"),
    /** Canonical XML 1.1 without comments. */
    INCLUSIVE_11("http://www.w3.org/2006/12/xml-c14n11");

    private final String uri;

    Canonicalization(String uri) {
        this.uri = uri;
    }

    /**
     * Returns the algorithm identifier used in {@code ds:CanonicalizationMethod} and {@code ds:Transform}.
     *
     * @return the URI
     */
    public String uri() {
        return uri;
    }
}
