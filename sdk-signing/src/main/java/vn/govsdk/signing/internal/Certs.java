package vn.govsdk.signing.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.SignatureAlgorithm;

/** Certificate helpers: names for messages, checks before signing, parsing. */
public final class Certs {

    private Certs() {
    }

    /**
     * Returns a certificate's subject in RFC 2253 form, with non-ASCII characters kept.
     *
     * @param cert the certificate
     * @return the subject
     */
    public static String subject(X509Certificate cert) {
        return name(cert.getSubjectX500Principal());
    }

    /**
     * Returns a certificate's issuer in RFC 2253 form.
     *
     * @param cert the certificate
     * @return the issuer
     */
    public static String issuer(X509Certificate cert) {
        return name(cert.getIssuerX500Principal());
    }

    /** Attribute names RFC 2253 does not know, written by name instead of as an OID and hex. */
    private static final java.util.Map<String, String> KEYWORDS = java.util.Map.of("1.2.840.113549.1.9.1", "E");

    /**
     * Returns a distinguished name in RFC 2253 form, with non-ASCII characters kept and the e-mail
     * attribute written {@code E=} (not as its OID and hex).
     *
     * @param p the name
     * @return the text
     */
    public static String name(X500Principal p) {
        return maskIdentifiers(fullName(p));
    }

    /**
     * Returns a distinguished name in full, as {@link #name(X500Principal)} but with identifiers unmasked:
     * for the report's certificate fields, never for messages or logs.
     *
     * @param p the name
     * @return the text
     */
    public static String fullName(X500Principal p) {
        return p.getName(X500Principal.RFC2253, KEYWORDS);
    }

    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("(UID=[A-Za-z]{1,10}:)([^,+]+)");

    /**
     * Masks the values of {@code UID=PREFIX:value} attributes in a distinguished name (citizen IDs, tax
     * codes), as messages and logs must.
     *
     * @param dn the name in RFC 2253 form
     * @return the name with each such value masked
     */
    public static String maskIdentifiers(String dn) {
        return UID.matcher(dn).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + vn.govsdk.core.privacy.PersonalDataMasker.maskIdentifier(m.group(2))));
    }

    /**
     * Names a certificate for a log line without personal data: its serial and its issuer (a CA).
     *
     * @param cert the certificate
     * @return for example {@code serial 5E95... of 'CN=govsdk Test Signing CA,...'}
     */
    public static String forLog(X509Certificate cert) {
        return "serial " + serialHex(cert) + " of '" + issuer(cert) + "'";
    }

    /**
     * Returns the serial number in hex, as CAs print it.
     *
     * @param cert the certificate
     * @return for example {@code 54010203...}
     */
    public static String serialHex(X509Certificate cert) {
        return cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /**
     * Describes a certificate for messages: subject, issuer and serial.
     *
     * @param cert the certificate
     * @return the description
     */
    public static String describe(X509Certificate cert) {
        return "'" + subject(cert) + "' (issued by '" + issuer(cert) + "', serial " + serialHex(cert) + ")";
    }

    /**
     * Returns the DER encoding of a certificate.
     *
     * @param cert the certificate
     * @return the encoding
     */
    public static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /**
     * Parses a DER or PEM certificate.
     *
     * @param bytes the encoding
     * @return the certificate
     * @throws CertificateException if it is not a certificate
     */
    public static X509Certificate parse(byte[] bytes) throws CertificateException {
        return (X509Certificate) FACTORY.get().generateCertificate(new java.io.ByteArrayInputStream(bytes));
    }

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is missing from this JVM", e);
        }
    });

    /**
     * Tells whether the key usage allows signing documents (digitalSignature or nonRepudiation);
     * a certificate without the extension allows everything.
     *
     * @param cert the certificate
     * @return {@code true} if it may sign
     */
    public static boolean keyUsageAllowsSigning(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || (ku.length > 0 && ku[0]) || (ku.length > 1 && ku[1]);
    }

    /**
     * Names the key usages a certificate has, for messages.
     *
     * @param cert the certificate
     * @return for example {@code keyEncipherment}
     */
    public static String keyUsageNames(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        if (ku == null) {
            return "any";
        }
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ku.length && i < names.length; i++) {
            if (ku[i]) {
                out.add(names[i]);
            }
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /**
     * Checks a signer's chain, key and certificate before signing and chooses the algorithm.
     *
     * @param chain the chain, signer first
     * @param requested the requested algorithm, or {@code null} for the key's default
     * @param signingTime the signing time
     * @return the algorithm to use
     * @throws InvalidInputException naming the rule that is broken
     */
    public static SignatureAlgorithm checkSigner(List<X509Certificate> chain, SignatureAlgorithm requested,
            Instant signingTime) {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("certificateChain", "must hold at least the signer's certificate");
        }
        X509Certificate signer = chain.get(0);
        SignatureAlgorithm algorithm = requested == null ? SignatureAlgorithm.defaultFor(signer.getPublicKey()) : requested;
        algorithm.checkKey(signer.getPublicKey());
        if (signingTime.isBefore(signer.getNotBefore().toInstant())) {
            throw new InvalidInputException("certificate", "of " + describe(signer) + " is not valid until "
                    + signer.getNotBefore().toInstant() + "; it cannot sign at " + signingTime);
        }
        if (signingTime.isAfter(signer.getNotAfter().toInstant())) {
            throw new InvalidInputException("certificate", "of " + describe(signer) + " expired on "
                    + signer.getNotAfter().toInstant() + "; renew it with the CA before signing");
        }
        if (!keyUsageAllowsSigning(signer)) {
            throw new InvalidInputException("certificate", "of " + describe(signer) + " is not meant for signatures: "
                    + "its key usage allows only " + keyUsageNames(signer)
                    + " (digitalSignature or nonRepudiation is needed)");
        }
        return algorithm;
    }

    /**
     * Hashes a certificate's DER encoding.
     *
     * @param cert the certificate
     * @param digest the digest algorithm
     * @return the hash
     */
    public static byte[] digest(X509Certificate cert, DigestAlgorithm digest) {
        return digest.digest(encoded(cert));
    }
}
