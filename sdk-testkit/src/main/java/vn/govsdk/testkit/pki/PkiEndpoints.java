package vn.govsdk.testkit.pki;

import java.net.URI;

/**
 * The URLs a {@link TestPki} writes into its certificates and that its {@link PkiMockService}
 * answers, all under {@code {platformBaseUrl}/pki}.
 *
 * @param ocsp the OCSP responder, {@code {base}/pki/ocsp} (POST, or GET with the base64 request
 *     appended as a path segment); the AIA OCSP URL of every certificate but the root
 * @param tsa the RFC 3161 timestamp authority, {@code {base}/pki/tsa} (POST)
 * @param rootCrl the root CA's CRL, {@code {base}/pki/crl/root.crl}; the CRL distribution point of
 *     the intermediate CA
 * @param intermediateCrl the intermediate CA's CRL, {@code {base}/pki/crl/intermediate.crl}; the CRL
 *     distribution point of every end-entity certificate
 * @param rootCertificate the root CA certificate (DER), {@code {base}/pki/certs/root.cer}; the AIA
 *     caIssuers URL of the intermediate CA
 * @param intermediateCertificate the intermediate CA certificate (DER),
 *     {@code {base}/pki/certs/intermediate.cer}; the AIA caIssuers URL of every end-entity certificate
 */
public record PkiEndpoints(URI ocsp, URI tsa, URI rootCrl, URI intermediateCrl, URI rootCertificate,
        URI intermediateCertificate) {

    /** The path prefix under which the test PKI is served on the platform. */
    public static final String PATH_PREFIX = "/pki";
}
