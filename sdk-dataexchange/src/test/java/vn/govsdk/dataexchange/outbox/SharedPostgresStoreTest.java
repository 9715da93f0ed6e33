package vn.govsdk.dataexchange.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;

/** Two application instances share one PostgreSQL store and deliver at the same time. */
class SharedPostgresStoreTest {

    @TempDir
    Path dir;

    private static SyncOutbox instance(OutboxStore store, HttpDelivery delivery) {
        return SyncOutbox.builder().store(store).delivery(delivery)
                .backoff(OutboxBackoff.builder().baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(20)).build())
                .maxAttempts(1000).deliveryThreads(4).batchSize(20).pollInterval(Duration.ofMillis(10)).build();
    }

    @Test
    void twoInstancesDeliverConcurrentlyEachDossierInOrder() throws Exception {
        RecordingPortalService portal = new RecordingPortalService(99, 0.3);
        String prefix = TestDatabases.uniquePrefix();
        try (TestPool poolA = TestDatabases.postgres();
                TestPool poolB = TestDatabases.postgres();
                MockGovPlatform platform = MockGovPlatform.builder().service(portal).build();
                HttpDelivery deliveryA = new HttpDelivery(platform.baseUrl(), "A");
                HttpDelivery deliveryB = new HttpDelivery(platform.baseUrl(), "B")) {
            OutboxStore storeA = OutboxStore.jdbc(poolA, prefix);
            OutboxStore storeB = OutboxStore.jdbc(poolB, prefix);
            try (SyncOutbox a = instance(storeA, deliveryA).start();
                    SyncOutbox b = instance(storeB, deliveryB).start()) {
                int dossiers = 40;
                int updates = 20;
                for (int seq = 0; seq < updates; seq++) {
                    List<OutboxMessage> fromA = new ArrayList<>();
                    List<OutboxMessage> fromB = new ArrayList<>();
                    for (int d = 0; d < dossiers; d++) {
                        // Both instances enqueue; each dossier's updates come from one of them in order.
                        (d % 2 == 0 ? fromA : fromB).add(OutboxMessage.of("P-" + d, MessageKind.STATUS,
                                "{\"seq\":" + seq + "}"));
                    }
                    a.enqueueAll(fromA);
                    b.enqueueAll(fromB);
                }
                SyncOutboxTest.awaitEmpty(a, Duration.ofSeconds(90));
                for (int d = 0; d < dossiers; d++) {
                    OrderCheck.assertInOrderAllDelivered(portal.seqs("P-" + d), updates, "P-" + d);
                }
                Map<String, Long> byInstance = portal.all().values().stream().flatMap(List::stream)
                        .collect(Collectors.groupingBy(RecordingPortalService.Received::instance, Collectors.counting()));
                assertThat(byInstance).containsKeys("A", "B");
                assertThat(a.stats().delivered() + b.stats().delivered()).isEqualTo((long) dossiers * updates);
                assertThat(portal.failures()).isPositive();
            } finally {
                TestDatabases.dropTable(poolA, storeA.tableName());
            }
        }
    }

    @Test
    void theJdbcStoreAlsoRunsOnAnH2DataSource() {
        TestPool h2 = new TestPool("jdbc:h2:file:" + dir.resolve("shared") + ";WRITE_DELAY=0", "sa", "");
        try (h2; OutboxStore store = OutboxStore.jdbc(h2, "app_")) {
            assertThat(store.tableName()).isEqualTo("app_govsdk_outbox");
            List<String> got = new ArrayList<>();
            SyncOutbox outbox = SyncOutbox.builder().store(store).delivery(m -> got.add(m.payload())).build();
            outbox.enqueue(OutboxMessage.of("J-1", MessageKind.DOSSIER_SYNC, "{\"seq\":0}"));
            outbox.enqueue(OutboxMessage.of("J-1", MessageKind.PROGRESS, "{\"seq\":1}"));
            assertThat(outbox.deliverDueNow()).isEqualTo(2);
            assertThat(got).containsExactly("{\"seq\":0}", "{\"seq\":1}");
        }
    }
}
