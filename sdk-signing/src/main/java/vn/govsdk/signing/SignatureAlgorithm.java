package vn.govsdk.signing;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * The signature algorithms permitted by the Vietnamese rules (Circular 15/2025 draft, Appendix I):
 * SHA-2 with RSA PKCS#1 v1.5, RSA-PSS (RSASSA-PSS, MGF1 with the same hash, salt as long as the hash)
 * or ECDSA. RSA keys must have at least {@value #MIN_RSA_BITS} bits and EC keys at least
 * {@value #MIN_EC_BITS}; SHA-1 is refused.
 */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256 (JWS {@code RS256}). */
    RSA_SHA256(DigestAlgorithm.SHA256, "RSA", false, "SHA256withRSA", "1.2.840.113549.1.1.11",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "RS256"),
    /** RSA PKCS#1 v1.5 with SHA-384 (JWS {@code RS384}). */
    RSA_SHA384(DigestAlgorithm.SHA384, "RSA", false, "SHA384withRSA", "1.2.840.113549.1.1.12",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "RS384"),
    /** RSA PKCS#1 v1.5 with SHA-512 (JWS {@code RS512}). */
    RSA_SHA512(DigestAlgorithm.SHA512, "RSA", false, "SHA512withRSA", "1.2.840.113549.1.1.13",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "RS512"),
    /** RSASSA-PSS with SHA-256 (JWS {@code PS256}). */
    RSA_PSS_SHA256(DigestAlgorithm.SHA256, "RSA", true, "RSASSA-PSS", "1.2.840.113549.1.1.10",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "PS256"),
    /** RSASSA-PSS with SHA-384 (JWS {@code PS384}). */
    RSA_PSS_SHA384(DigestAlgorithm.SHA384, "RSA", true, "RSASSA-PSS", "1.2.840.113549.1.1.10",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", "PS384"),
    /** RSASSA-PSS with SHA-512 (JWS {@code PS512}). */
    RSA_PSS_SHA512(DigestAlgorithm.SHA512, "RSA", true, "RSASSA-PSS", "1.2.840.113549.1.1.10",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", "PS512"),
    /** ECDSA with SHA-256 (JWS {@code ES256} on curve P-256). */
    ECDSA_SHA256(DigestAlgorithm.SHA256, "EC", false, "SHA256withECDSA", "1.2.840.10045.4.3.2",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "ES256"),
    /** ECDSA with SHA-384 (JWS {@code ES384} on curve P-384). */
    ECDSA_SHA384(DigestAlgorithm.SHA384, "EC", false, "SHA384withECDSA", "1.2.840.10045.4.3.3",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "ES384"),
    /** ECDSA with SHA-512 (JWS {@code ES512} on curve P-521). */
    ECDSA_SHA512(DigestAlgorithm.SHA512, "EC", false, "SHA512withECDSA", "1.2.840.10045.4.3.4",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "ES512");

    /** The smallest RSA modulus permitted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** The smallest elliptic-curve field permitted, in bits. */
    public static final int MIN_EC_BITS = 256;

    private final DigestAlgorithm digest;
    private final String keyAlgorithm;
    private final boolean pss;
    private final String jcaName;
    private final String oid;
    private final String xmlDsigUri;
    private final String jwsName;

    SignatureAlgorithm(DigestAlgorithm digest, String keyAlgorithm, boolean pss, String jcaName, String oid,
            String xmlDsigUri, String jwsName) {
        this.digest = digest;
        this.keyAlgorithm = keyAlgorithm;
        this.pss = pss;
        this.jcaName = jcaName;
        this.oid = oid;
        this.xmlDsigUri = xmlDsigUri;
        this.jwsName = jwsName;
    }

    /**
     * Returns the hash function this algorithm signs with.
     *
     * @return the digest algorithm
     */
    public DigestAlgorithm digestAlgorithm() {
        return digest;
    }

    /**
     * Returns the key algorithm, as {@link java.security.Key#getAlgorithm()} names it.
     *
     * @return {@code RSA} or {@code EC}
     */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /**
     * Tells whether this is RSASSA-PSS.
     *
     * @return {@code true} for the {@code RSA_PSS_*} constants
     */
    public boolean isPss() {
        return pss;
    }

    /**
     * Returns the JCA signature name; for PSS it is {@code RSASSA-PSS}, used with
     * {@link #pssParameters()}.
     *
     * @return the name for {@link Signature#getInstance(String)}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * Returns the PSS parameters (MGF1 with the same hash, salt length equal to the hash length,
     * trailer field 1), or {@code null} for the other algorithms.
     *
     * @return the parameters, or {@code null} if this is not PSS
     */
    public PSSParameterSpec pssParameters() {
        if (!pss) {
            return null;
        }
        return new PSSParameterSpec(digest.jcaName(), "MGF1", new MGF1ParameterSpec(digest.jcaName()),
                digest.length(), PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /**
     * Returns the ASN.1 object identifier used in CMS and certificates.
     *
     * @return the dotted OID (for PSS the parameters tell the hash)
     */
    public String oid() {
        return oid;
    }

    /**
     * Returns the identifier used in XML signatures ({@code ds:SignatureMethod/@Algorithm}).
     *
     * @return the URI
     */
    public String xmlDsigUri() {
        return xmlDsigUri;
    }

    /**
     * Returns the JSON Web Signature name (RFC 7518).
     *
     * @return for example {@code RS256}, {@code PS256} or {@code ES256}
     */
    public String jwsName() {
        return jwsName;
    }

    /**
     * Creates a fresh JCA {@link Signature} for this algorithm, with PSS parameters set, from the
     * first provider that has it.
     *
     * @return an uninitialised signature object
     */
    public Signature newSignature() {
        return newSignature(null);
    }

    /**
     * Creates a fresh JCA {@link Signature} for this algorithm, with PSS parameters set.
     *
     * @param provider the provider to use (for example a SunPKCS11 instance), or {@code null} for any
     * @return an uninitialised signature object
     */
    public Signature newSignature(Provider provider) {
        try {
            Signature s = provider == null ? Signature.getInstance(jcaName) : Signature.getInstance(jcaName, provider);
            if (pss) {
                s.setParameter(pssParameters());
            }
            return s;
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(jcaName + " is not available"
                    + (provider == null ? "" : " from provider " + provider.getName()), e);
        }
    }

    /**
     * Checks that a public key suits this algorithm and meets the legal minimum size.
     *
     * @param key the signer's public key
     * @throws InvalidInputException naming the rule if the key is of the wrong type or too small
     */
    public void checkKey(PublicKey key) {
        Objects.requireNonNull(key, "key");
        checkKeyStrength(key);
        if (!keyAlgorithm.equals(normalisedKeyAlgorithm(key))) {
            throw new InvalidInputException("signatureAlgorithm", name() + " needs an " + keyAlgorithm
                    + " key, but the certificate holds an " + normalisedKeyAlgorithm(key) + " key");
        }
    }

    /**
     * Checks that a key meets the legal minimum (RSA at least 2048 bits, EC at least 256 bits) and
     * is of a permitted type.
     *
     * @param key the public key
     * @throws InvalidInputException naming the rule if it does not
     */
    public static void checkKeyStrength(PublicKey key) {
        Objects.requireNonNull(key, "key");
        String type = normalisedKeyAlgorithm(key);
        int bits = keyBits(key);
        if (type.equals("RSA")) {
            if (bits < MIN_RSA_BITS) {
                throw new InvalidInputException("key", "RSA key of " + bits + " bits is below the legal minimum of "
                        + MIN_RSA_BITS + " bits (Circular 15/2025); ask the CA for a new certificate");
            }
        } else if (type.equals("EC")) {
            if (bits < MIN_EC_BITS) {
                throw new InvalidInputException("key", "EC key of " + bits + " bits is below the legal minimum of "
                        + MIN_EC_BITS + " bits (Circular 15/2025)");
            }
        } else {
            throw new InvalidInputException("key", "must be an RSA or EC key, got " + key.getAlgorithm());
        }
    }

    /**
     * Chooses the default algorithm for a key: SHA-256 with RSA PKCS#1 v1.5 for RSA keys, and ECDSA
     * with the hash matching the curve (SHA-256 for P-256, SHA-384 for P-384, SHA-512 for P-521).
     *
     * @param key the signer's public key
     * @return the algorithm
     * @throws InvalidInputException if the key is of an unsupported type or below the legal minimum
     */
    public static SignatureAlgorithm defaultFor(PublicKey key) {
        checkKeyStrength(key);
        if (normalisedKeyAlgorithm(key).equals("RSA")) {
            return RSA_SHA256;
        }
        int bits = keyBits(key);
        return bits <= 256 ? ECDSA_SHA256 : bits <= 384 ? ECDSA_SHA384 : ECDSA_SHA512;
    }

    /**
     * Finds an algorithm by JCA name ({@code SHA256withRSA}, {@code SHA256withRSAandMGF1},
     * {@code SHA256withECDSA}), JWS name ({@code RS256}, {@code PS256}, {@code ES256}), XML-signature
     * URI or constant name.
     *
     * @param name the name
     * @return the algorithm
     * @throws InvalidInputException naming the rule if unknown, or if it uses SHA-1 or MD5
     */
    public static SignatureAlgorithm fromName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("signatureAlgorithm", "must not be empty");
        }
        String n = name.trim();
        String upper = n.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (SignatureAlgorithm a : values()) {
            if (a.name().replace("_", "").equals(upper) || a.jwsName.equalsIgnoreCase(n) || a.xmlDsigUri.equals(n)
                    || (!a.pss && a.jcaName.equalsIgnoreCase(n))
                    || (a.pss && (upper.equals(a.digest.name() + "WITHRSAANDMGF1")
                            || upper.equals(a.digest.name() + "WITHRSASSAPSS")))) {
                return a;
            }
        }
        if (upper.contains("SHA1") || upper.contains("MD5") || n.endsWith("#rsa-sha1") || n.endsWith("#dsa-sha1")
                || n.endsWith("#ecdsa-sha1") || upper.equals("RS1")) {
            throw new InvalidInputException("signatureAlgorithm", n + " uses SHA-1 or MD5, which Circular 15/2025 "
                    + "no longer permits; use SHA-256 (for example SHA256withRSA, PS256 or ES256)");
        }
        throw new InvalidInputException("signatureAlgorithm", "must be SHA-256/384/512 with RSA, RSA-PSS or ECDSA, got " + n);
    }

    /**
     * Verifies a signature value with this algorithm, as a convenience for checks such as the one
     * {@link PreparedSignature#complete(byte[])} makes.
     *
     * @param key the public key
     * @param data the signed bytes
     * @param signatureValue the value, in JCA encoding (DER for ECDSA)
     * @return {@code true} if the value is a correct signature of the data under the key
     */
    public boolean verify(PublicKey key, byte[] data, byte[] signatureValue) {
        try {
            Signature s = newSignature();
            s.initVerify(key);
            s.update(data);
            return s.verify(signatureValue);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String normalisedKeyAlgorithm(PublicKey key) {
        String a = key.getAlgorithm();
        if (key instanceof RSAPublicKey || "RSA".equalsIgnoreCase(a) || "RSASSA-PSS".equalsIgnoreCase(a)) {
            return "RSA";
        }
        if (key instanceof ECPublicKey || "EC".equalsIgnoreCase(a) || "ECDSA".equalsIgnoreCase(a)) {
            return "EC";
        }
        return a;
    }

    static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }
}
