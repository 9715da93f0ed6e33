package vn.govsdk.signing.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import vn.govsdk.signing.DigestAlgorithm;

/**
 * A certificate as reports name it: always by subject and issuer (with the serial), never by a hash
 * alone; the SHA-256 fingerprint is there for pinning and lookups.
 *
 * @param subject the subject distinguished name (RFC 2253, Vietnamese letters kept)
 * @param issuer the issuer distinguished name
 * @param serialNumber the serial number in upper-case hex
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param sha256Fingerprint the SHA-256 of the DER encoding, upper-case hex with colons
 * @param certificate the certificate itself
 */
public record CertificateInfo(String subject, String issuer, String serialNumber, Instant notBefore,
        Instant notAfter, String sha256Fingerprint, X509Certificate certificate) {

    /**
     * Validates the parts.
     *
     * @param subject the subject
     * @param issuer the issuer
     * @param serialNumber the serial
     * @param notBefore validity start
     * @param notAfter validity end
     * @param sha256Fingerprint the fingerprint
     * @param certificate the certificate
     */
    public CertificateInfo {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Describes a certificate.
     *
     * @param cert the certificate
     * @return its description
     */
    public static CertificateInfo of(X509Certificate cert) {
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        String fp = HexFormat.ofDelimiter(":").withUpperCase().formatHex(DigestAlgorithm.SHA256.digest(der));
        return new CertificateInfo(vn.govsdk.signing.internal.Certs.fullName(cert.getSubjectX500Principal()),
                vn.govsdk.signing.internal.Certs.fullName(cert.getIssuerX500Principal()),
                cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), fp, cert);
    }

    /**
     * Returns the identifiers the subject carries in {@code UID} attributes ({@code MST:} tax code,
     * {@code CCCD:} citizen ID, {@code CMND:}, {@code HC:}, {@code MNS:}; others kept as text), typed where
     * the value is valid: {@code identifiers().get(0).taxCode()}.
     *
     * @return the identifiers in the subject's order, empty when it has none
     */
    public java.util.List<SignerIdentifier> identifiers() {
        java.util.List<SignerIdentifier> out = new java.util.ArrayList<>();
        try {
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(subject);
            for (javax.naming.ldap.Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("UID")) {
                    SignerIdentifier.parse(String.valueOf(rdn.getValue())).ifPresent(out::add);
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return java.util.List.of();
        }
        java.util.Collections.reverse(out); // LdapName lists RDNs last-first
        return java.util.List.copyOf(out);
    }

    /**
     * Returns the common name (CN) of the subject, or the whole subject if it has none.
     *
     * @return for example {@code Nguyễn Văn An}
     */
    public String commonName() {
        return commonName(subject);
    }

    static String commonName(String dn) {
        try {
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(dn);
            for (int i = name.size() - 1; i >= 0; i--) {
                javax.naming.ldap.Rdn rdn = name.getRdns().get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return dn;
        }
        return dn;
    }

    @Override
    public String toString() {
        return "'" + vn.govsdk.signing.internal.Certs.maskIdentifiers(subject) + "' issued by '" + issuer + "', serial "
                + serialNumber;
    }
}
