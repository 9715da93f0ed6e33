package vn.govsdk.testkit.pki;

import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.pki.PkiHttpHandler;

/**
 * The test PKI's endpoints as a {@link MockService} mounted under {@code /pki}: the OCSP responder,
 * the CRLs, the CA certificate downloads and the RFC 3161 timestamp authority. Get it from
 * {@link TestPki#mockService()}; {@code docs/contracts/test-pki.md} describes every route.
 *
 * <p>Each endpoint can be switched off for a test ("responder down"): it then answers HTTP 503.
 * {@link #reset()} switches everything back on and restores the PKI's initial revocations.
 * Thread-safe.
 */
public final class PkiMockService implements MockService {

    private final TestPki pki;
    private final PkiHttpHandler handler;

    PkiMockService(TestPki pki, PkiHttpHandler handler) {
        this.pki = pki;
        this.handler = handler;
    }

    /**
     * Returns the name shown on the platform's admin page.
     *
     * @return {@code "Test PKI (OCSP, CRL, TSA)"}
     */
    @Override
    public String name() {
        return "Test PKI (OCSP, CRL, TSA)";
    }

    /**
     * Returns the path prefix.
     *
     * @return {@code "/pki"}
     */
    @Override
    public String pathPrefix() {
        return PkiEndpoints.PATH_PREFIX;
    }

    /**
     * Answers one request under {@code /pki}.
     *
     * @param request the request
     * @return the response
     */
    @Override
    public MockResponse handle(MockRequest request) {
        return handler.handle(request);
    }

    /** Switches every endpoint back on and restores the initial revocations of the PKI. */
    @Override
    public void reset() {
        handler.reset();
    }

    /**
     * Returns the PKI this service serves.
     *
     * @return the test PKI
     */
    public TestPki testPki() {
        return pki;
    }

    /**
     * Switches the OCSP responder on or off; off, it answers HTTP 503, so a verifier cannot establish
     * revocation status through OCSP.
     *
     * @param available {@code false} to take the responder down
     */
    public void setOcspResponderAvailable(boolean available) {
        handler.setOcspAvailable(available);
    }

    /**
     * Switches the timestamp authority on or off; off, it answers HTTP 503.
     *
     * @param available {@code false} to take the TSA down
     */
    public void setTimestampAuthorityAvailable(boolean available) {
        handler.setTsaAvailable(available);
    }

    /**
     * Switches the CRL downloads on or off; off, both CRL URLs answer HTTP 503.
     *
     * @param available {@code false} to take the CRL distribution points down
     */
    public void setCrlAvailable(boolean available) {
        handler.setCrlAvailable(available);
    }
}
