package vn.govsdk.testkit.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.USER;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.certificate;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.digest;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.postAuth;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.postForm;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.verifies;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.RemoteSigningSupport.Answer;

/** The SmartCA CSC-style mock over plain HTTP; signatures checked with plain JCA. */
class SmartCaCscServiceTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:00:00Z"));
    private final MockGovPlatform platform = MockGovPlatform.builder().clock(clock).service(SmartCaCscService::new).build();
    private final SmartCaCscService csc = (SmartCaCscService) platform.service("/smartca-csc").orElseThrow();

    @AfterEach
    void close() {
        platform.close();
    }

    private URI url(String path) {
        return platform.baseUrl("/smartca-csc" + path);
    }

    private Answer passwordGrant(String user, String password) {
        return postForm(url("/auth/token"), "grant_type", "password", "client_id", SmartCaCscService.CLIENT_ID,
                "client_secret", SmartCaCscService.CLIENT_SECRET, "username", user, "password", password);
    }

    private String login(String user) {
        Answer a = passwordGrant(user, SmartCaCscService.USER_PASSWORD);
        assertThat(a.status()).isEqualTo(200);
        return a.json().path("access_token").asText();
    }

    private static String hashes(String notifyUrl, int count, String prefix) {
        StringBuilder datas = new StringBuilder();
        for (int i = 0; i < count; i++) {
            datas.append(i == 0 ? "" : ",").append("{\"name\":\"doc-").append(i).append("\",\"hash\":\"")
                    .append(Base64.getEncoder().encodeToString(digest("SHA-256", prefix + i))).append("\"}");
        }
        return "\"refTranId\":\"ref-" + prefix + "\",\"description\":\"Ky ho so\",\"datas\":[" + datas + "]"
                + (notifyUrl == null ? "" : ",\"notifyUrl\":\"" + notifyUrl + "\"");
    }

    private Answer signHash(String token, String credentialId, String rest) {
        return postAuth(url("/csc/signature/signhash"), token, "{\"credentialId\":\"" + credentialId + "\"," + rest + "}");
    }

    private Answer tranInfo(String token, String tranId) {
        return postAuth(url("/csc/credentials/gettraninfo"), token, "{\"tranId\":\"" + tranId + "\"}");
    }

    @Test
    void signsAFullBatchAndNotifiesTheUrlOfTheRequest() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            String token = login(USER);

            Answer list = postAuth(url("/csc/credentials/list"), token, "{}");
            assertThat(list.json().path("code").asInt()).isZero();
            String credentialId = list.json().path("content").get(0).asText();
            assertThat(credentialId).isEqualTo(csc.credentialId(USER));

            Answer info = postAuth(url("/csc/credentials/info"), token,
                    "{\"credentialId\":\"" + credentialId + "\",\"certificates\":\"chain\",\"certInfo\":true}");
            JsonNode certs = info.json().path("content").path("cert").path("certificates");
            assertThat(certs).hasSize(3);
            X509Certificate cert = certificate(certs.get(0).asText());
            assertThat(cert).isEqualTo(csc.subscriber(USER).certificate());
            assertThat(certificate(certs.get(2).asText())).isEqualTo(platform.pki().rootCertificate());
            assertThat(info.json().path("content").path("key").path("len").asInt()).isEqualTo(2048);

            Answer started = signHash(token, credentialId, hashes(receiver.url("/notify").toString(), 50, "batch"));
            assertThat(started.json().path("code").asInt()).isZero();
            String tranId = started.json().path("content").path("tranId").asText();
            assertThat(started.json().path("content").path("refTranId").asText()).isEqualTo("ref-batch");

            Answer waiting = tranInfo(token, tranId);
            assertThat(waiting.json().path("content").path("tranStatus").asInt()).isEqualTo(4000);
            assertThat(waiting.json().path("content").path("documents").get(0).path("sig").isNull()).isTrue();
            Answer done = tranInfo(token, tranId);
            assertThat(done.json().path("content").path("tranStatus").asInt()).isEqualTo(1);
            JsonNode docs = done.json().path("content").path("documents");
            assertThat(docs).hasSize(50);
            for (int i = 0; i < 50; i++) {
                assertThat(verifies(cert, "SHA256withRSA", "batch" + i, docs.get(i).path("sig").asText()))
                        .as("document %d", i).isTrue();
            }

            RecordedRequest notification = receiver.takeRequest();
            assertThat(notification.getUrl().encodedPath()).isEqualTo("/notify");
            JsonNode body = RemoteSigningSupport.read(notification.getBody().utf8());
            assertThat(body.path("tranId").asText()).isEqualTo(tranId);
            assertThat(body.path("tranStatus").asInt()).isEqualTo(1);
            assertThat(body.path("documents").get(7).path("sig").asText()).isEqualTo(docs.get(7).path("sig").asText());
            assertThat(csc.webhookDeliveries()).singleElement().extracting(WebhookDelivery::status).isEqualTo(200);
        }
    }

    @Test
    void batchLimitsAreFiftyHashesAndTenFiles() {
        String token = login(USER);
        String credentialId = csc.credentialId(USER);
        Answer tooMany = signHash(token, credentialId, hashes(null, 51, "x"));
        assertThat(tooMany.status()).isEqualTo(200);
        assertThat(tooMany.json().path("code").asInt()).isEqualTo(400);
        assertThat(tooMany.json().path("codeDesc").asText()).contains("at most 50");
        assertThat(csc.transactions()).isEmpty();

        StringBuilder files = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            files.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"dataBase64\":\"")
                    .append(Base64.getEncoder().encodeToString(("file " + i).getBytes(StandardCharsets.UTF_8))).append("\"}");
        }
        Answer elevenFiles = postAuth(url("/csc/signature/sign"), token,
                "{\"credentialId\":\"" + credentialId + "\",\"refTranId\":\"f\",\"datas\":[" + files + "]}");
        assertThat(elevenFiles.json().path("code").asInt()).isEqualTo(400);
        assertThat(elevenFiles.json().path("codeDesc").asText()).contains("at most 10");

        String tenFiles = files.substring(0, files.lastIndexOf(",{"));
        csc.behaviour(CitizenBehaviour.confirmOnPoll(1));
        Answer ten = postAuth(url("/csc/signature/sign"), token,
                "{\"credentialId\":\"" + credentialId + "\",\"refTranId\":\"f\",\"datas\":[" + tenFiles + "]}");
        assertThat(ten.json().path("code").asInt()).isZero();
        JsonNode docs = tranInfo(token, ten.json().path("content").path("tranId").asText()).json()
                .path("content").path("documents");
        assertThat(docs).hasSize(10);
        assertThat(verifies(csc.subscriber(USER).certificate(), "SHA256withRSA", "file 9", docs.get(9).path("sig").asText()))
                .isTrue();
    }

    @Test
    void tokensArePasswordOrRefreshGrantsAndExpireAfterAnHour() {
        assertThat(postAuth(url("/csc/credentials/list"), "nonsense", "{}").status()).isEqualTo(401);
        Answer noToken = RemoteSigningSupport.post(url("/csc/credentials/list"), "{}");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().path("code").asInt()).isEqualTo(401);

        Answer badPassword = passwordGrant(USER, "wrong");
        assertThat(badPassword.status()).isEqualTo(400);
        assertThat(badPassword.json().path("error").asText()).isEqualTo("invalid_grant");
        Answer badClient = postForm(url("/auth/token"), "grant_type", "password", "client_id", SmartCaCscService.CLIENT_ID,
                "client_secret", "wrong", "username", USER, "password", SmartCaCscService.USER_PASSWORD);
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(badClient.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(postForm(url("/auth/token"), "grant_type", "client_credentials", "client_id",
                SmartCaCscService.CLIENT_ID, "client_secret", SmartCaCscService.CLIENT_SECRET).json().path("error").asText())
                .isEqualTo("unsupported_grant_type");

        Answer granted = passwordGrant(USER, SmartCaCscService.USER_PASSWORD);
        assertThat(granted.json().path("expires_in").asLong()).isEqualTo(3600);
        String access = granted.json().path("access_token").asText();
        String refresh = granted.json().path("refresh_token").asText();
        assertThat(postAuth(url("/csc/credentials/list"), access, "{}").status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(postAuth(url("/csc/credentials/list"), access, "{}").status()).isEqualTo(401);

        Answer refreshed = postForm(url("/auth/token"), "grant_type", "refresh_token", "client_id",
                SmartCaCscService.CLIENT_ID, "client_secret", SmartCaCscService.CLIENT_SECRET, "refresh_token", refresh);
        assertThat(refreshed.status()).isEqualTo(200);
        String again = refreshed.json().path("access_token").asText();
        assertThat(again).isNotEqualTo(access);
        assertThat(postAuth(url("/csc/credentials/list"), again, "{}").json().path("content").get(0).asText())
                .isEqualTo(csc.credentialId(USER));
        assertThat(postForm(url("/auth/token"), "grant_type", "refresh_token", "client_id", SmartCaCscService.CLIENT_ID,
                "client_secret", SmartCaCscService.CLIENT_SECRET, "refresh_token", "forged").json().path("error").asText())
                .isEqualTo("invalid_grant");
        clock.advance(Duration.ofDays(90));
        assertThat(postForm(url("/auth/token"), "grant_type", "refresh_token", "client_id", SmartCaCscService.CLIENT_ID,
                "client_secret", SmartCaCscService.CLIENT_SECRET, "refresh_token", refresh).status()).isEqualTo(400);
    }

    @Test
    void rejectionExpiryAndAnotherSubscribersDataAreDistinct() {
        String token = login(USER);
        String credentialId = csc.credentialId(USER);
        csc.behaviour(CitizenBehaviour.manual());
        String rejected = signHash(token, credentialId, hashes(null, 1, "r")).json().path("content").path("tranId").asText();
        String expired = signHash(token, credentialId, hashes(null, 1, "e")).json().path("content").path("tranId").asText();
        csc.reject(rejected);
        assertThat(tranInfo(token, rejected).json().path("content").path("tranStatus").asInt()).isEqualTo(4002);
        clock.advance(Duration.ofMinutes(5));
        JsonNode exp = tranInfo(token, expired).json().path("content");
        assertThat(exp.path("tranStatus").asInt()).isEqualTo(4001);
        assertThat(exp.path("tranStatusDesc").asText()).isEqualTo("EXPIRED");

        String other = "001304009903";
        String otherToken = login(other);
        assertThat(tranInfo(otherToken, rejected).json().path("message").asText()).isEqualTo("TRANSACTION_NOT_FOUND");
        Answer foreignCredential = signHash(otherToken, credentialId, hashes(null, 1, "o"));
        assertThat(foreignCredential.json().path("code").asInt()).isEqualTo(404);
        assertThat(foreignCredential.json().path("message").asText()).isEqualTo("CREDENTIAL_NOT_FOUND");
    }

    @Test
    void conditionsQuotaAndWrongKey() {
        String token = login(USER);
        String credentialId = csc.credentialId(USER);
        csc.condition(USER, SubscriberCondition.QUOTA_EXHAUSTED);
        Answer quota = signHash(token, credentialId, hashes(null, 1, "q"));
        assertThat(quota.json().path("code").asInt()).isEqualTo(403);
        assertThat(quota.json().path("message").asText()).isEqualTo("SERVICE_PACK_EXEED_OR_INVALID");

        csc.condition(USER, SubscriberCondition.WRONG_KEY);
        csc.behaviour(CitizenBehaviour.confirmOnPoll(1));
        String tranId = signHash(token, credentialId, hashes(null, 1, "w")).json().path("content").path("tranId").asText();
        String sig = tranInfo(token, tranId).json().path("content").path("documents").get(0).path("sig").asText();
        assertThat(Base64.getDecoder().decode(sig)).hasSize(256);
        assertThat(verifies(csc.subscriber(USER).certificate(), "SHA256withRSA", "w0", sig)).isFalse();

        Answer outside = signHash(token, credentialId, hashes("http://192.0.2.1/notify", 1, "n"));
        assertThat(outside.json().path("code").asInt()).isEqualTo(400);
        assertThat(outside.json().path("codeDesc").asText()).contains("loopback");
    }
}
