package vn.govsdk.signing.internal.verify;

import java.net.URI;

/** Fetches revocation data over HTTP. */
public interface RevocationFetcher {

    /**
     * POSTs an OCSP request.
     *
     * @param url the responder URL
     * @param request the DER request
     * @return the DER response
     * @throws Exception if no answer arrived or the status is not 2xx
     */
    byte[] ocsp(URI url, byte[] request) throws Exception;

    /**
     * GETs a CRL.
     *
     * @param url the distribution point
     * @return the CRL bytes
     * @throws Exception if no answer arrived or the status is not 2xx
     */
    byte[] crl(URI url) throws Exception;

    /**
     * GETs a CA certificate named by an AIA caIssuers URL.
     *
     * @param url the URL
     * @return the certificate bytes (DER, PEM or PKCS#7)
     * @throws Exception if no answer arrived or the status is not 2xx
     */
    byte[] certificate(URI url) throws Exception;
}
