package vn.govsdk.signing;

import java.net.URI;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.govsdk.testkit.pki.PkiEndpoints;

/**
 * A test-only validation data source for the shared platform's test PKI (loopback): an OCSP response
 * for each certificate below the root, both CRLs, and the chain's certificates.
 */
public final class TestValidationDataSource implements ValidationDataSource {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private final PkiEndpoints endpoints = TestPlatform.shared().pki().endpoints();

    @Override
    public ValidationData collect(List<X509Certificate> chain) {
        try {
            List<byte[]> ocsp = new ArrayList<>();
            for (int i = 0; i + 1 < chain.size(); i++) {
                CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                        .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(chain.get(i + 1)),
                        chain.get(i).getSerialNumber());
                byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
                ocsp.add(post(endpoints.ocsp(), req));
            }
            List<byte[]> crls = List.of(get(endpoints.intermediateCrl()), get(endpoints.rootCrl()));
            return new ValidationData(chain, ocsp, crls);
        } catch (Exception e) {
            throw new SigningException("test validation data could not be collected: " + e.getMessage(), e);
        }
    }

    private byte[] post(URI uri, byte[] body) throws Exception {
        return call(new Request.Builder().url(uri.toString())
                .post(RequestBody.create(body, MediaType.get("application/ocsp-request"))).build());
    }

    private byte[] get(URI uri) throws Exception {
        return call(new Request.Builder().url(uri.toString()).get().build());
    }

    private static byte[] call(Request request) throws Exception {
        try (Response r = HTTP.newCall(request).execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("HTTP " + r.code() + " from " + request.url());
            }
            return r.body().bytes();
        }
    }
}
