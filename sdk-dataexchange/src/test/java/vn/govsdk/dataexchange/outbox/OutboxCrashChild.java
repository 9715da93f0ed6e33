package vn.govsdk.dataexchange.outbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The application the crash test kills: enqueues updates (from a given index) while delivering
 * them to the recording portal, and tells the parent on stdout how far it got.
 *
 * <pre>
 * args: STORE PORTAL_URL INSTANCE FROM TOTAL DOSSIERS LEASE_MS
 *   STORE     h2:DIR or pg:TABLE_PREFIX (PostgreSQL from the GOVSDK_TEST_PG_* variables)
 *   FROM      first update index to enqueue; -1 to only deliver
 * stdout: "ENQ n" after the n-th update's enqueue returned, "DONE" once every update is delivered.
 * </pre>
 */
public final class OutboxCrashChild {

    private OutboxCrashChild() {
    }

    /**
     * Runs the child.
     *
     * @param args see the class comment
     * @throws Exception on any failure (the parent sees the exit status)
     */
    public static void main(String[] args) throws Exception {
        String storeArg = args[0];
        URI portal = URI.create(args[1]);
        String instance = args[2];
        int from = Integer.parseInt(args[3]);
        int total = Integer.parseInt(args[4]);
        int dossiers = Integer.parseInt(args[5]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[6]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        TestPool pool = null;
        OutboxStore store;
        if (storeArg.startsWith("h2:")) {
            store = OutboxStore.h2(Path.of(storeArg.substring(3)));
        } else {
            pool = TestDatabases.postgres();
            store = OutboxStore.jdbc(pool, storeArg.substring(3));
        }
        try (HttpDelivery delivery = new HttpDelivery(portal, instance);
                SyncOutbox outbox = SyncOutbox.builder().store(store).delivery(delivery)
                        .backoff(OutboxBackoff.builder().baseDelay(Duration.ofMillis(5))
                                .maxDelay(Duration.ofMillis(100)).build())
                        .maxAttempts(1000).deliveryThreads(8).batchSize(100)
                        .pollInterval(Duration.ofMillis(50)).leaseDuration(lease).build()) {
            outbox.start();
            if (from < 0) {
                // A delivering instance only: runs until the parent stops it.
                Thread.sleep(Long.MAX_VALUE);
            }
            for (int i = from; i < total; i++) {
                String dossier = "HS-" + (i % dossiers);
                long seq = i / dossiers;
                outbox.enqueue(OutboxMessage.of(dossier, MessageKind.PROGRESS,
                        "{\"seq\":" + seq + ",\"step\":\"Bước " + seq + "\"}"));
                out.println("ENQ " + (i + 1));
            }
            while (outbox.stats().pending() > 0) {
                Thread.sleep(50);
            }
            out.println("DONE");
        } finally {
            store.close();
            if (pool != null) {
                pool.close();
            }
        }
    }
}
