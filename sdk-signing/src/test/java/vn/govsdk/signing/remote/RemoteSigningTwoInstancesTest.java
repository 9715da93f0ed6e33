package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.MySignService;
import vn.govsdk.testkit.remotesigning.MySignWebhook;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/**
 * Two application instances behind a load balancer, each its own signer (own HTTP client, own data
 * source), sharing one PostgreSQL table: the provider's webhook reaches the instance that did not
 * start the transaction, which completes it; the starting instance sees it signed without a poll.
 * PostgreSQL is reached at 127.0.0.1:5432 as postgres/postgres unless GOVSDK_TEST_PG_URL, _USER and
 * _PASSWORD say otherwise; the test fails, never skips, when it is unreachable.
 */
class RemoteSigningTwoInstancesTest {

    private static final String USER = "079203000202";
    private static final String SECRET = "shared-webhook-secret";

    private MockGovPlatform platform;
    private Sp769Service mock;
    private TestClock clock;
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";

    @BeforeEach
    void start() {
        platform = MockGovPlatform.builder().service(Sp769Service::smartCa).service(MySignService::new).build();
        platform.pki().generateAll();
        mock = (Sp769Service) platform.service("/smartca").orElseThrow();
        mock.behaviour(CitizenBehaviour.manual());
        clock = TestClock.at(platform.pki().referenceTime());
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + prefix + "govsdk_remote_signing");
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Each instance its own data source. */
    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(env("GOVSDK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        ds.setUser(env("GOVSDK_TEST_PG_USER", "postgres"));
        ds.setPassword(env("GOVSDK_TEST_PG_PASSWORD", "postgres"));
        return ds;
    }

    private Sp769Signer instance(RemoteSigningStore store) {
        return Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca")).spId(Sp769Service.SP_ID)
                .spPassword(Secret.of(Sp769Service.SP_PASSWORD)).webhookSecret(Secret.of(SECRET))
                .clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none()).transactionStore(store).build();
    }

    private int statusPolls() {
        return platform.journal().count(e -> e.path().endsWith("/status"));
    }

    @Test
    void aWebhookReachingTheOtherInstanceCompletesTheTransaction() throws Exception {
        RemoteSigningStore storeA = RemoteSigningStore.jdbc(dataSource(), prefix);
        RemoteSigningStore storeB = RemoteSigningStore.jdbc(dataSource(), prefix);
        try (Sp769Signer a = instance(storeA); Sp769Signer b = instance(storeB);
                WebhookReceiver receiverOfB = new WebhookReceiver(b::acceptWebhook)) {
            mock.webhook(receiverOfB.url("/smartca-webhook"), SECRET);   // the balancer sends it to B
            RemoteSignature pending = a.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).add("d2", "Ho so 2", new byte[32]).build());
            mock.confirm(pending.transactionIds().get(0));

