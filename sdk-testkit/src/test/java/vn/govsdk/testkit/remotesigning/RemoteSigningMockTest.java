package vn.govsdk.testkit.remotesigning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.USER;
import static vn.govsdk.testkit.remotesigning.RemoteSigningSupport.post;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;

/** What the four mocks share: the scripting API, its rules, and one webhook per transaction under load. */
class RemoteSigningMockTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-22T03:00:00Z"));
    private final MockGovPlatform platform = MockGovPlatform.builder().clock(clock).service(Sp769Service::smartCa).build();
    private final Sp769Service smartCa = (Sp769Service) platform.service("/smartca").orElseThrow();

    @AfterEach
    void close() {
        platform.close();
    }

    private String sign(String reference) {
        String hex = HexFormat.of().formatHex(RemoteSigningSupport.digest("SHA-256", reference));
        return post(platform.baseUrl("/smartca/v1/signatures/sign"), "{\"sp_id\":\"" + Sp769Service.SP_ID
                + "\",\"sp_password\":\"" + Sp769Service.SP_PASSWORD + "\",\"user_id\":\"" + USER
                + "\",\"transaction_id\":\"" + reference + "\",\"sign_files\":[{\"doc_id\":\"d\",\"sign_type\":\"hash\","
                + "\"file_type\":\"pdf\",\"data_to_be_signed\":\"" + hex + "\"}]}").json().path("data")
                .path("transaction_id").asText();
    }

    private String poll(String id) {
        return post(platform.baseUrl("/smartca/v1/signatures/sign/" + id + "/status"), "{\"sp_id\":\""
                + Sp769Service.SP_ID + "\",\"sp_password\":\"" + Sp769Service.SP_PASSWORD + "\"}").json()
                .path("message").asText();
    }

    @Test
    void behavioursRefuseNonsenseAndDescribeThemselves() {
        assertThatThrownBy(() -> CitizenBehaviour.confirmOnPoll(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or more");
        assertThatThrownBy(() -> CitizenBehaviour.rejectOnPoll(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenBehaviour.confirmAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CitizenBehaviour.confirmOnPoll(2)).isEqualTo(CitizenBehaviour.confirmOnPoll(2))
                .isNotEqualTo(CitizenBehaviour.rejectOnPoll(2)).hasToString("confirmOnPoll(2)");
        assertThat(CitizenBehaviour.confirmAfter(Duration.ofSeconds(30))).hasToString("confirmAfter(PT30S)");
        assertThatThrownBy(() -> smartCa.behaviour("12345", CitizenBehaviour.manual()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12-digit");
        assertThatThrownBy(() -> smartCa.subscriber("0792030099011")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> smartCa.transactionLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBehaviourIsFixedWhenTheTransactionIsCreated() {
        smartCa.behaviour(USER, CitizenBehaviour.rejectOnPoll(1));
        String first = sign("fixed-1");
        smartCa.behaviour(USER, CitizenBehaviour.confirmOnPoll(1));
        String second = sign("fixed-2");
        assertThat(poll(first)).isEqualTo("SIGNER_REJECTED");
        assertThat(poll(second)).isEqualTo("SUCCESS");
        assertThat(smartCa.transaction(first).orElseThrow().polls()).isEqualTo(1);
        assertThat(poll(first)).as("an ended transaction stays as it ended").isEqualTo("SIGNER_REJECTED");
        assertThat(smartCa.transaction(first).orElseThrow().polls()).isEqualTo(2);
    }

    @Test
    void aShorterLifetimeExpiresSooner() {
        smartCa.behaviour(CitizenBehaviour.manual());
        smartCa.transactionLifetime(Duration.ofSeconds(90));
        String id = sign("life-1");
        clock.advance(Duration.ofSeconds(89));
        assertThat(smartCa.settleDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(smartCa.settleDue()).isEqualTo(1);
        assertThat(smartCa.transaction(id).orElseThrow().state()).isEqualTo(TransactionState.EXPIRED);
        assertThat(smartCa.transaction(id).orElseThrow().endedAt()).isPresent();
    }

    @Test
    void concurrentPollsEndATransactionOnceAndDeliverOneWebhook() throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            for (int i = 0; i < 3; i++) {
                receiver.enqueue(new MockResponse.Builder().code(200).build());
            }
            smartCa.webhook(receiver.url("/hook").uri(), "secret-for-the-load-test");
            smartCa.behaviour(CitizenBehaviour.confirmOnPoll(3));
            String id = sign("load-1");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    seen.add(poll(id));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(seen).contains("SUCCESS").isSubsetOf(Set.of("WAITING_FOR_SIGNER_CONFIRM", "SUCCESS"));
            assertThat(smartCa.transaction(id).orElseThrow().polls()).isEqualTo(16);
            assertThat(smartCa.webhookDeliveries()).hasSize(1);
            assertThat(receiver.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownAdminPathOrMethodIsAnsweredClearly() {
        assertThat(post(platform.baseUrl("/smartca/__admin/nothing"), "{}").status()).isEqualTo(404);
        assertThat(post(platform.baseUrl("/smartca/__admin/transactions/x/dance"), "").status()).isEqualTo(404);
        assertThat(post(platform.baseUrl("/smartca/__admin/condition"), "{\"userId\":\"" + USER + "\"}").status())
                .isEqualTo(400);
        assertThat(post(platform.baseUrl("/smartca/__admin/webhook"), "{\"url\":\"ftp://127.0.0.1/x\",\"secret\":\"s\"}")
                .status()).isEqualTo(400);
        assertThat(post(platform.baseUrl("/smartca/__admin/behaviour"), "not json").status()).isEqualTo(400);
        assertThat(RemoteSigningSupport.post(URI.create(platform.baseUrl("/smartca/v1/unknown").toString()), "{}")
                .status()).isEqualTo(404);
    }
}
