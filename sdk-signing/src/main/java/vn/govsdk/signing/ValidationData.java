package vn.govsdk.signing;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import vn.govsdk.signing.internal.RevocationUnion;

/**
 * The validation data that level B-LT embeds in a signature so it can be verified later without the
 * network: the certificates of the signer's and the timestamp authority's chains, and the OCSP responses
 * and CRLs that show they were not revoked.
 *
 * @param certificates the certificates, without duplicates
 * @param ocspResponses DER-encoded {@code OCSPResponse} structures, as the responders answered
 * @param crls DER-encoded CRLs
 */
public record ValidationData(List<X509Certificate> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

    /** Validation data with nothing in it. */
    public static final ValidationData EMPTY = new ValidationData(List.of(), List.of(), List.of());

    /**
     * Copies the lists and the byte arrays.
     *
     * @param certificates the certificates
     * @param ocspResponses the OCSP responses
     * @param crls the CRLs
     */
    public ValidationData {
        certificates = List.copyOf(new LinkedHashSet<>(certificates));
        ocspResponses = ocspResponses.stream().map(b -> Objects.requireNonNull(b, "ocspResponse").clone()).toList();
        crls = crls.stream().map(b -> Objects.requireNonNull(b, "crl").clone()).toList();
    }

    /**
     * Returns the OCSP responses.
     *
     * @return copies of the DER-encoded responses
     */
    @Override
    public List<byte[]> ocspResponses() {
        return ocspResponses.stream().map(byte[]::clone).toList();
    }

    /**
     * Returns the CRLs.
     *
     * @return copies of the DER-encoded CRLs
     */
    @Override
    public List<byte[]> crls() {
        return crls.stream().map(byte[]::clone).toList();
    }

    /**
     * Returns whether there is nothing to embed.
     *
     * @return {@code true} when all three lists are empty
     */
    public boolean isEmpty() {
        return certificates.isEmpty() && ocspResponses.isEmpty() && crls.isEmpty();
    }

    /**
     * Combines this data with another, for example the signer's with the timestamp authority's. Both
     * chains usually share CA certificates, and two passes may get two answers for the same
     * certificate that differ only in when they were produced: the union keeps one OCSP response per
     * set of certificates answered for and one CRL per issuer and scope, the newest of each, so what is
     * embedded does not depend on when a second boundary fell.
     *
     * @param other the other data
     * @return the union, certificates without duplicates, the newest revocation data per certificate
     */
    public ValidationData merge(ValidationData other) {
        List<X509Certificate> certs = new ArrayList<>(certificates);
        certs.addAll(other.certificates);
        List<byte[]> ocsp = new ArrayList<>(ocspResponses);
        ocsp.addAll(other.ocspResponses);
        List<byte[]> crl = new ArrayList<>(crls);
        crl.addAll(other.crls);
        return new ValidationData(certs, RevocationUnion.ocsp(ocsp), RevocationUnion.crls(crl));
    }

    @Override
    public String toString() {
        return "ValidationData[" + certificates.size() + " certificates, " + ocspResponses.size()
                + " OCSP responses, " + crls.size() + " CRLs]";
    }
}
