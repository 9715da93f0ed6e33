package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.internal.remote.Wire;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.Sp769Service;
import vn.govsdk.testkit.remotesigning.SubscriberCondition;
import vn.govsdk.testkit.remotesigning.WebhookDelivery;

/** SmartCA sp769 webhooks: an authentic one completes the signature; forged ones change nothing. */
class Sp769WebhookTest {

    private static final String USER = "079203000202";
    private static final String SECRET = "shared-webhook-secret";

    private MockGovPlatform platform;
    private Sp769Service mock;
    private Sp769Signer signer;
    private WebhookReceiver receiver;
    private TestClock clock;

    @BeforeEach
    void start() throws Exception {
        platform = MockGovPlatform.builder().service(Sp769Service::smartCa).build();
        platform.pki().generateAll();
        mock = (Sp769Service) platform.service("/smartca").orElseThrow();
        mock.behaviour(CitizenBehaviour.manual());
        clock = TestClock.at(platform.pki().referenceTime());
        signer = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca")).spId(Sp769Service.SP_ID)
                .spPassword(Secret.of(Sp769Service.SP_PASSWORD)).webhookSecret(Secret.of(SECRET))
                .clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none()).build();
        receiver = new WebhookReceiver(signer::acceptWebhook);
    }

    @AfterEach
    void stop() {
        receiver.close();
        signer.close();
        platform.close();
    }

    private int statusPolls() {
        return platform.journal().count(e -> e.path().endsWith("/status"));
    }

    @Test
    void anAuthenticWebhookCompletesWithoutPolling() {
        mock.webhook(receiver.url("/smartca-webhook"), SECRET);
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("d1", "Ho so 1", new byte[32]).add("d2", "Ho so 2", new byte[32]).build());
        mock.confirm(pending.transactionIds().get(0)); // the mock delivers synchronously
        WebhookDelivery delivery = mock.webhookDeliveries().get(0);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(receiver.answers.get(0).accepted()).isTrue();
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.SIGNED);
        assertThat(pending.await(Duration.ofSeconds(1))).hasSize(2);
        assertThat(statusPolls()).as("no poll was needed").isZero();
    }

    @Test
    void aWebhookWithAnotherSecretIsRefusedAndChangesNothing() {
        mock.webhook(receiver.url("/smartca-webhook"), "not-the-shared-secret");
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("d1", "Ho so 1", new byte[32]).build());
        mock.reject(pending.transactionIds().get(0));
        assertThat(mock.webhookDeliveries().get(0).status()).isEqualTo(401);
        assertThat(receiver.answers.get(0).accepted()).isFalse();
        assertThat(receiver.answers.get(0).refusal()).get().asString().contains("HMAC");
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
    }

    @Test
    void forgedPayloadsAreRefused() {
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("d1", "Ho so 1", new byte[32]).build());
        String tx = pending.transactionIds().get(0);
        // Correct HMAC (the secret leaked, say) but a value that was not made with the user's key.
        String forgedValue = java.util.Base64.getEncoder().encodeToString(new byte[256]);
        String forged = "{\"sp_id\":\"" + Sp769Service.SP_ID + "\",\"status_code\":200,\"message\":\"SUCCESS\","
                + "\"transaction_id\":\"" + tx + "\",\"signed_files\":[{\"doc_id\":\"d1\",\"signature_value\":\""
                + forgedValue + "\"}]}";
        WebhookResponse r = signer.acceptWebhook(signed(forged));
        assertThat(r.accepted()).isFalse();
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.refusal()).get().asString().contains("does not verify");
        // Another service provider's id.
        WebhookResponse other = signer.acceptWebhook(signed(forged.replace(Sp769Service.SP_ID, "someone-else")));
        assertThat(other.statusCode()).isEqualTo(403);
        // A transaction this signer never started.
        WebhookResponse unknown = signer.acceptWebhook(signed(forged.replace(tx, "SCA-999999999999")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        // No signature header at all.
        WebhookResponse unsigned = signer.acceptWebhook(WebhookRequest.of(Map.of(), forged));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        // Too large.
        WebhookResponse huge = signer.acceptWebhook(new WebhookRequest(Map.of(), new byte[2 * 1024 * 1024]));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
        assertThat(pending.signatureValue("d1")).isEmpty();
        mock.confirm(tx);
        assertThat(pending.await(Duration.ofSeconds(10))).hasSize(1); // the real answer still gets through
    }

    @Test
    void aWrongKeyValueInAnAuthenticWebhookIsRefused() {
        mock.webhook(receiver.url("/smartca-webhook"), SECRET);
        mock.condition(USER, SubscriberCondition.WRONG_KEY);
        RemoteSignature pending = signer.signDigests(RemoteSigningRequest.builder().userId(USER)
                .add("d1", "Ho so 1", new byte[32]).build());
        mock.confirm(pending.transactionIds().get(0));
        assertThat(mock.webhookDeliveries().get(0).status()).isEqualTo(400);
        assertThat(pending.signatureValue("d1")).isEmpty();
        assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
    }

    @Test
    void withoutASecretAFailureReportIsConfirmedWithTheProvider() {
        try (Sp769Signer noSecret = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca"))
                .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD)).clock(clock)
                .sleeper(clock.sleeper()).build()) {
            RemoteSignature pending = noSecret.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).build());
            String tx = pending.transactionIds().get(0);
            String fakeReject = "{\"sp_id\":\"" + Sp769Service.SP_ID + "\",\"status_code\":400,\"message\":"
                    + "\"SIGNER_REJECTED\",\"transaction_id\":\"" + tx + "\",\"signed_files\":[]}";
            WebhookResponse r = noSecret.acceptWebhook(WebhookRequest.of(Map.of(), fakeReject));
            assertThat(r.accepted()).isFalse();
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(pending.status()).isNotEqualTo(RemoteSigningStatus.REJECTED);
            mock.reject(tx);
            assertThat(noSecret.acceptWebhook(WebhookRequest.of(Map.of(), fakeReject)).accepted()).isTrue();
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.REJECTED);
        }
    }

    private static WebhookRequest signed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(Map.of("X-Signature", List.of("sha256=" + Wire.hmacHex(SECRET, body))), body);
    }
}
