package vn.govsdk.signing.pades;

import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Validation data gathered in the test, independently of the SDK: the chain's certificates, an OCSP
 * response from the mock platform's responder (over loopback HTTP) for every certificate below the
 * root, and the intermediate CA's CRL.
 */
public final class TestValidationData implements ValidationDataSource {

    private final TestPki pki;
    private final Runnable afterEach;
    private final List<List<X509Certificate>> seen = new ArrayList<>();

    /** Gathers from the shared platform's PKI. */
    TestValidationData() {
        this(TestPlatform.shared().pki(), () -> { });
    }

    /** Gathers from a PKI of the test's own, running {@code afterEach} after each chain (to move its clock). */
    public TestValidationData(TestPki pki, Runnable afterEach) {
        this.pki = pki;
        this.afterEach = afterEach;
    }

    @Override
    public synchronized ValidationData collect(List<X509Certificate> chain) {
        seen.add(List.copyOf(chain));
        ValidationData data = of(pki, chain);
        afterEach.run();
        return data;
    }

    /** The chains the source was asked about, in order. */
    synchronized List<List<X509Certificate>> seen() {
        return List.copyOf(seen);
    }

    static ValidationData of(List<X509Certificate> chain) {
        return of(TestPlatform.shared().pki(), chain);
    }

    static ValidationData of(TestPki pki, List<X509Certificate> chain) {
        List<X509Certificate> certs = new ArrayList<>(chain);
        X509Certificate root = pki.rootCertificate();
        if (!certs.contains(root)) {
            certs.add(root);
        }
        List<byte[]> ocsp = new ArrayList<>();
        for (int i = 0; i + 1 < certs.size(); i++) {
            ocsp.add(ocsp(pki, certs.get(i), certs.get(i + 1)));
        }
        List<byte[]> crls = List.of(get(pki.endpoints().intermediateCrl()));
        return new ValidationData(certs, ocsp, crls);
    }

    static byte[] ocsp(X509Certificate cert, X509Certificate issuer) {
        return ocsp(TestPlatform.shared().pki(), cert, issuer);
    }

    public static byte[] ocsp(TestPki pki, X509Certificate cert, X509Certificate issuer) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
            byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
            byte[] body = http(pki.endpoints().ocsp(), req);
            if (new OCSPResp(body).getStatus() != OCSPResp.SUCCESSFUL) {
                throw new IllegalStateException("the mock OCSP responder refused the request");
            }
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] get(URI uri) {
        try {
            return http(uri, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET, or POST of an OCSP request, to the loopback mock platform. */
    private static byte[] http(URI uri, byte[] ocspRequest) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        try {
            if (ocspRequest != null) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/ocsp-request");
                c.getOutputStream().write(ocspRequest);
            }
            if (c.getResponseCode() != 200) {
                throw new IOException(uri + " answered " + c.getResponseCode());
            }
            try (java.io.InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } finally {
            c.disconnect();
        }
    }
}
