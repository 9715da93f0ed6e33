package vn.govsdk.signing.internal.verify;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The validation data a signature carries (CAdES {@code certValues}/{@code revocationValues} and
 * {@code SignedData.certificates}/{@code crls}, XAdES {@code CertificateValues}/{@code RevocationValues},
 * the PAdES DSS dictionary), handed by each format verifier to
 * {@link CertificateValidator#validate(vn.govsdk.signing.verify.SignatureReport.Builder, X509Certificate, List,
 * java.time.Instant, java.time.Instant, List, java.time.Instant, EmbeddedValidationData)}. The certificates help
 * build chains; the OCSP responses and CRLs are tried before the network, each checked (signature, responder
 * authorisation, coverage of the certificate, issued at or after the signature timestamp's or signing time).
 * Nothing here is trusted because it is embedded.
 *
 * @param certs certificates, without duplicates
 * @param ocsp DER {@code OCSPResponse} or {@code BasicOCSPResponse} structures
 * @param crls DER CRLs
 */
public record EmbeddedValidationData(List<X509Certificate> certs, List<byte[]> ocsp, List<byte[]> crls) {

    /** No embedded data. */
    public static final EmbeddedValidationData NONE = new EmbeddedValidationData(List.of(), List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param certs the certificates
     * @param ocsp the OCSP responses
     * @param crls the CRLs
     */
    public EmbeddedValidationData {
        certs = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(certs, "certs")));
        ocsp = List.copyOf(Objects.requireNonNull(ocsp, "ocsp"));
        crls = List.copyOf(Objects.requireNonNull(crls, "crls"));
    }

    /**
     * Returns whether there is no revocation data (certificates alone settle nothing).
     *
     * @return {@code true} without OCSP responses and CRLs
     */
    public boolean hasNoRevocationData() {
        return ocsp.isEmpty() && crls.isEmpty();
    }

    /**
     * Combines with another set.
     *
     * @param other the other data
     * @return the union
     */
    public EmbeddedValidationData merge(EmbeddedValidationData other) {
        List<X509Certificate> c = new ArrayList<>(certs);
        c.addAll(other.certs);
        List<byte[]> o = new ArrayList<>(ocsp);
        o.addAll(other.ocsp);
        List<byte[]> r = new ArrayList<>(crls);
        r.addAll(other.crls);
        return new EmbeddedValidationData(c, o, r);
    }

    @Override
    public String toString() {
        return "EmbeddedValidationData[" + certs.size() + " certificates, " + ocsp.size() + " OCSP, " + crls.size()
                + " CRLs]";
    }
}
