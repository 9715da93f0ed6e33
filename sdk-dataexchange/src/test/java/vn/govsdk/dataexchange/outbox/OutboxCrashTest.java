package vn.govsdk.dataexchange.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.testkit.MockGovPlatform;

/**
 * The crash test: a child JVM enqueues 10,000 updates for 500 dossiers while delivering them to a
 * portal that fails 30% of calls at random, is killed with SIGKILL part way, and a new child resumes
 * on the same store. Every update must reach the portal, in order per dossier, none lost; a
 * duplicate may only be an exact redelivery of the update just before it.
 */
class OutboxCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCrashTest.class);
    private static final int TOTAL = 10_000;
    private static final int DOSSIERS = 500;
    private static final int PER_DOSSIER = TOTAL / DOSSIERS;

    @TempDir
    Path dir;

    /** A running child JVM and what it said. */
    static final class Child {
        final Process process;
        final AtomicInteger enqueued = new AtomicInteger();
        final CountDownLatch half = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("ENQ ")) {
                            int n = Integer.parseInt(line.substring(4).trim());
                            enqueued.set(n);
                            if (n >= TOTAL / 2) {
                                half.countDown();
                            }
                        } else if (line.equals("DONE")) {
                            done.countDown();
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process was killed; what it said so far stands
                }
            }, "crash-test-child-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private Child launch(String store, MockGovPlatform platform, String instance, int from, long leaseMs, String log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OutboxCrashChild.class.getName(), store, platform.baseUrl().toString(), instance,
                Integer.toString(from), Integer.toString(TOTAL), Integer.toString(DOSSIERS), Long.toString(leaseMs));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), log)));
        return new Child(pb.start());
    }

    private static void killHard(Child child) throws InterruptedException {
        child.process.destroyForcibly(); // SIGKILL
        assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).as("killed child exits").isTrue();
    }

    private void assertEveryUpdateInOrder(RecordingPortalService portal) {
        Map<String, List<RecordingPortalService.Received>> all = portal.all();
        assertThat(all).hasSize(DOSSIERS);
        for (int d = 0; d < DOSSIERS; d++) {
            String dossier = "HS-" + d;
            OrderCheck.assertInOrderAllDelivered(portal.seqs(dossier), PER_DOSSIER, dossier);
        }
    }

    private static String childLog(Path dir, String name) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve(name));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void h2StoreLosesNothingWhenTheApplicationIsKilled() throws Exception {
        RecordingPortalService portal = new RecordingPortalService(20260302L, 0.3);
        String store = "h2:" + dir.resolve("store");
        try (MockGovPlatform platform = MockGovPlatform.builder().service(portal).build()) {
            Child first = launch(store, platform, "first", 0, 3_000, "first.log");
            assertThat(first.half.await(120, TimeUnit.SECONDS))
                    .as("the first child enqueues half the updates; its log:\n%s", childLog(dir, "first.log")).isTrue();
            killHard(first);
            int acknowledged = first.enqueued.get();
            long receivedBeforeKill = portal.totalReceived();
            assertThat(acknowledged).isBetween(TOTAL / 2, TOTAL - 1);
            assertThat(receivedBeforeKill).as("the first child was delivering when it died").isPositive();

            Child second = launch(store, platform, "second", acknowledged, 3_000, "second.log");
            assertThat(second.done.await(150, TimeUnit.SECONDS))
                    .as("the resumed child delivers everything; its log:\n%s", childLog(dir, "second.log")).isTrue();
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.exitValue()).isZero();

            assertEveryUpdateInOrder(portal);
            long received = portal.totalReceived();
            LOG.info("crash test (H2): killed after {} acknowledged enqueues, {} received before the kill; {} received"
                    + " in all for {} updates ({} redeliveries), {} calls, {} failed", acknowledged, receivedBeforeKill,
                    received, TOTAL, received - TOTAL, portal.calls(), portal.failures());
            assertThat(portal.failures()).isPositive();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void postgresStoreWithTwoInstancesLosesNothingWhenOneIsKilled() throws Exception {
        RecordingPortalService portal = new RecordingPortalService(20260303L, 0.3);
        String prefix = TestDatabases.uniquePrefix();
        String store = "pg:" + prefix;
        Child survivor = null;
        try (TestPool pool = TestDatabases.postgres();
                MockGovPlatform platform = MockGovPlatform.builder().service(portal).build()) {
            // Create the table up front (and fail here, not in a child, if PostgreSQL is unreachable).
            OutboxStore.jdbc(pool, prefix).close();
            try {
                Child first = launch(store, platform, "first", 0, 4_000, "pg-first.log");
                survivor = launch(store, platform, "survivor", -1, 4_000, "pg-survivor.log");
                assertThat(first.half.await(120, TimeUnit.SECONDS))
                        .as("the first child enqueues half; its log:\n%s", childLog(dir, "pg-first.log")).isTrue();
                killHard(first);
                int acknowledged = first.enqueued.get();
                long receivedBeforeKill = portal.totalReceived();
                assertThat(acknowledged).isBetween(TOTAL / 2, TOTAL - 1);
                assertThat(receivedBeforeKill).isPositive();

                Child resumed = launch(store, platform, "resumed", acknowledged, 4_000, "pg-resumed.log");
                assertThat(resumed.done.await(150, TimeUnit.SECONDS))
                        .as("the resumed child sees everything delivered; its log:\n%s\nsurvivor:\n%s",
                                childLog(dir, "pg-resumed.log"), childLog(dir, "pg-survivor.log")).isTrue();
                assertThat(resumed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(resumed.process.exitValue()).isZero();
                assertThat(survivor.process.isAlive()).as("the second instance ran throughout").isTrue();

                assertEveryUpdateInOrder(portal);
                Map<String, Long> byInstance = portal.all().values().stream().flatMap(List::stream)
                        .collect(Collectors.groupingBy(RecordingPortalService.Received::instance, Collectors.counting()));
                assertThat(byInstance).containsKeys("first", "survivor", "resumed");
                long received = portal.totalReceived();
                LOG.info("crash test (PostgreSQL, two instances): killed after {} acknowledged enqueues, {} received"
                        + " before the kill; {} received in all for {} updates ({} redeliveries), by instance {}, {} calls,"
                        + " {} failed", acknowledged, receivedBeforeKill, received, TOTAL, received - TOTAL, byInstance,
                        portal.calls(), portal.failures());
            } finally {
                if (survivor != null) {
                    survivor.process.destroyForcibly();
                    survivor.process.waitFor(30, TimeUnit.SECONDS);
                }
                TestDatabases.dropTable(pool, prefix + "govsdk_outbox");
            }
        }
    }

}
