package vn.govsdk.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import vn.govsdk.core.InvalidInputException;

/**
 * The hash functions permitted for signatures: SHA-256, SHA-384 and SHA-512 (FIPS 180-4). SHA-1 and
 * MD5 are not permitted and have no constant here.
 */
public enum DigestAlgorithm {
    /** SHA-256, the usual choice. */
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", "http://www.w3.org/2001/04/xmlenc#sha256", 32),
    /** SHA-384. */
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", "http://www.w3.org/2001/04/xmldsig-more#sha384", 48),
    /** SHA-512. */
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", "http://www.w3.org/2001/04/xmlenc#sha512", 64);

    private final String jcaName;
    private final String oid;
    private final String xmlDsigUri;
    private final int length;

    DigestAlgorithm(String jcaName, String oid, String xmlDsigUri, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.xmlDsigUri = xmlDsigUri;
        this.length = length;
    }

    /**
     * Returns the Java Cryptography Architecture name, for {@link MessageDigest#getInstance(String)}.
     *
     * @return for example {@code SHA-256}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * Returns the ASN.1 object identifier used in CMS.
     *
     * @return the dotted OID
     */
    public String oid() {
        return oid;
    }

    /**
     * Returns the identifier used in XML signatures ({@code ds:DigestMethod/@Algorithm}).
     *
     * @return the URI
     */
    public String xmlDsigUri() {
        return xmlDsigUri;
    }

    /**
     * Returns the length of a digest in bytes.
     *
     * @return 32, 48 or 64
     */
    public int length() {
        return length;
    }

    /**
     * Creates a new, unshared message digest for this algorithm.
     *
     * @return a fresh {@link MessageDigest}
     */
    public MessageDigest newMessageDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JVM", e);
        }
    }

    /**
     * Computes the digest of the given bytes.
     *
     * @param data the bytes to hash
     * @return the digest
     */
    public byte[] digest(byte[] data) {
        return newMessageDigest().digest(data);
    }

    /**
     * Finds a digest algorithm by name ({@code SHA-256}, {@code SHA256}, {@code sha256}), OID or
     * XML-signature URI.
     *
     * @param name the name, OID or URI
     * @return the algorithm
     * @throws InvalidInputException naming the rule if the name is unknown, or SHA-1 or MD5
     */
    public static DigestAlgorithm fromName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("digestAlgorithm", "must not be empty");
        }
        String n = name.trim();
        String compact = n.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (DigestAlgorithm a : values()) {
            if (a.name().equals(compact) || a.oid.equals(n) || a.xmlDsigUri.equals(n)) {
                return a;
            }
        }
        if (compact.equals("SHA1") || compact.equals("MD5") || n.equals("1.3.14.3.2.26")
                || n.equals("http://www.w3.org/2000/09/xmldsig#sha1")) {
            throw new InvalidInputException("digestAlgorithm", "must be SHA-256, SHA-384 or SHA-512; "
                    + n + " is not permitted for signatures (Circular 15/2025 requires SHA-2)");
        }
        throw new InvalidInputException("digestAlgorithm", "must be SHA-256, SHA-384 or SHA-512, got " + n);
    }
}
