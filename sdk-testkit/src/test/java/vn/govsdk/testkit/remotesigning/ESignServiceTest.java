package vn.govsdk.testkit.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.USER;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.certificate;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.digest;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.post;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.verifies;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.RemoteSigningSupport.Answer;

/** The NEAC eSign gateway mock: the sp769 shape with ca_name and base64 hashes by default. */
class ESignServiceTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:00:00Z"));
    private final MockGovPlatform platform = MockGovPlatform.builder().clock(clock).service(Sp769Service::eSign).build();
    private final Sp769Service eSign = (Sp769Service) platform.service("/esign").orElseThrow();

    @AfterEach
    void close() {
        platform.close();
    }

    private URI url(String path) {
        return platform.baseUrl("/esign" + path);
    }

    private static String creds() {
        return "\"sp_id\":\"" + Sp769Service.SP_ID + "\",\"sp_password\":\"" + Sp769Service.SP_PASSWORD + "\"";
    }

    private static String signRequest(String caName, String... encodedDigests) {
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < encodedDigests.length; i++) {
            files.append(i == 0 ? "" : ",").append("{\"doc_id\":\"doc-").append(i)
                    .append("\",\"file_type\":\"pdf\",\"sign_type\":\"hash\",\"data_to_be_signed\":\"")
                    .append(encodedDigests[i]).append("\"}");
        }
        return "{" + creds() + ",\"user_id\":\"" + USER + "\""
                + (caName == null ? "" : ",\"ca_name\":\"" + caName + "\"") + ",\"sign_files\":[" + files + "]}";
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private Answer status(String id) {
        return post(url("/sign/" + id + "/status"), "{" + creds() + "}");
    }

    @Test
    void signsBase64HashesForTheNamedCa() {
        Answer cert = post(url("/get_certificate"), "{" + creds() + ",\"user_id\":\"" + USER + "\",\"ca_name\":\"FPT-CA\"}");
        assertThat(cert.status()).isEqualTo(200);
        assertThat(certificate(cert.json().path("data").path("user_certificates").get(0).path("cert_data").asText().strip()))
                .isEqualTo(eSign.subscriber(USER).certificate());

        Answer started = post(url("/sign"), signRequest("FPT-CA", b64(digest("SHA-256", "esign attrs"))));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("message").asText()).isEqualTo("sig_wait_for_user_confirm");
        String id = started.json().path("data").path("transaction_id").asText();
        assertThat(id).startsWith("ESG-");
        assertThat(status(id).json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        JsonNode done = status(id).json();
        assertThat(done.path("message").asText()).isEqualTo("SUCCESS");
        assertThat(verifies(eSign.subscriber(USER).certificate(), "SHA256withRSA", "esign attrs",
                done.path("data").path("signatures").get(0).path("signature_value").asText())).isTrue();
        // the sp769 paths are not the gateway's
        assertThat(post(url("/v1/signatures/sign"), signRequest("FPT-CA", b64(digest("SHA-256", "x")))).status())
                .isEqualTo(404);
        assertThat(platform.journal().count("/esign/sign")).isEqualTo(3);
    }

    @Test
    void caNameIsRequiredAndCredentialsAreChecked() {
        Answer noCa = post(url("/sign"), signRequest(null, b64(digest("SHA-256", "x"))));
        assertThat(noCa.status()).isEqualTo(400);
        assertThat(noCa.json().path("message").asText()).isEqualTo("BAD_REQUEST");
        assertThat(post(url("/get_certificate"), "{" + creds() + ",\"user_id\":\"" + USER + "\"}").status()).isEqualTo(400);
        Answer badSp = post(url("/sign"), signRequest("FPT-CA", b64(digest("SHA-256", "x"))).replace("govsdk-test-sp\"",
                "someone-else\""));
        assertThat(badSp.status()).isEqualTo(401);
        assertThat(badSp.json().path("message").asText()).isEqualTo("SP_CREDENTIAL_INVALID");
        String[] fiftyOne = new String[51];
        java.util.Arrays.fill(fiftyOne, b64(digest("SHA-256", "x")));
        assertThat(post(url("/sign"), signRequest("FPT-CA", fiftyOne)).status()).isEqualTo(400);
    }

    @Test
    void theHashEncodingIsConfigurationNotGuesswork() {
        String hex = HexFormat.of().formatHex(digest("SHA-256", "hex doc"));
        eSign.behaviour(CitizenBehaviour.confirmOnPoll(1));
        // 64 hex characters are valid base64 too: read as base64 they are a 48-byte digest, signed as such,
        // and the value does not verify as a SHA-256 signature of the document
        String misread = post(url("/sign"), signRequest("FPT-CA", hex)).json().path("data").path("transaction_id").asText();
        String value = status(misread).json().path("data").path("signatures").get(0).path("signature_value").asText();
        assertThat(verifies(eSign.subscriber(USER).certificate(), "SHA256withRSA", "hex doc", value)).isFalse();

        assertThat(post(platform.baseUrl("/esign/__admin/hash-encoding"), "{\"encoding\":\"hex\"}").status()).isEqualTo(200);
        assertThat(eSign.hashEncoding()).isEqualTo(HashEncoding.HEX);
        String id = post(url("/sign"), signRequest("FPT-CA", hex)).json().path("data").path("transaction_id").asText();
        String good = status(id).json().path("data").path("signatures").get(0).path("signature_value").asText();
        assertThat(verifies(eSign.subscriber(USER).certificate(), "SHA256withRSA", "hex doc", good)).isTrue();

        platform.reset();
        assertThat(eSign.hashEncoding()).isEqualTo(HashEncoding.BASE64);
    }

    @Test
    void webhookIsConfiguredOnTheServiceAndSignedWithTheSharedSecret() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            assertThat(post(platform.baseUrl("/esign/__admin/webhook"), "{\"url\":\"" + receiver.url("/esign-hook")
                    + "\",\"secret\":\"esign-shared-secret\"}").status()).isEqualTo(200);
            assertThat(post(platform.baseUrl("/esign/__admin/webhook"),
                    "{\"url\":\"http://203.0.113.9/hook\",\"secret\":\"s\"}").status()).isEqualTo(400);
            eSign.behaviour(CitizenBehaviour.manual());
            String id = post(url("/sign"), signRequest("VNPT-CA", b64(digest("SHA-512", "big")))).json().path("data")
                    .path("transaction_id").asText();
            eSign.confirm(id);

            RecordedRequest hook = receiver.takeRequest();
            byte[] body = hook.getBody().toByteArray();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("esign-shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(hook.getHeaders().get(Sp769Service.SIGNATURE_HEADER))
                    .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
            JsonNode json = RemoteSigningSupport.read(new String(body, StandardCharsets.UTF_8));
            assertThat(json.path("sp_id").asText()).isEqualTo(Sp769Service.SP_ID);
            assertThat(json.path("transaction_id").asText()).isEqualTo(id);
            assertThat(verifies(eSign.subscriber(USER).certificate(), "SHA512withRSA", "big",
                    json.path("signed_files").get(0).path("signature_value").asText())).isTrue();
        }
    }
}
