package vn.govsdk.testkit.internal.pki;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.Locale;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.PkiEndpoints;

/**
 * Routes the requests under {@code /pki} to the OCSP responder, the CRLs, the certificate downloads
 * and the timestamp authority, with switches that take each of them down. Thread-safe.
 */
public final class PkiHttpHandler {

    /** The largest request body accepted (OCSP and timestamp requests are a few hundred bytes). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String PREFIX = PkiEndpoints.PATH_PREFIX;

    private final PkiEngine engine;
    private final OcspResponder ocsp;
    private final TimestampAuthority tsa;
    private volatile boolean ocspAvailable = true;
    private volatile boolean tsaAvailable = true;
    private volatile boolean crlAvailable = true;

    /**
     * Creates the handler.
     *
     * @param engine the PKI to serve
     */
    public PkiHttpHandler(PkiEngine engine) {
        this.engine = engine;
        this.ocsp = new OcspResponder(engine);
        this.tsa = new TimestampAuthority(engine);
    }

    /**
     * Switches the OCSP responder on or off.
     *
     * @param available {@code false} to answer 503
     */
    public void setOcspAvailable(boolean available) {
        this.ocspAvailable = available;
    }

    /**
     * Switches the timestamp authority on or off.
     *
     * @param available {@code false} to answer 503
     */
    public void setTsaAvailable(boolean available) {
        this.tsaAvailable = available;
    }

    /**
     * Switches the CRL downloads on or off.
     *
     * @param available {@code false} to answer 503
     */
    public void setCrlAvailable(boolean available) {
        this.crlAvailable = available;
    }

    /** Switches everything back on and restores the initial revocations. */
    public void reset() {
        ocspAvailable = true;
        tsaAvailable = true;
        crlAvailable = true;
        engine.resetRevocations();
    }

    /**
     * Answers one request.
     *
     * @param request the request, its path starting with {@code /pki}
     * @return the response
     */
    public MockResponse handle(MockRequest request) {
        String path = request.path();
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return notFound(path);
        }
        String rest = path.substring(PREFIX.length());
        if (request.body().length > MAX_BODY_BYTES) {
            return text(413, "request body larger than " + MAX_BODY_BYTES + " bytes refused");
        }
        if (rest.isEmpty() || rest.equals("/")) {
            return "GET".equals(method) ? MockResponse.json(200, index()) : methodNotAllowed("GET");
        }
        if (rest.equals("/ocsp") || rest.startsWith("/ocsp/")) {
            return ocsp(method, rest, request);
        }
        if (rest.equals("/tsa")) {
            return timestamp(method, request);
        }
        if (rest.startsWith("/crl/")) {
            return crl(method, rest.substring("/crl/".length()));
        }
        if (rest.startsWith("/certs/")) {
            return certificate(method, rest.substring("/certs/".length()));
        }
        return notFound(path);
    }

    private MockResponse ocsp(String method, String rest, MockRequest request) {
        if (!ocspAvailable) {
            return text(503, "OCSP responder switched off for this test");
        }
        byte[] der;
        if ("POST".equals(method) && rest.equals("/ocsp")) {
            der = request.body();
        } else if ("GET".equals(method) && rest.startsWith("/ocsp/") && rest.length() > "/ocsp/".length()) {
            // RFC 6960 appendix A.1: GET {url}/{url-encoding of base64 encoding of the DER request}.
            String encoded = rest.substring("/ocsp/".length()).replace(' ', '+');
            try {
                der = encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(encoded) : Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                der = new byte[0];
            }
        } else {
            return methodNotAllowed("POST, GET");
        }
        return MockResponse.bytes(200, "application/ocsp-response", ocsp.respond(der));
    }

    private MockResponse timestamp(String method, MockRequest request) {
        if (!tsaAvailable) {
            return text(503, "timestamp authority switched off for this test");
        }
        if (!"POST".equals(method)) {
            // Like the government TSA, which answers anything but a TSP POST with 403.
            return text(403, "the timestamp authority answers RFC 3161 requests by POST only");
        }
        try {
            return MockResponse.bytes(200, "application/timestamp-reply", tsa.respond(request.body()));
        } catch (TimestampAuthority.MalformedRequestException e) {
            // Like the government TSA, which answers a POST that is not a TimeStampReq with 400.
            return text(400, "the body is not an RFC 3161 TimeStampReq");
        }
    }

    private MockResponse crl(String method, String name) {
        CertificateRole issuer = switch (name) {
            case "root.crl" -> CertificateRole.ROOT_CA;
            case "intermediate.crl" -> CertificateRole.INTERMEDIATE_CA;
            default -> null;
        };
        if (issuer == null) {
            return notFound(PREFIX + "/crl/" + name);
        }
        if (!"GET".equals(method)) {
            return methodNotAllowed("GET");
        }
        if (!crlAvailable) {
            return text(503, "CRL distribution point switched off for this test");
        }
        return MockResponse.bytes(200, "application/pkix-crl", engine.crl(issuer));
    }

    private MockResponse certificate(String method, String name) {
        CertificateRole role = switch (name) {
            case "root.cer" -> CertificateRole.ROOT_CA;
            case "intermediate.cer" -> CertificateRole.INTERMEDIATE_CA;
            case "tsa.cer" -> CertificateRole.TSA;
            case "ocsp-responder.cer" -> CertificateRole.OCSP_RESPONDER;
            default -> null;
        };
        if (role == null) {
            return notFound(PREFIX + "/certs/" + name);
        }
        if (!"GET".equals(method)) {
            return methodNotAllowed("GET");
        }
        try {
            return MockResponse.bytes(200, "application/pkix-cert", engine.issued(role).certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the " + role + " certificate", e);
        }
    }

    private String index() {
        PkiEndpoints e = engine.endpoints();
        String base = e.ocsp().toString().substring(0, e.ocsp().toString().length() - "/ocsp".length());
        return "{\"service\":\"test PKI\",\"ocsp\":\"" + e.ocsp() + "\",\"tsa\":\"" + e.tsa()
                + "\",\"tsaPolicy\":\"" + engine.tsaPolicy().getId() + "\",\"crls\":[\"" + e.rootCrl() + "\",\""
                + e.intermediateCrl() + "\"],\"certificates\":[\"" + e.rootCertificate() + "\",\""
                + e.intermediateCertificate() + "\",\"" + base + "/certs/tsa.cer\",\"" + base
                + "/certs/ocsp-responder.cer\"],\"referenceTime\":\"" + engine.referenceTime() + "\"}";
    }

    private static MockResponse notFound(String path) {
        return text(404, "no test PKI resource at " + path);
    }

    private static MockResponse methodNotAllowed(String allowed) {
        return text(405, "method not allowed; use " + allowed).withHeader("Allow", allowed);
    }

    private static MockResponse text(int status, String message) {
        return MockResponse.of(status, "text/plain; charset=utf-8", message + "\n");
    }
}
