package vn.govsdk.signing.verify;

/** Machine-readable codes of the reasons in a {@link SignatureReport}. */
public enum ReasonCode {
    /** No signature was found in the document. */
    NO_SIGNATURE,
    /** The document is not well-formed or not a signature format the SDK reads. */
    MALFORMED,
    /** The document contains a construct refused for safety (DTD, external reference, unsafe transform, duplicate id, wrapping). */
    UNSAFE_CONTENT,
    /** The signed content changed after signing (a digest does not match). */
    CONTENT_ALTERED,
    /** The signature value does not verify with the signer's public key. */
    SIGNATURE_VALUE_INVALID,
    /** The algorithm is not permitted (SHA-1, MD5, a key below the legal minimum). */
    WEAK_ALGORITHM,
    /** The signer's certificate is not in the signature. */
    SIGNER_CERTIFICATE_MISSING,
    /** The signed reference to the signing certificate does not match the certificate that verifies the signature. */
    SIGNER_CERTIFICATE_MISMATCH,
    /**
     * The certificate is not meant for what it signed: a document signer's certificate whose key usage,
     * extended key usage or CA status does not allow signing documents ({@link SignerCertificatePolicy}),
     * or a timestamp authority's certificate that is not a timestamping certificate (RFC 3161).
     */
    KEY_USAGE,
    /** The certificate had expired at the signing time. */
    CERTIFICATE_EXPIRED,
    /** The certificate was not yet valid at the signing time. */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate expired after the claimed signing time, which no timestamp proves. */
    CERTIFICATE_EXPIRED_SINCE_SIGNING,
    /** No chain leads from the signer's certificate to a trusted root. */
    UNTRUSTED_CHAIN,
    /** A certificate of the chain is revoked. */
    CERTIFICATE_REVOKED,
    /**
     * A certificate was revoked after the signing time: indeterminate when the time is only claimed, a
     * warning when a trusted signature timestamp proves the signature existed before the revocation.
     */
    REVOKED_AFTER_SIGNING_TIME,
    /** The revocation status could not be established. */
    REVOCATION_UNKNOWN,
    /** Revocation checking was turned off by the application (a warning, not a failure). */
    REVOCATION_NOT_CHECKED,
    /** The detached content needed to verify the signature was not given. */
    DETACHED_CONTENT_MISSING,
    /**
     * The producing software departed from the XML Signature standard (for example a wrong
     * canonicalisation or the .NET reading of the enveloped-signature transform): the signature does not
     * verify under the standard's rules. As a warning: a compatibility reading the application enabled
     * was used. Also a warning on a PDF signature whose sub-filter is not {@code ETSI.CAdES.detached}
     * (for example {@code adbe.pkcs7.detached}): a PKCS#7 signature in a PDF, not a PAdES baseline one.
     */
    NON_CONFORMANT_SIGNATURE,
    /**
     * A PDF was changed by an incremental update after this signature in a way the rules allow (a later
     * signature, a form field filled, an annotation away from the signed text, where the certification
     * signature's permissions allow them): a warning naming each change. A change beyond them is
     * reported as {@link #CONTENT_ALTERED}. An update that only adds or extends the document security
     * store ({@code /DSS}, PAdES B-LT) is not a modification and is not reported.
     */
    MODIFIED_AFTER_SIGNING,
    /**
     * The input is beyond one of the verifier's {@link VerificationLimits} (its size, the decoded size
     * of a PDF stream, the depth or element count of XML, the time a verification may take): it was
     * refused before the work, so nothing is known about the signature (INDETERMINATE). The message
     * names the limit and its value.
     */
    LIMIT_EXCEEDED,
    /** The signature's own structure is inconsistent (for example XAdES properties that do not belong to it). */
    STRUCTURE_INVALID,
    /**
     * The signature uses a feature of its format that the verifier does not implement (for example JAdES
     * {@code sigD} detached data objects): the signature could not be checked, which is not evidence that
     * it was altered. The status is INDETERMINATE.
     */
    UNSUPPORTED_FEATURE
}
