package vn.govsdk.testkit.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.USER;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.certificate;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.digest;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.post;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.postAuth;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.verifies;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.RemoteSigningSupport.Answer;

/** The Viettel MySign mock over plain HTTP; signatures checked with plain JCA. */
class MySignServiceTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:00:00Z"));
    private final MockGovPlatform platform = MockGovPlatform.builder().clock(clock).service(MySignService::new).build();
    private final MySignService mySign = (MySignService) platform.service("/mysign").orElseThrow();

    @AfterEach
    void close() {
        platform.close();
    }

    private URI url(String path) {
        return platform.baseUrl("/mysign/vtss/service" + path);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String client() {
        return "\"client_id\":\"" + MySignService.CLIENT_ID + "\",\"client_secret\":\"" + MySignService.CLIENT_SECRET + "\"";
    }

    private Answer login(String userId) {
        return post(url("/ras/v1/login"), "{" + client() + ",\"profile_id\":\"" + MySignService.PROFILE_ID
                + "\",\"user_id\":\"" + userId + "\"}");
    }

    private String token(String userId) {
        Answer a = login(userId);
        assertThat(a.status()).isEqualTo(200);
        return a.json().path("access_token").asText();
    }

    private String signBody(String userId, int async, String description, String... data) {
        StringBuilder docs = new StringBuilder();
        StringBuilder hashes = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            docs.append(i == 0 ? "" : ",").append("{\"document_id\":\"d").append(i).append("\",\"document_name\":\"")
                    .append(b64("Ho so " + i)).append("\"}");
            hashes.append(i == 0 ? "" : ",").append('"')
                    .append(Base64.getEncoder().encodeToString(digest("SHA-256", data[i]))).append('"');
        }
        return "{" + client() + ",\"credentialID\":\"" + mySign.credentialId(userId) + "\",\"numSignatures\":" + data.length
                + ",\"description\":\"" + b64(description) + "\",\"documents\":[" + docs + "],\"hash\":[" + hashes
                + "],\"hashAlgo\":\"2.16.840.1.101.3.4.2.1\",\"signAlgo\":\"1.2.840.113549.1.1.1\",\"async\":" + async + "}";
    }

    private Answer status(String token, String transactionId) {
        return postAuth(url("/requests/status"), token, "{\"transactionId\":\"" + transactionId + "\"}");
    }

    @Test
    void pollingReportsWaitingThenSigningThenTheSignatures() {
        Answer login = login("CCCD_" + USER);
        assertThat(login.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.json().path("expires_in").asText()).isEqualTo("3600");
        assertThat(login.json().path("refresh_token").asText()).isEmpty();
        String token = login.json().path("access_token").asText();

        Answer info = postAuth(url("/certificates/info"), token, "{" + client() + ",\"profile_id\":\""
                + MySignService.PROFILE_ID + "\",\"user_id\":\"" + USER + "\",\"certificates\":\"chain\",\"certInfo\":true,"
                + "\"authInfo\":true}");
        JsonNode entry = info.json().get(0);
        assertThat(entry.path("credential_id").asText()).isEqualTo(mySign.credentialId(USER));
        assertThat(entry.path("cert").path("certificates")).hasSize(3);
        assertThat(certificate(entry.path("cert").path("certificates").get(0).asText()))
                .isEqualTo(mySign.subscriber(USER).certificate());
        assertThat(entry.path("cert").path("validFrom").asText()).matches("[0-9]{14}\\+0000");
        assertThat(entry.path("multisign").asInt()).isEqualTo(50);

        Answer started = postAuth(url("/signHash"), token, signBody(USER, 1, "Ky ho so 42", "attrs one", "attrs two"));
        assertThat(started.json().path("status").asInt()).isEqualTo(4000);
        String id = started.json().path("transactionId").asText();

        assertThat(status(token, id).json().path("status").asInt()).isEqualTo(4000);
        Answer signing = status(token, id);
        assertThat(signing.json().path("status").asInt()).as("confirmed, signing").isEqualTo(6000);
        assertThat(signing.json().path("signatures").isNull()).isTrue();
        Answer done = status(token, id);
        assertThat(done.json().path("status").asInt()).isEqualTo(1);
        JsonNode sigs = done.json().path("signatures");
        assertThat(verifies(mySign.subscriber(USER).certificate(), "SHA256withRSA", "attrs one", sigs.get(0).asText()))
                .isTrue();
        assertThat(verifies(mySign.subscriber(USER).certificate(), "SHA256withRSA", "attrs two", sigs.get(1).asText()))
                .isTrue();
    }

    @Test
    void asyncZeroAnswersAtOnceFromTheScript() {
        String token = token(USER);
        Answer signed = postAuth(url("/signHash"), token, signBody(USER, 0, "Ky ngay", "now"));
        assertThat(signed.json().path("status").asInt()).isEqualTo(1);
        assertThat(verifies(mySign.subscriber(USER).certificate(), "SHA256withRSA", "now",
                signed.json().path("signatures").get(0).asText())).isTrue();

        mySign.behaviour(USER, CitizenBehaviour.rejectOnPoll(5));
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 0, "Ky ngay", "no")).json().path("status").asInt())
                .isEqualTo(4002);
        mySign.behaviour(USER, CitizenBehaviour.manual());
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 0, "Ky ngay", "late")).json().path("status").asInt())
                .isEqualTo(4001);
    }

    @Test
    void rejectionExpiryAndFailureAreDistinctStatuses() {
        String token = token(USER);
        mySign.behaviour(CitizenBehaviour.manual());
        String a = postAuth(url("/signHash"), token, signBody(USER, 1, "a", "a")).json().path("transactionId").asText();
        String b = postAuth(url("/signHash"), token, signBody(USER, 2, "b", "b")).json().path("transactionId").asText();
        String c = postAuth(url("/signHash"), token, signBody(USER, 1, "c", "c")).json().path("transactionId").asText();
        mySign.reject(a);
        mySign.fail(c);
        assertThat(status(token, a).json().path("status").asInt()).isEqualTo(4002);
        assertThat(status(token, c).json().path("status").asInt()).isEqualTo(4004);
        clock.advance(Duration.ofMinutes(5));
        assertThat(status(token, b).json().path("status").asInt()).isEqualTo(4001);
    }

    @Test
    void loginErrorsAndPerUserTokensThatExpireAfterAnHour() {
        Answer noClient = post(url("/ras/v1/login"), "{\"user_id\":\"" + USER + "\"}");
        assertThat(noClient.status()).isEqualTo(400);
        assertThat(noClient.json().path("code").asInt()).isEqualTo(58007);
        assertThat(post(url("/ras/v1/login"), "{" + client() + "}").json().path("code").asInt()).isEqualTo(58008);
        Answer badSecret = post(url("/ras/v1/login"), "{\"client_id\":\"" + MySignService.CLIENT_ID
                + "\",\"client_secret\":\"nope\",\"profile_id\":\"" + MySignService.PROFILE_ID + "\",\"user_id\":\"" + USER + "\"}");
        assertThat(badSecret.status()).isEqualTo(401);
        assertThat(badSecret.json().path("code").asInt()).isEqualTo(86024);
        Answer badUser = login("CMT_12");
        assertThat(badUser.status()).isEqualTo(401);
        assertThat(badUser.json().path("code").asInt()).isEqualTo(59033);

        String token = token(USER);
        String other = "001304009903";
        // the token is the user's: another user's credential is refused
        Answer foreign = postAuth(url("/signHash"), token, signBody(other, 1, "x", "x"));
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(postAuth(url("/signHash"), token(other), signBody(other, 1, "x", "x")).status()).isEqualTo(200);

        assertThat(postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x")).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(59));
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x")).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        Answer expired = postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x"));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("code").asInt()).isEqualTo(401);
        assertThat(post(url("/signHash"), signBody(USER, 1, "x", "x")).status()).isEqualTo(401);
    }

    @Test
    void refusesOverFiftyHashesDiacriticsAndInconsistentCounts() {
        String token = token(USER);
        String[] fiftyOne = new String[51];
        java.util.Arrays.fill(fiftyOne, "x");
        Answer tooMany = postAuth(url("/signHash"), token, signBody(USER, 1, "batch", fiftyOne));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asText()).contains("at most 50");
        String[] fifty = java.util.Arrays.copyOf(fiftyOne, 50);
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 1, "batch", fifty)).status()).isEqualTo(200);

        Answer diacritics = postAuth(url("/signHash"), token, signBody(USER, 1, "Ký hồ sơ", "x"));
        assertThat(diacritics.status()).isEqualTo(400);
        assertThat(diacritics.json().path("message").asText()).startsWith("description");
        Answer counts = postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x", "y")
                .replace("\"numSignatures\":2", "\"numSignatures\":3"));
        assertThat(counts.status()).isEqualTo(400);
        Answer wrongAlgo = postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x")
                .replace("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.3"));
        assertThat(wrongAlgo.json().path("message").asText()).contains("hash[0]");
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 3, "x", "x")).json().path("message").asText())
                .contains("webhook");
    }

    @Test
    void conditionsGiveQuotaCertificateAndWrongKeyOutcomes() {
        String token = token(USER);
        mySign.condition(USER, SubscriberCondition.QUOTA_EXHAUSTED);
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x")).json().path("status").asInt())
                .isEqualTo(4005);
        mySign.condition(USER, SubscriberCondition.CERTIFICATE_EXPIRED);
        assertThat(postAuth(url("/signHash"), token, signBody(USER, 1, "x", "x")).json().path("status").asInt())
                .isEqualTo(13004);
        mySign.condition(USER, SubscriberCondition.WRONG_KEY);
        Answer wrong = postAuth(url("/signHash"), token, signBody(USER, 0, "x", "wrong key doc"));
        assertThat(wrong.json().path("status").asInt()).isEqualTo(1);
        assertThat(verifies(mySign.subscriber(USER).certificate(), "SHA256withRSA", "wrong key doc",
                wrong.json().path("signatures").get(0).asText())).isFalse();
    }

    @Test
    void asyncThreeDeliversWithAClientCredentialsTokenThenTheBearer() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (request.getUrl().encodedPath().equals("/auth")) {
                        String form = request.getBody().utf8();
                        boolean ok = form.contains("grant_type=client_credentials") && form.contains("client_id=viettel")
                                && form.contains("client_secret=issued-by-us");
                        return ok ? new MockResponse.Builder().code(200)
                                .body("{\"access_token\":\"receiver-token\",\"token_type\":\"Bearer\",\"expires_in\":300}").build()
                                : new MockResponse.Builder().code(401).body("{\"error\":\"invalid_client\"}").build();
                    }
                    return new MockResponse.Builder().code(200).body("{\"status_code\":\"00\",\"message\":\"OK\"}").build();
                }
            });
            receiver.start();
            mySign.behaviour(CitizenBehaviour.manual());
            mySign.webhook(new MySignWebhook(receiver.url("/auth").uri(), receiver.url("/result").uri(), "viettel",
                    "issued-by-us"));
            String token = token(USER);
            String id = postAuth(url("/signHash"), token, signBody(USER, 3, "Ky qua webhook", "hooked"))
                    .json().path("transactionId").asText();

            mySign.confirm(id);

            RecordedRequest auth = receiver.takeRequest(5, TimeUnit.SECONDS);
            assertThat(auth.getUrl().encodedPath()).isEqualTo("/auth");
            assertThat(auth.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
            RecordedRequest result = receiver.takeRequest(5, TimeUnit.SECONDS);
            assertThat(result.getUrl().encodedPath()).isEqualTo("/result");
            assertThat(result.getHeaders().get("Authorization")).isEqualTo("Bearer receiver-token");
            JsonNode body = RemoteSigningSupport.read(result.getBody().utf8());
            assertThat(body.path("meta_data").path("transaction_id").asText()).isEqualTo(id);
            assertThat(body.path("meta_data").path("status").asInt()).isEqualTo(1);
            assertThat(body.path("meta_data").path("description").asText()).isEqualTo(b64("Ky qua webhook"));
            assertThat(body.path("data").path("signature_timestamp").asText()).matches("[0-9]{14}\\+0000");
            JsonNode r = body.path("data").path("results").get(0);
            assertThat(r.path("document_id").asText()).isEqualTo("d0");
            assertThat(verifies(mySign.subscriber(USER).certificate(), "SHA256withRSA", "hooked",
                    r.path("signature").asText())).isTrue();
            assertThat(mySign.webhookDeliveries()).hasSize(2).allMatch(WebhookDelivery::accepted);

            // a receiver that refuses the client credentials gets no result
            mySign.webhook(new MySignWebhook(receiver.url("/auth").uri(), receiver.url("/result").uri(), "viettel",
                    "not-what-we-issued"));
            String second = postAuth(url("/signHash"), token, signBody(USER, 3, "x", "x")).json().path("transactionId").asText();
            mySign.reject(second);
            assertThat(receiver.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/auth");
            assertThat(mySign.webhookDeliveries()).hasSize(3);
            assertThat(mySign.webhookDeliveries().get(2).status()).isEqualTo(401);
            assertThat(mySign.webhookDeliveries().get(2).toString()).doesNotContain("not-what-we-issued");
            assertThat(receiver.getRequestCount()).isEqualTo(3);
        }
    }
}
