package vn.govsdk.signing;

/** Where the signature sits relative to the signed content. */
public enum SignaturePackaging {
    /** The signature is inside the signed XML document (XAdES). */
    ENVELOPED,
    /**
     * The content is inside the signature: XAdES with the content in a {@code ds:Object}, attached
     * CAdES/PKCS#7, or JWS with its payload.
     */
    ENVELOPING,
    /**
     * The signature is separate from the content, which the verifier is given alongside: detached
     * XAdES, detached CAdES/PKCS#7 ({@code .p7s}), or JWS with a detached payload (RFC 7515 appendix F).
     */
    DETACHED
}
