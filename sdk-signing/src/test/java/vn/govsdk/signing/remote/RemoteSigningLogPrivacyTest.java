package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.MySignService;
import vn.govsdk.testkit.remotesigning.SmartCaCscService;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/** Nothing secret or personal reaches the logs, even at DEBUG; one signer serves many threads. */
class RemoteSigningLogPrivacyTest {

    private static final String USER = "079203000606";

    @Test
    void debugLogsCarryNoSecretTokenOrFullUserId() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = root.getLevel();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try (MockGovPlatform platform = MockGovPlatform.builder().service(Sp769Service::smartCa)
                .service(MySignService::new).service(SmartCaCscService::new).build()) {
            TestClock clock = TestClock.at(platform.pki().referenceTime());
            try (RemoteSigner smartCa = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca"))
                    .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD))
                    .webhookSecret(Secret.of("webhook-secret-value")).clock(clock).sleeper(clock.sleeper()).build();
                    RemoteSigner mySign = MySignSigner.builder().endpoint(platform.baseUrl("/mysign"))
                            .credentials(MySignService.CLIENT_ID, Secret.of(MySignService.CLIENT_SECRET))
                            .clock(clock).sleeper(clock.sleeper()).build();
                    RemoteSigner csc = SmartCaCscSigner.builder().endpoint(platform.baseUrl("/smartca-csc"))
                            .credentials(SmartCaCscService.CLIENT_ID, Secret.of(SmartCaCscService.CLIENT_SECRET))
                            .userPasswords(u -> Secret.of(SmartCaCscService.USER_PASSWORD))
                            .clock(clock).sleeper(clock.sleeper()).build()) {
                for (RemoteSigner s : List.of(smartCa, mySign, csc)) {
                    RemoteSignature pending = s.signDigests(RemoteSigningRequest.builder().userId(USER)
                            .add("d1", "Ho so", new byte[32]).build());
                    assertThat(pending.await(Duration.ofMinutes(1))).hasSize(1);
                    assertThat(s.toString()).doesNotContain("password").doesNotContain("secret");
                }
                smartCa.acceptWebhook(WebhookRequest.of(Map.of(), "{\"sp_id\":\"x\"}"));
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("something was logged at DEBUG").anyMatch(l -> l.contains("079*******06"));
        assertThat(String.join("\n", lines)).doesNotContain(USER).doesNotContain(Sp769Service.SP_PASSWORD)
                .doesNotContain(MySignService.CLIENT_SECRET).doesNotContain(SmartCaCscService.CLIENT_SECRET)
                .doesNotContain(SmartCaCscService.USER_PASSWORD).doesNotContain("webhook-secret-value")
                .doesNotContain("access_token\":\"ey");
    }

    @Test
    void oneSignerServesConcurrentRequests() throws Exception {
        try (MockGovPlatform platform = MockGovPlatform.builder().service(Sp769Service::smartCa).build()) {
            TestClock clock = TestClock.at(platform.pki().referenceTime());
            try (RemoteSigner smartCa = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca"))
                    .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD))
                    .clock(clock).sleeper(d -> { }).build()) {
                ExecutorService pool = Executors.newFixedThreadPool(6);
                try {
                    List<Future<List<byte[]>>> results = new java.util.ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        String user = "0792030007" + String.format("%02d", i % 4);
                        byte[] digest = new byte[32];
                        digest[0] = (byte) i;
                        results.add(pool.submit(() -> smartCa.signDigests(RemoteSigningRequest.builder().userId(user)
                                .add("d", "Ho so", digest).build()).await(Duration.ofMinutes(1))));
                    }
                    for (Future<List<byte[]>> f : results) {
                        assertThat(f.get()).hasSize(1);
                    }
                } finally {
                    pool.shutdownNow();
                }
                // Four users: each certificate fetched once, however many threads asked at once or after.
                assertThat(platform.journal().count(e -> e.path().equals("/smartca/v1/credentials/get_certificate")))
                        .isEqualTo(4);
                assertThat(platform.journal().count(e -> e.path().equals("/smartca/v1/signatures/sign"))).isEqualTo(12);
            }
        }
    }
}
