package vn.govsdk.testkit.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.USER;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.certificate;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.digest;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.post;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.verifies;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
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
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.remotesigning.RemoteSigningSupport.Answer;

/** The SmartCA sp769 mock over plain HTTP; signatures checked with plain JCA. */
class Sp769ServiceTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:00:00Z"));
    private final MockGovPlatform platform = MockGovPlatform.builder().clock(clock).service(Sp769Service::smartCa).build();
    private final Sp769Service smartCa = (Sp769Service) platform.service("/smartca").orElseThrow();

    @AfterEach
    void close() {
        platform.close();
    }

    private URI url(String path) {
        return platform.baseUrl("/smartca" + path);
    }

    private static String creds() {
        return "\"sp_id\":\"" + Sp769Service.SP_ID + "\",\"sp_password\":\"" + Sp769Service.SP_PASSWORD + "\"";
    }

    private static String signRequest(String user, String reference, String... hexDigests) {
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < hexDigests.length; i++) {
            files.append(i == 0 ? "" : ",").append("{\"data_to_be_signed\":\"").append(hexDigests[i])
                    .append("\",\"doc_id\":\"doc-").append(i).append("\",\"file_type\":\"pdf\",\"sign_type\":\"hash\"}");
        }
        return "{" + creds() + ",\"user_id\":\"" + user + "\",\"transaction_id\":\"" + reference
                + "\",\"transaction_desc\":\"Ky ho so\",\"sign_files\":[" + files + "]}";
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private Answer sign(String reference, String... hexDigests) {
        return post(url("/v1/signatures/sign"), signRequest(USER, reference, hexDigests));
    }

    private Answer status(String tranId) {
        return post(url("/v1/signatures/sign/" + tranId + "/status"), "{" + creds() + "}");
    }

    @Test
    void getCertificateReturnsTheSubscribersCertificateWithTheTrailingCrlf() throws Exception {
        SyntheticCitizen citizen = platform.data().citizen(3);
        Answer a = post(url("/v1/credentials/get_certificate"),
                "{" + creds() + ",\"user_id\":\"" + citizen.citizenId() + "\",\"transaction_id\":\"c-1\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("status_code").asInt()).isEqualTo(200);
        JsonNode entry = a.json().path("data").path("user_certificates").get(0);
        String certData = entry.path("cert_data").asText();
        assertThat(certData).endsWith("\r\n");
        X509Certificate cert = certificate(certData.strip());
        assertThat(cert).isEqualTo(smartCa.subscriber(citizen.citizenId()).certificate());
        assertThat(cert.getSubjectX500Principal().getName()).contains("UID=CCCD:" + citizen.citizenId())
                .contains("CN=" + citizen.fullName());
        cert.verify(platform.pki().intermediateCertificate().getPublicKey());
        assertThat(certificate(entry.path("chain_data").path("ca_cert").asText()))
                .isEqualTo(platform.pki().intermediateCertificate());
        assertThat(entry.path("serial_number").asText()).isEqualTo(cert.getSerialNumber().toString(16));
        assertThat(entry.path("transaction_id").asText()).isEqualTo("c-1");
        // Created once, then cached: the same certificate on every call.
        Answer again = post(url("/v1/credentials/get_certificate"),
                "{" + creds() + ",\"user_id\":\"" + citizen.citizenId() + "\",\"transaction_id\":\"c-2\"}");
        assertThat(again.json().path("data").path("user_certificates").get(0).path("cert_data").asText()).isEqualTo(certData);
    }

    @Test
    void signsAfterTheSecondPollAndTheValuesVerifyWithTheCertificate() {
        byte[] d256 = digest("SHA-256", "signed attributes one");
        byte[] d384 = digest("SHA-384", "signed attributes two");
        Answer started = sign("sp-ref-1", hex(d256), hex(d384).toUpperCase());

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("message").asText()).isEqualTo("sig_wait_for_user_confirm");
        String tranId = started.json().path("data").path("transaction_id").asText();
        assertThat(tranId).startsWith("SCA-").isNotEqualTo("sp-ref-1");
        assertThat(started.json().path("data").path("tran_code").asText()).hasSize(6);

        Answer first = status(tranId);
        assertThat(first.json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        assertThat(first.json().path("data").path("tran_status").asInt()).isEqualTo(4000);
        assertThat(first.json().path("data").path("signatures").isNull()).isTrue();

        Answer second = status(tranId);
        assertThat(second.json().path("message").asText()).isEqualTo("SUCCESS");
        JsonNode sigs = second.json().path("data").path("signatures");
        assertThat(sigs).hasSize(2);
        assertThat(sigs.get(0).path("doc_id").asText()).isEqualTo("doc-0");
        X509Certificate cert = smartCa.subscriber(USER).certificate();
        assertThat(verifies(cert, "SHA256withRSA", "signed attributes one", sigs.get(0).path("signature_value").asText()))
                .isTrue();
        assertThat(verifies(cert, "SHA384withRSA", "signed attributes two", sigs.get(1).path("signature_value").asText()))
                .isTrue();
        assertThat(verifies(cert, "SHA256withRSA", "something else", sigs.get(0).path("signature_value").asText()))
                .isFalse();
        assertThat(smartCa.transaction(tranId).orElseThrow().state()).isEqualTo(TransactionState.SIGNED);
        assertThat(platform.journal().count("/smartca/v1/signatures")).isEqualTo(3);
    }

    @Test
    void rejectionAndFailureAreDistinctOutcomes() {
        smartCa.behaviour(USER, CitizenBehaviour.rejectOnPoll(1));
        String rejected = sign("r-1", hex(digest("SHA-256", "a"))).json().path("data").path("transaction_id").asText();
        Answer a = status(rejected);
        assertThat(a.json().path("message").asText()).isEqualTo("SIGNER_REJECTED");
        assertThat(a.json().path("data").path("tran_status").asInt()).isEqualTo(4002);
        assertThat(a.json().path("data").path("signatures").isNull()).isTrue();

        smartCa.behaviour(USER, CitizenBehaviour.failOnPoll(1));
        String failed = sign("r-2", hex(digest("SHA-256", "a"))).json().path("data").path("transaction_id").asText();
        assertThat(status(failed).json().path("message").asText()).isEqualTo("SIGN_FAILED");
    }

    @Test
    void expiresWhenThePlatformClockPassesFiveMinutesOrWhenTheTestSaysSo() {
        smartCa.behaviour(CitizenBehaviour.manual());
        String tranId = sign("e-1", hex(digest("SHA-256", "a"))).json().path("data").path("transaction_id").asText();
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        clock.advance(Duration.ofSeconds(1));
        Answer expired = status(tranId);
        assertThat(expired.json().path("message").asText()).isEqualTo("EXPIRED");
        assertThat(expired.json().path("data").path("tran_status").asInt()).isEqualTo(4001);

        String other = sign("e-2", hex(digest("SHA-256", "a"))).json().path("data").path("transaction_id").asText();
        assertThat(smartCa.expire(other).state()).isEqualTo(TransactionState.EXPIRED);
        assertThat(status(other).json().path("message").asText()).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> smartCa.confirm(other)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> smartCa.confirm("SCA-nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confirmAfterADelayFollowsThePlatformClock() {
        smartCa.behaviour(CitizenBehaviour.confirmAfter(Duration.ofSeconds(30)));
        String tranId = sign("d-1", hex(digest("SHA-256", "a"))).json().path("data").path("transaction_id").asText();
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        assertThat(smartCa.settleDue()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(smartCa.settleDue()).isEqualTo(1);
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void refusesBadCredentialsBadHashesDuplicatesAndBatchesOverFifty() {
        String ok = hex(digest("SHA-256", "x"));
        Answer badPassword = post(url("/v1/signatures/sign"),
                signRequest(USER, "a-1", ok).replace(Sp769Service.SP_PASSWORD, "wrong-password"));
        assertThat(badPassword.status()).isEqualTo(401);
        assertThat(badPassword.json().path("status_code").asInt()).isEqualTo(401);
        assertThat(badPassword.json().path("message").asText()).isEqualTo("SP_CREDENTIAL_INVALID");
        assertThat(post(url("/v1/signatures/sign/SCA-000000000001/status"), "{\"sp_id\":\"govsdk-test-sp\"}").status())
                .isEqualTo(401);

        // base64 where hex is expected, and a digest of no known length
        Answer notHex = sign("a-2", Base64.getEncoder().encodeToString(digest("SHA-256", "x")));
        assertThat(notHex.status()).isEqualTo(400);
        assertThat(notHex.json().path("detail").asText()).startsWith("sign_files[0].data_to_be_signed").contains("hex");
        assertThat(sign("a-3", "abcdef").json().path("message").asText()).isEqualTo("BAD_REQUEST");
        assertThat(sign("a-4", ok).status()).isEqualTo(200);
        Answer reused = sign("a-4", ok);
        assertThat(reused.status()).as("transaction_id reused").isEqualTo(400);
        assertThat(reused.json().path("detail").asText()).isEqualTo("transaction_id was already used");
        assertThat(post(url("/v1/signatures/sign"), signRequest(USER, "a-5", ok).replace("\"hash\"", "\"file\"")).status())
                .isEqualTo(400);
        assertThat(post(url("/v1/signatures/sign"), signRequest("12345", "a-6", ok)).status()).isEqualTo(400);

        String[] fifty = new String[50];
        java.util.Arrays.fill(fifty, ok);
        assertThat(sign("b-50", fifty).status()).isEqualTo(200);
        String[] fiftyOne = new String[51];
        java.util.Arrays.fill(fiftyOne, ok);
        // doc ids differ (doc-0..doc-50), only the count is wrong
        Answer tooMany = sign("b-51", fiftyOne);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asText()).isEqualTo("BAD_REQUEST");
        assertThat(tooMany.json().path("detail").asText()).contains("at most 50");
        assertThat(status("SCA-999999999999").status()).isEqualTo(404);
    }

    @Test
    void quotaAndCertificateConditionsRefuseTheSignRequest() {
        smartCa.condition(USER, SubscriberCondition.QUOTA_EXHAUSTED);
        Answer quota = sign("q-1", hex(digest("SHA-256", "x")));
        assertThat(quota.status()).isEqualTo(403);
        assertThat(quota.json().path("message").asText()).isEqualTo("SERVICE_PACK_EXEED_OR_INVALID");

        smartCa.condition(USER, SubscriberCondition.CERTIFICATE_EXPIRED);
        Answer expired = sign("q-2", hex(digest("SHA-256", "x")));
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().path("message").asText()).isEqualTo("CREDENTIAL_STATUS_INVALID");

        smartCa.condition(USER, SubscriberCondition.NORMAL);
        assertThat(sign("q-3", hex(digest("SHA-256", "x"))).status()).isEqualTo(200);
        assertThat(smartCa.transactions()).hasSize(1);
    }

    @Test
    void wrongKeyModeReturnsAValueThatDoesNotVerify() {
        smartCa.condition(USER, SubscriberCondition.WRONG_KEY);
        smartCa.behaviour(USER, CitizenBehaviour.confirmOnPoll(1));
        String tranId = sign("w-1", hex(digest("SHA-256", "doc"))).json().path("data").path("transaction_id").asText();
        JsonNode sig = status(tranId).json().path("data").path("signatures").get(0);
        String value = sig.path("signature_value").asText();
        assertThat(Base64.getDecoder().decode(value)).hasSize(256);
        assertThat(verifies(smartCa.subscriber(USER).certificate(), "SHA256withRSA", "doc", value)).isFalse();
    }

    @Test
    void deliversTheWebhookWithAnHmacOverTheBodyWhenTheTestConfirms() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            receiver.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"ok\"}").build());
            smartCa.behaviour(CitizenBehaviour.manual());
            smartCa.webhook(receiver.url("/smartca/callback").uri(), "synthetic-webhook-secret");
            String tranId = sign("h-1", hex(digest("SHA-256", "webhook doc"))).json().path("data")
                    .path("transaction_id").asText();

            assertThat(smartCa.confirm(tranId).state()).isEqualTo(TransactionState.SIGNED);

            RecordedRequest hook = receiver.takeRequest();
            assertThat(hook.getUrl().encodedPath()).isEqualTo("/smartca/callback");
            byte[] body = hook.getBody().toByteArray();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("synthetic-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(hook.getHeaders().get("X-Signature")).isEqualTo("sha256=" + hex(mac.doFinal(body)));
            JsonNode json = RemoteSigningSupport.read(new String(body, StandardCharsets.UTF_8));
            assertThat(json.path("sp_id").asText()).isEqualTo(Sp769Service.SP_ID);
            assertThat(json.path("status_code").asInt()).isEqualTo(200);
            assertThat(json.path("message").asText()).isEqualTo("SUCCESS");
            assertThat(json.path("transaction_id").asText()).isEqualTo(tranId);
            assertThat(verifies(smartCa.subscriber(USER).certificate(), "SHA256withRSA", "webhook doc",
                    json.path("signed_files").get(0).path("signature_value").asText())).isTrue();
            assertThat(smartCa.webhookDeliveries()).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(200);
                assertThat(d.accepted()).isTrue();
            });

            // a rejection is delivered too, with no signed files
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            String second = sign("h-2", hex(digest("SHA-256", "x"))).json().path("data").path("transaction_id").asText();
            smartCa.reject(second);
            JsonNode rejected = RemoteSigningSupport.read(receiver.takeRequest().getBody().utf8());
            assertThat(rejected.path("message").asText()).isEqualTo("SIGNER_REJECTED");
            assertThat(rejected.path("status_code").asInt()).isEqualTo(400);
            assertThat(rejected.path("signed_files")).isEmpty();
        }
        assertThatThrownBy(() -> smartCa.webhook(URI.create("http://example.com/cb"), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void adminEndpointsScriptTheCitizen() {
        assertThat(post(platform.baseUrl("/smartca/__admin/behaviour"), "{\"behaviour\":\"manual\"}").status())
                .isEqualTo(200);
        String tranId = sign("m-1", hex(digest("SHA-256", "x"))).json().path("data").path("transaction_id").asText();
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        assertThat(status(tranId).json().path("message").asText()).as("manual: polls change nothing")
                .isEqualTo("WAITING_FOR_SIGNER_CONFIRM");
        assertThat(post(platform.baseUrl("/smartca/__admin/transactions/" + tranId + "/reject"), "").status())
                .isEqualTo(200);
        assertThat(status(tranId).json().path("message").asText()).isEqualTo("SIGNER_REJECTED");
        assertThat(post(platform.baseUrl("/smartca/__admin/transactions/" + tranId + "/confirm"), "").status())
                .isEqualTo(409);
        assertThat(post(platform.baseUrl("/smartca/__admin/transactions/SCA-1/confirm"), "").status()).isEqualTo(404);
        assertThat(post(platform.baseUrl("/smartca/__admin/condition"),
                "{\"userId\":\"" + USER + "\",\"condition\":\"quota-exhausted\"}").status()).isEqualTo(200);
        assertThat(smartCa.conditionOf(USER)).isEqualTo(SubscriberCondition.QUOTA_EXHAUSTED);
        assertThat(post(platform.baseUrl("/smartca/__admin/behaviour"),
                "{\"userId\":\"" + USER + "\",\"behaviour\":\"reject-on-poll\",\"polls\":3}").status()).isEqualTo(200);
        assertThat(smartCa.behaviourOf(USER)).isEqualTo(CitizenBehaviour.rejectOnPoll(3));
        assertThat(post(platform.baseUrl("/smartca/__admin/behaviour"), "{\"behaviour\":\"dance\"}").status())
                .isEqualTo(400);
        String transactions = vn.govsdk.testkit.Http.get(RemoteSigningSupport.HTTP,
                platform.baseUrl("/smartca/__admin/transactions")).body();
        assertThat(transactions).contains(tranId).contains("REJECTED").doesNotContain(USER);

        platform.reset();
        assertThat(smartCa.transactions()).isEmpty();
        assertThat(smartCa.conditionOf(USER)).isEqualTo(SubscriberCondition.NORMAL);
        assertThat(smartCa.behaviourOf(USER)).isEqualTo(RemoteSigningMock.DEFAULT_BEHAVIOUR);
    }
}