            assertThat(mock.webhookDeliveries().get(0).status()).isEqualTo(200);
            assertThat(receiverOfB.answers.get(0).accepted()).isTrue();
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.SIGNED);
            assertThat(pending.await(Duration.ofSeconds(1))).hasSize(2);
            assertThat(pending.signatureValue("d2")).isPresent();
            assertThat(statusPolls()).as("A learnt it from the shared store, not by polling").isZero();
        }
    }

    @Test
    void aMySignTokenIssuedByOneInstanceIsHonouredByTheOther() throws Exception {
        RemoteSigningStore storeA = RemoteSigningStore.jdbc(dataSource(), prefix);
        RemoteSigningStore storeB = RemoteSigningStore.jdbc(dataSource(), prefix);
        MySignService mySign = (MySignService) platform.service("/mysign").orElseThrow();
        mySign.behaviour(CitizenBehaviour.manual());
        try (MySignSigner a = mySign(storeA); MySignSigner b = mySign(storeB);
                WebhookReceiver authOnA = new WebhookReceiver(a::acceptWebhook);
                WebhookReceiver resultOnB = new WebhookReceiver(b::acceptWebhook)) {
            // Viettel's token request reaches A, its result request B; the transaction was started on A.
            mySign.webhook(new MySignWebhook(authOnA.url("/auth"), resultOnB.url("/result"), "viettel-caller",
                    "issued-to-viettel"));
            RemoteSignature pending = a.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).build());
            mySign.confirm(pending.transactionIds().get(0));
            assertThat(authOnA.answers).hasSize(1);
            assertThat(resultOnB.answers).hasSize(1);
            assertThat(resultOnB.answers.get(0).accepted()).as(String.valueOf(resultOnB.answers.get(0))).isTrue();
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.SIGNED);
            assertThat(pending.await(Duration.ofSeconds(1))).hasSize(1);
        }
    }

    private MySignSigner mySign(RemoteSigningStore store) {
        return MySignSigner.builder().endpoint(platform.baseUrl("/mysign"))
                .credentials(MySignService.CLIENT_ID, Secret.of(MySignService.CLIENT_SECRET))
                .profileId(MySignService.PROFILE_ID).clock(clock).sleeper(clock.sleeper()).retryPolicy(RetryPolicy.none())
                .deliverByWebhook("viettel-caller", Secret.of("issued-to-viettel")).transactionStore(store).build();
    }

    @Test
    void withoutASharedStoreTheOtherInstanceCannotCompleteIt() throws Exception {
        try (Sp769Signer a = instance(RemoteSigningStore.inMemory()); Sp769Signer b = instance(RemoteSigningStore.inMemory());
                WebhookReceiver receiverOfB = new WebhookReceiver(b::acceptWebhook)) {
            mock.webhook(receiverOfB.url("/smartca-webhook"), SECRET);
            RemoteSignature pending = a.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).build());
            mock.confirm(pending.transactionIds().get(0));
            assertThat(mock.webhookDeliveries().get(0).status()).isEqualTo(404);
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
        }
    }

    @Test
    void aForgedValueSentToTheOtherInstanceIsRefusedThere() throws Exception {
        RemoteSigningStore storeA = RemoteSigningStore.jdbc(dataSource(), prefix);
        RemoteSigningStore storeB = RemoteSigningStore.jdbc(dataSource(), prefix);
        try (Sp769Signer a = instance(storeA); Sp769Signer b = instance(storeB)) {
            RemoteSignature pending = a.signDigests(RemoteSigningRequest.builder().userId(USER)
                    .add("d1", "Ho so 1", new byte[32]).build());
            String tx = pending.transactionIds().get(0);
            String forged = "{\"sp_id\":\"" + Sp769Service.SP_ID + "\",\"status_code\":200,\"message\":\"SUCCESS\","
                    + "\"transaction_id\":\"" + tx + "\",\"signed_files\":[{\"doc_id\":\"d1\",\"signature_value\":\""
                    + java.util.Base64.getEncoder().encodeToString(new byte[256]) + "\"}]}";
            byte[] body = forged.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            WebhookResponse r = b.acceptWebhook(new WebhookRequest(java.util.Map.of("X-Signature",
                    java.util.List.of("sha256=" + vn.govsdk.signing.internal.remote.Wire.hmacHex(SECRET, body))), body));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(pending.status()).isEqualTo(RemoteSigningStatus.WAITING_FOR_CONFIRMATION);
        }
    }

    @Test
    void theStoreReplacesAnEntryOnlyAtTheVersionRead() {
        for (RemoteSigningStore store : new RemoteSigningStore[] {RemoteSigningStore.inMemory(),
            RemoteSigningStore.jdbc(dataSource(), prefix)}) {
            Instant now = clock.instant();
            store.put("k", "one", now.plusSeconds(60));
            RemoteSigningStore.Entry e = store.get("k", now).orElseThrow();
            assertThat(store.replace("k", e.version(), "two")).isTrue();
            assertThat(store.replace("k", e.version(), "three")).as("a stale version").isFalse();
            assertThat(store.get("k", now).orElseThrow().state()).isEqualTo("two");
            assertThat(store.get("k", now.plusSeconds(61))).as("expired").isEmpty();
            assertThat(store.get("other", now)).isEmpty();
            store.remove("k");
            assertThat(store.get("k", now)).isEmpty();
        }
    }
}
