package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.SmartCaCscService;

/** VNPT SmartCA CSC-style API against its mock. */
class SmartCaCscTest extends RemoteSignerContract {

    @Override
    String prefix() {
        return "/smartca-csc";
    }

    @Override
    Function<MockGovPlatform, MockService> service() {
        return SmartCaCscService::new;
    }

    @Override
    RemoteSigner newSigner(URI base, TestClock clock) {
        return builder(base, clock).build();
    }

    private SmartCaCscSigner.Builder builder(URI base, TestClock clock) {
        return SmartCaCscSigner.builder().endpoint(base)
                .credentials(SmartCaCscService.CLIENT_ID, Secret.of(SmartCaCscService.CLIENT_SECRET))
                .userPasswords(user -> Secret.of(SmartCaCscService.USER_PASSWORD))
                .clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none());
    }

    @Override
    String signPath() {
        return "/smartca-csc/csc/signature/signhash";
    }

    @Override
    List<String> certificatePaths() {
        return List.of("/smartca-csc/csc/credentials/list", "/smartca-csc/csc/credentials/info");
    }

    private List<JournalEntry> tokenRequests() {
        return platform.journal().requests(e -> e.path().equals("/smartca-csc/auth/token"));
    }

    @Test
    void oneTokenPerUserThenTheRefreshToken() {
        signer.getCertificateChain(USER);
        signer.signDigests(oneDigest());
        assertThat(tokenRequests()).hasSize(1);
        assertThat(tokenRequests().get(0).bodyAsString()).contains("grant_type=password");
        clock.advance(Duration.ofMinutes(70)); // past the one-hour access token
        signer.signDigests(oneDigest());
        assertThat(tokenRequests()).hasSize(2);
        assertThat(tokenRequests().get(1).bodyAsString()).contains("grant_type=refresh_token")
                .doesNotContain(SmartCaCscService.USER_PASSWORD);
    }

    @Test
    void aWrongClientSecretIsAnAuthenticationFailure() {
        try (RemoteSigner bad = builder(platform.baseUrl(prefix()), clock)
                .credentials(SmartCaCscService.CLIENT_ID, Secret.of("s3cr3t-XYZ-leak-check")).build()) {
            assertThatThrownBy(() -> bad.getCertificateChain(USER)).isInstanceOfSatisfying(
                    AuthenticationFailedException.class, e -> {
                        assertThat(e.errorCode()).contains("invalid_client");
                        assertThat(e.getMessage()).doesNotContain("s3cr3t-XYZ-leak-check");
                    });
        }
        try (RemoteSigner bad = builder(platform.baseUrl(prefix()), clock)
                .userPasswords(u -> Secret.of("not-the-password")).build()) {
            assertThatThrownBy(() -> bad.getCertificateChain(USER)).isInstanceOfSatisfying(GovServiceException.class,
                    e -> assertThat(e.errorCode()).contains("invalid_grant"));
        }
    }

    @Test
    void aNotificationIsOnlyAHintAndForgedOnesAreRefused() throws Exception {
        mock.behaviour(CitizenBehaviour.manual());
        try (WebhookReceiver receiver = new WebhookReceiver(r -> null)) {
            try (RemoteSigner notified = builder(platform.baseUrl(prefix()), clock)
                    .notifyUrl(receiver.url("/csc-notify")).build()) {
                receiver.handler(notified::acceptWebhook);
                RemoteSignature pending = notified.signDigests(oneDigest());
                String tx = pending.transactionIds().get(0);
                assertThat(platform.journal().requests(e -> e.path().equals(signPath())).get(0).bodyAsString())
                        .contains("\"notifyUrl\":\"" + receiver.url("/csc-notify"));

                // A forged notification claiming success, with a made-up value: only a hint, so the
                // client asks gettraninfo, which still says waiting; nothing is taken from the body.
                String forged = "{\"tranId\":\"" + tx + "\",\"tranStatus\":1,\"documents\":[{\"name\":\"x\",\"sig\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[256]) + "\"}]}";
                WebhookResponse r = notified.acceptWebhook(WebhookRequest.of(java.util.Map.of(), forged));
                assertThat(r.accepted()).isTrue();
                assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
                assertThat(pending.signatureValue("doc-1")).isEmpty();
                WebhookResponse unknown = notified.acceptWebhook(WebhookRequest.of(java.util.Map.of(),
                        forged.replace(tx, "not-a-transaction")));
                assertThat(unknown.accepted()).isFalse();
                assertThat(unknown.statusCode()).isEqualTo(404);

                mock.confirm(tx); // the mock notifies synchronously; the receiver fetches the result
                assertThat(receiver.answers).anyMatch(WebhookResponse::accepted);
                assertThat(pending.status()).isEqualTo(RemoteSigningStatus.SIGNED);
                assertThat(pending.signatureValue("doc-1")).isPresent();
            }
        }
    }

    @Test
    void certificateHasItsTrailingCrlfStripped() {
        assertThat(signer.getCertificateChain(USER)).hasSize(3);
    }
}
