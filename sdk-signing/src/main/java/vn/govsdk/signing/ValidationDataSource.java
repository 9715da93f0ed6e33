package vn.govsdk.signing;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Gathers the validation data for a certificate chain when a signature is made at level B-LT: the
 * missing issuer certificates (from the certificates' AIA) and a fresh OCSP response, or failing that
 * the CRL, for each certificate below the root.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ValidationDataSource {

    /**
     * Collects the validation data for a chain.
     *
     * @param chain the chain, end-entity certificate first
     * @return the certificates and revocation answers to embed
     * @throws SigningException if the status of a certificate cannot be established (an LT signature
     *         without it would not verify offline), naming the certificate and the URLs tried
     */
    ValidationData collect(List<X509Certificate> chain);
}
