package vn.govsdk.signing.internal.verify;

import java.util.Map;

/**
 * The legacy and misplaced algorithm identifiers a CMS signer may carry, named so that a reason says
 * what was found and what the field must hold.
 */
final class LegacyAlgorithms {

    /** Signature-algorithm OIDs that producers put, wrongly, in a digest-algorithm field. */
    private static final Map<String, String> SIGNATURE_OIDS = Map.of(
            "1.2.840.113549.1.1.5", "sha1WithRSAEncryption",
            "1.2.840.113549.1.1.11", "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12", "sha384WithRSAEncryption",
            "1.2.840.113549.1.1.13", "sha512WithRSAEncryption",
            "1.2.840.113549.1.1.1", "rsaEncryption",
            "1.2.840.10045.4.3.2", "ecdsa-with-SHA256",
            "1.2.840.10045.4.3.3", "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4", "ecdsa-with-SHA512",
            "1.2.840.10045.4.1", "ecdsa-with-SHA1");

    private LegacyAlgorithms() {
    }

    /**
     * Whether the OID names a signature algorithm (not a digest algorithm).
     *
     * @param oid the OID
     * @return {@code true} for the RSA and ECDSA signature OIDs
     */
    static boolean isSignatureOid(String oid) {
        return SIGNATURE_OIDS.containsKey(oid);
    }

    /**
     * The reason for a digest-algorithm field the verifier cannot use.
     *
     * @param oid what the field holds
     * @param rule the rule of the digest-algorithm lookup
     * @return a sentence naming the field, what it holds and what it must hold
     */
    static String digestFieldProblem(String oid, String rule) {
        String name = SIGNATURE_OIDS.get(oid);
        if (name != null) {
            return "the signer's digest-algorithm field holds " + oid + " (" + name + "), a signature algorithm; "
                    + "RFC 5652 5.3 requires a digest algorithm there, such as SHA-256 (2.16.840.1.101.3.4.2.1)";
        }
        return "the signer's digest algorithm " + oid + " is not permitted: " + rule;
    }

    /**
     * The JCA name of the SHA-1 signature for a CMS signature-algorithm field.
     *
     * @param oid the signature-algorithm field's OID (the key's algorithm, or the combined OID)
     * @return {@code SHA1withRSA} or {@code SHA1withECDSA}
     * @throws IllegalArgumentException for any other algorithm
     */
    static String sha1Signature(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.5" -> "SHA1withRSA";
            case "1.2.840.10045.2.1", "1.2.840.10045.4.1" -> "SHA1withECDSA";
            default -> throw new IllegalArgumentException("the signature algorithm " + oid
                    + " cannot be combined with the SHA-1 digest");
        };
    }
}
