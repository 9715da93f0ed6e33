package vn.govsdk.testkit.remotesigning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import vn.govsdk.testkit.Http;

/** Shared helpers of the remote-signing mock tests: a settable clock, JSON over HTTP, plain JCA checks. */
final class RemoteSigningSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient HTTP = Http.client();
    /** A synthetic 12-digit id that is not one of the platform's citizens. */
    static final String USER = "079203009901";

    private RemoteSigningSupport() {
    }

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, JsonNode json, okhttp3.Headers headers) {
    }

    static Answer post(URI url, String json) {
        Http.Result r = Http.post(HTTP, url, json);
        return new Answer(r.status(), read(r.body()), r.headers());
    }

    static Answer postAuth(URI url, String bearer, String json) {
        Http.Result r = Http.execute(HTTP, new Request.Builder().url(url.toString())
                .header("Authorization", "Bearer " + bearer)
                .post(okhttp3.RequestBody.create(json, Http.JSON)).build());
        return new Answer(r.status(), read(r.body()), r.headers());
    }

    static Answer postForm(URI url, String... pairs) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        Http.Result r = Http.execute(HTTP, new Request.Builder().url(url.toString()).post(form.build()).build());
        return new Answer(r.status(), read(r.body()), r.headers());
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static byte[] digest(String algorithm, String data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether a raw PKCS#1 value verifies over the data with the certificate, plain JCA. */
    static boolean verifies(X509Certificate certificate, String jcaAlgorithm, String data, String base64Value) {
        try {
            Signature s = Signature.getInstance(jcaAlgorithm);
            s.initVerify(certificate.getPublicKey());
            s.update(data.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(base64Value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static X509Certificate certificate(String base64Der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
