package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.MySignService;
import vn.govsdk.testkit.remotesigning.MySignWebhook;
import vn.govsdk.testkit.remotesigning.SubscriberCondition;

/** Viettel MySign against its mock. */
class MySignTest extends RemoteSignerContract {

    @Override
    String prefix() {
        return "/mysign";
    }

    @Override
    Function<MockGovPlatform, MockService> service() {
        return MySignService::new;
    }

    @Override
    RemoteSigner newSigner(URI base, TestClock clock) {
        return builder(base, clock).build();
    }

    private MySignSigner.Builder builder(URI base, TestClock clock) {
        return MySignSigner.builder().endpoint(base)
                .credentials(MySignService.CLIENT_ID, Secret.of(MySignService.CLIENT_SECRET))
                .profileId(MySignService.PROFILE_ID).clock(clock).sleeper(clock.sleeper())
                .retryPolicy(RetryPolicy.none());
    }

    @Override
    String signPath() {
        return "/mysign/vtss/service/signHash";
    }

    @Override
    List<String> certificatePaths() {
        return List.of("/mysign/vtss/service/certificates/info");
    }

    private List<JournalEntry> logins() {
        return platform.journal().requests(e -> e.path().equals("/mysign/vtss/service/ras/v1/login"));
    }

    @Test
    void oneLoginPerUserAnHourThenAnother() {
        signer.getCertificateChain(USER);
        signer.signDigests(oneDigest());
        signer.getCertificateChain("079203000303");
        assertThat(logins()).hasSize(2); // one per user
        clock.advance(Duration.ofMinutes(61));
        signer.signDigests(oneDigest());
        assertThat(logins()).hasSize(3); // renewed by logging in again
    }

    @Test
    void namesAreSentAsBase64AsciiWithoutDiacritics() {
        signer.signDigests(RemoteSigningRequest.builder().userId(USER).add("d1", "Quyết định số 01.pdf", new byte[32])
                .description("Ký hồ sơ đất đai").build());
        String body = platform.journal().requests(e -> e.path().equals(signPath())).get(0).bodyAsString();
        assertThat(body).contains("\"document_name\":\""
                + Base64.getEncoder().encodeToString("Quyet dinh so 01_pdf".getBytes(StandardCharsets.US_ASCII)) + "\"")
                .contains("\"description\":\""
                        + Base64.getEncoder().encodeToString("Ky ho so dat dai".getBytes(StandardCharsets.US_ASCII)) + "\"")
                .contains("\"credentialID\"").contains("\"async\":1");
    }

    @Test
    void signing6000IsStillPending() {
        mock.behaviour(USER, CitizenBehaviour.manual());
        RemoteSignature pending = signer.signDigests(oneDigest());
        mock.confirm(pending.transactionIds().get(0));
        assertThat(pending.refresh()).isEqualTo(RemoteSigningStatus.SIGNING); // 6000 on the first poll after confirming
        assertThat(pending.refresh()).isEqualTo(RemoteSigningStatus.SIGNED);
    }

    @Test
    void anExpiredCertificateIsRefused() {
        mock.condition(USER, SubscriberCondition.CERTIFICATE_EXPIRED);
        assertThatThrownBy(() -> signer.getCertificateChain(USER)).isInstanceOfSatisfying(RemoteSigningException.class,
                e -> assertThat(e.status()).isEqualTo(RemoteSigningStatus.FAILED));
    }

    @Test
    void webhookResultsNeedTheTokenIssuedToViettel() throws Exception {
        mock.behaviour(CitizenBehaviour.manual());
        try (WebhookReceiver receiver = new WebhookReceiver(r -> null);
                RemoteSigner hooked = builder(platform.baseUrl(prefix()), clock)
                        .deliverByWebhook("viettel-caller", Secret.of("issued-to-viettel")).build()) {
            receiver.handler(hooked::acceptWebhook);
            // Viettel with the wrong client secret gets no token, and the result is never delivered.
            ((MySignService) mock).webhook(new MySignWebhook(receiver.url("/auth"), receiver.url("/result"),
                    "viettel-caller", "guessed"));
            RemoteSignature pending = hooked.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).add("d2", "Ho so 2", new byte[32]).build());
            assertThat(platform.journal().requests(e -> e.path().equals(signPath())).get(0).bodyAsString())
                    .contains("\"async\":3");

            String tx = pending.transactionIds().get(0);
            mock.confirm(tx);
            assertThat(receiver.answers).hasSize(1);
            assertThat(receiver.answers.get(0).statusCode()).isEqualTo(401);
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);

            // A result request without a token issued by the receiver is refused.
            String forged = "{\"meta_data\":{\"transaction_id\":\"" + tx + "\",\"status\":4002},\"data\":{\"results\":[]}}";
            WebhookResponse r = hooked.acceptWebhook(new WebhookRequest(
                    Map.of("Authorization", List.of("Bearer made-up")), forged.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);

            // With the right credentials: token, then the result, which completes the signature.
            RemoteSignature second = hooked.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).build());
            ((MySignService) mock).webhook(new MySignWebhook(receiver.url("/auth"), receiver.url("/result"),
                    "viettel-caller", "issued-to-viettel"));
            mock.confirm(second.transactionIds().get(0));
            assertThat(second.status()).isEqualTo(RemoteSigningStatus.SIGNED);
            assertThat(second.await(Duration.ofSeconds(5))).hasSize(1);
            assertThat(platform.journal().count(e -> e.path().equals("/mysign/vtss/service/requests/status")))
                    .as("webhook mode makes no status poll").isZero();
        }
    }
}
