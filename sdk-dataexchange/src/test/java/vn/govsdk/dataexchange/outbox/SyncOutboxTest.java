package vn.govsdk.dataexchange.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.RateLimitedException;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.FaultRule;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;

/** The outbox's behaviour, run on each store: embedded H2 and PostgreSQL. */
class SyncOutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @TempDir
    Path dir;

    private static OutboxMessage msg(String dossier, long seq) {
        return OutboxMessage.of(dossier, MessageKind.PROGRESS, "{\"seq\":" + seq + ",\"note\":\"step " + seq + "\"}");
    }

    private static SyncOutbox.Builder outbox(OutboxStore store, TestClock clock, OutboxDelivery delivery) {
        return SyncOutbox.builder().store(store).clock(clock).delivery(delivery)
                .backoff(OutboxBackoff.builder().baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(30))
                        .jitter(0).build());
    }

    /** Records what a scripted delivery received. */
    static final class Scripted implements OutboxDelivery {
        final List<OutboxMessage> delivered = new CopyOnWriteArrayList<>();
        final List<OutboxMessage> attempted = new CopyOnWriteArrayList<>();
        volatile Exception failWith;
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public void deliver(OutboxMessage message) throws Exception {
            attempted.add(message);
            if (failWith != null && failuresLeft.getAndDecrement() > 0) {
                throw failWith;
            }
            delivered.add(message);
        }

        List<String> deliveredPayloadSeqs() {
            return delivered.stream().map(m -> m.dossierCode() + ":" + m.payload().replaceAll(".*\"seq\":(\\d+).*", "$1"))
                    .toList();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void enqueuedMessagesSurviveReopeningTheStore(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            SyncOutbox first = outbox(db.store(), clock, m -> { }).build();
            OutboxMessage stored = first.enqueue(msg("H29-0001", 1));
            first.enqueueAll(List.of(msg("H29-0001", 2), msg("H29-0002", 1)));
            first.close();
            assertThat(stored.id()).isPositive();
            assertThat(stored.createdAt()).contains(T0);

            OutboxStore reopened = db.reopen();
            Scripted delivery = new Scripted();
            SyncOutbox second = outbox(reopened, clock, delivery).build();
            assertThat(second.stats().pending()).isEqualTo(3);
            assertThat(second.findMessage(stored.id())).get()
                    .satisfies(m -> assertThat(m.payload()).isEqualTo(stored.payload()))
                    .satisfies(m -> assertThat(m.kind()).isEqualTo(MessageKind.PROGRESS));
            assertThat(second.deliverDueNow()).isEqualTo(3);
            assertThat(delivery.deliveredPayloadSeqs()).containsExactly("H29-0001:1", "H29-0001:2", "H29-0002:1");
            assertThat(second.stats().pending()).isZero();
            assertThat(second.findMessage(stored.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void retriesWithBackoffThatHoldsAcrossRestarts(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            delivery.failWith = new IOException("connection reset by the portal");
            delivery.failuresLeft.set(2);
            SyncOutbox outbox = outbox(db.store(), clock, delivery).build();
            long id = outbox.enqueue(msg("D-1", 1)).id();

            assertThat(outbox.deliverDueNow()).isEqualTo(1);
            OutboxMessage afterOne = outbox.findMessage(id).orElseThrow();
            assertThat(afterOne.attempts()).isEqualTo(1);
            assertThat(afterOne.nextAttemptAt()).contains(T0.plusSeconds(1));
            assertThat(afterOne.lastError()).get().asString().contains("IOException", "connection reset");
            assertThat(outbox.stats().retrying()).isEqualTo(1);
            outbox.close();

            // A restart keeps the schedule: not due before T0 + 1 s.
            SyncOutbox restarted = outbox(db.reopen(), clock, delivery).build();
            clock.advance(Duration.ofMillis(999));
            assertThat(restarted.deliverDueNow()).isZero();
            clock.advance(Duration.ofMillis(1));
            assertThat(restarted.deliverDueNow()).isEqualTo(1);
            OutboxMessage afterTwo = restarted.findMessage(id).orElseThrow();
            assertThat(afterTwo.attempts()).isEqualTo(2);
            assertThat(afterTwo.nextAttemptAt()).contains(T0.plusSeconds(1).plusSeconds(2));

            clock.advance(Duration.ofMillis(1999));
            assertThat(restarted.deliverDueNow()).isZero();
            clock.advance(Duration.ofMillis(1));
            assertThat(restarted.deliverDueNow()).isEqualTo(1);
            assertThat(delivery.delivered).hasSize(1);
            assertThat(delivery.attempted).hasSize(3);
            OutboxStats stats = restarted.stats();
            assertThat(stats.pending()).isZero();
            assertThat(stats.delivered()).isEqualTo(1);
            assertThat(stats.failedAttempts()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void deadLettersAfterMaxAttemptsWithTheReasonAndHoldsTheDossier(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            SyncOutbox outbox = outbox(db.store(), clock, m -> {
                if (m.dossierCode().equals("BAD")) {
                    throw new IOException("portal timed out");
                }
                delivery.deliver(m);
            }).maxAttempts(3).build();
            long bad = outbox.enqueue(msg("BAD", 1)).id();
            outbox.enqueue(msg("BAD", 2));
            outbox.enqueue(msg("GOOD", 1));

            for (int i = 0; i < 10; i++) {
                outbox.deliverDueNow();
                clock.advance(Duration.ofMinutes(1));
            }
            List<OutboxMessage> dead = outbox.listDeadLetters().stream().toList();
            assertThat(dead).hasSize(1);
            OutboxMessage letter = dead.get(0);
            assertThat(letter.id()).isEqualTo(bad);
            assertThat(letter.state()).isEqualTo(OutboxMessage.State.DEAD_LETTER);
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).get().asString().contains("gave up after 3 attempts", "portal timed out");
            assertThat(letter.deadLetteredAt()).isPresent();
            // The dossier's next message is held, the other dossier went through.
            assertThat(delivery.deliveredPayloadSeqs()).containsExactly("GOOD:1");
            OutboxStats stats = outbox.stats();
            assertThat(stats.deadLettered()).isEqualTo(1);
            assertThat(stats.held()).isEqualTo(1);
            assertThat(stats.pending()).isEqualTo(1);
            assertThat(stats.failedAttempts()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void operatorRetriesAndDiscardsDeadLetters(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            delivery.failWith = new GovServiceException(422, "E01", "ngày hẹn trả không hợp lệ", "req-1", 1);
            delivery.failuresLeft.set(2);
            SyncOutbox outbox = outbox(db.store(), clock, delivery).build();
            long a1 = outbox.enqueue(msg("A", 1)).id();
            outbox.enqueue(msg("A", 2));
            long b1 = outbox.enqueue(msg("B", 1)).id();
            outbox.enqueue(msg("B", 2));
            outbox.deliverDueNow();
            assertThat(outbox.listDeadLetters().stream().map(OutboxMessage::id)).containsExactly(a1, b1);
            assertThat(outbox.stats().held()).isEqualTo(2);
            assertThat(delivery.delivered).isEmpty();

            // The operator fixed what A needed: retry it; B's update is obsolete: discard it.
            assertThat(outbox.retryDeadLetter(a1)).isTrue();
            assertThat(outbox.discardDeadLetter(b1)).isTrue();
            assertThat(outbox.retryDeadLetter(a1)).isFalse();
            assertThat(outbox.discardDeadLetter(b1)).isFalse();
            assertThat(outbox.findMessage(a1)).get().satisfies(m -> {
                assertThat(m.state()).isEqualTo(OutboxMessage.State.PENDING);
                assertThat(m.attempts()).isZero();
            });
            assertThat(outbox.deliverDueNow()).isEqualTo(3);
            assertThat(delivery.deliveredPayloadSeqs()).containsExactlyInAnyOrder("A:1", "A:2", "B:2");
            assertThat(delivery.deliveredPayloadSeqs()).containsSubsequence("A:1", "A:2");
            OutboxStats stats = outbox.stats();
            assertThat(stats.deadLettered()).isZero();
            assertThat(stats.pending()).isZero();
            assertThat(stats.held()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void statsCountPendingRetryingAndTheOldestAge(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            delivery.failWith = new IOException("down");
            delivery.failuresLeft.set(1);
            SyncOutbox outbox = outbox(db.store(), clock, delivery).build();
            assertThat(outbox.stats()).isEqualTo(new OutboxStats(0, 0, 0, 0, Duration.ZERO, 0, 0, java.util.Map.of()));
            outbox.enqueue(msg("X", 1));
            clock.advance(Duration.ofMinutes(2));
            outbox.enqueue(msg("Y", 1));
            outbox.enqueue(msg("Y", 2));
            clock.advance(Duration.ofMinutes(3));
            outbox.deliverDueNow(); // X fails once; Y:1 and Y:2 go through
            OutboxStats stats = outbox.stats();
            assertThat(stats.pending()).isEqualTo(1);
            assertThat(stats.retrying()).isEqualTo(1);
            assertThat(stats.oldestPendingAge()).isEqualTo(Duration.ofMinutes(5));
            assertThat(stats.delivered()).isEqualTo(2);
            assertThat(stats.failedAttempts()).isEqualTo(1);
            assertThat(stats.failingByCode()).containsExactly(java.util.Map.entry("IOException", 1L));
        }
    }

    @org.junit.jupiter.api.Test
    void anOutageLogsAtMostTwentyWarningsAMinuteAndTheRestAtDebug() {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = TestDatabases.Kind.H2.open(dir);
                LogCapture log = new LogCapture(SyncOutbox.class.getName(), ch.qos.logback.classic.Level.DEBUG)) {
            Scripted delivery = new Scripted();
            delivery.failWith = new IOException("portal unreachable for 079203001234");
            delivery.failuresLeft.set(1000);
            SyncOutbox outbox = outbox(db.store(), clock, delivery).build();
            for (int i = 0; i < 30; i++) {
                outbox.enqueue(msg("HS-" + i, 1));
            }
            outbox.deliverDueNow();   // 30 dossiers fail their first attempt
            List<String> warns = log.lines(ch.qos.logback.classic.Level.WARN);
            long firstFailuresAtDebug = log.lines(ch.qos.logback.classic.Level.DEBUG).stream()
                    .filter(m -> m.contains("failed its first attempt")).count();
            assertThat(warns).hasSize(20).allSatisfy(w -> assertThat(w).contains("failed its first attempt")
                    .contains("code IOException").contains("079*******34").doesNotContain("079203001234"));
            assertThat(firstFailuresAtDebug).isEqualTo(10);
            assertThat(outbox.stats().failingByCode()).containsExactly(java.util.Map.entry("IOException", 30L));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCrashedInstancesClaimsAreTakenOverWhenTheirLeaseExpires(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            SyncOutbox outbox = outbox(db.store(), clock, delivery).leaseDuration(Duration.ofMinutes(2)).build();
            outbox.enqueue(msg("L", 1));
            outbox.enqueue(msg("L", 2));
            // Another instance claims L:1 and dies before delivering it.
            long now = clock.millis();
            assertThat(db.store().engine().claim("crashed-instance", now, now + 60_000, 10)).hasSize(1);
            assertThat(outbox.deliverDueNow()).isZero();
            clock.advance(Duration.ofSeconds(61));
            assertThat(outbox.deliverDueNow()).isEqualTo(2);
            assertThat(delivery.deliveredPayloadSeqs()).containsExactly("L:1", "L:2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aNonRetryableAnswerOverHttpDeadLettersAtOnceWhileServerErrorsAreRetried(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        RecordingPortalService portal = new RecordingPortalService(7, 0.0);
        try (TestDatabases.Fixture db = kind.open(dir);
                MockGovPlatform platform = MockGovPlatform.builder().service(portal).build();
                HttpDelivery http = new HttpDelivery(platform.baseUrl())) {
            SyncOutbox outbox = outbox(db.store(), clock, http).maxAttempts(5).build();
            platform.faults().add(FaultRule.builder().prefix(RecordingPortalService.PREFIX)
                    .fault(Fault.status(400, "application/json", "{\"error_code\":\"-1\",\"message\":\"thiếu mã TTHC\"}"))
                    .failFirst(1).build());
            long refused = outbox.enqueue(msg("R", 1)).id();
            assertThat(outbox.deliverDueNow()).isEqualTo(1);
            OutboxMessage letter = outbox.findMessage(refused).orElseThrow();
            assertThat(letter.state()).isEqualTo(OutboxMessage.State.DEAD_LETTER);
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.lastError()).get().asString().contains("not retryable", "HTTP 400");

            for (int status : new int[] {408, 429, 500, 503}) {
                platform.faults().add(FaultRule.builder().prefix(RecordingPortalService.PREFIX)
                        .fault(Fault.status(status)).failFirst(1).build());
            }
            long retried = outbox.enqueue(msg("S", 1)).id();
            int attempts = 0;
            for (int i = 0; i < 6; i++) {
                attempts += outbox.deliverDueNow();
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(attempts).isEqualTo(5);
            assertThat(outbox.findMessage(retried)).isEmpty();
            assertThat(portal.seqs("S")).containsExactly(1L);
            assertThat(portal.seqs("R")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void deliversEveryUpdateInOrderPerDossierThroughAFlakyPortal(TestDatabases.Kind kind) throws Exception {
        RecordingPortalService portal = new RecordingPortalService(42, 0.3);
        try (TestDatabases.Fixture db = kind.open(dir);
                MockGovPlatform platform = MockGovPlatform.builder().service(portal).build();
                HttpDelivery http = new HttpDelivery(platform.baseUrl());
                SyncOutbox outbox = SyncOutbox.builder().store(db.store()).delivery(http)
                        .backoff(OutboxBackoff.builder().baseDelay(Duration.ofMillis(1))
                                .maxDelay(Duration.ofMillis(20)).build())
                        .maxAttempts(1000).deliveryThreads(4).pollInterval(Duration.ofMillis(10)).build()) {
            outbox.start();
            int dossiers = 20;
            int updates = 15;
            for (int seq = 0; seq < updates; seq++) {
                List<OutboxMessage> batch = new ArrayList<>();
                for (int d = 0; d < dossiers; d++) {
                    batch.add(msg("F-" + d, seq));
                }
                outbox.enqueueAll(batch);
            }
            awaitEmpty(outbox, Duration.ofSeconds(60));
            for (int d = 0; d < dossiers; d++) {
                OrderCheck.assertInOrderAllDelivered(portal.seqs("F-" + d), updates, "F-" + d);
            }
            assertThat(portal.failures()).isPositive();
            assertThat(outbox.stats().deadLettered()).isZero();
        }
    }

    static void awaitEmpty(SyncOutbox outbox, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (outbox.stats().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not empty within " + limit + ": " + outbox.stats());
            }
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closingStopsDeliveryAndEnqueueIsRefused(TestDatabases.Kind kind) {
        try (TestDatabases.Fixture db = kind.open(dir)) {
            SyncOutbox outbox = SyncOutbox.builder().store(db.store()).delivery(m -> { }).build().start();
            outbox.close();
            outbox.close();
            assertThatThrownBy(() -> outbox.enqueue(msg("Z", 1))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(outbox::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRateLimitedAnswerWaitsAtLeastItsRetryAfter(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            Scripted delivery = new Scripted();
            delivery.failWith = new RateLimitedException(429, null, "slow down", "r", 1, Duration.ofSeconds(90));
            delivery.failuresLeft.set(1);
            SyncOutbox outbox = outbox(db.store(), clock, delivery).build();
            long id = outbox.enqueue(msg("Q", 1)).id();
            outbox.deliverDueNow();
            assertThat(outbox.findMessage(id).orElseThrow().nextAttemptAt()).contains(T0.plusSeconds(90));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closeLetsADeliveryUnderWayFinishAndLeavesNoClaimBehind(TestDatabases.Kind kind) throws Exception {
        TestClock clock = TestClock.at(T0);
        try (TestDatabases.Fixture db = kind.open(dir)) {
            java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            List<String> delivered = new CopyOnWriteArrayList<>();
            SyncOutbox outbox = outbox(db.store(), clock, m -> {
                if (m.payload().contains("\"seq\":1")) {
                    entered.countDown();
                    release.await();
                }
                delivered.add(m.dossierCode() + ":" + m.payload());
            }).deliveryThreads(2).pollInterval(Duration.ofMillis(10)).build();
            outbox.enqueue(msg("SLOW", 1));
            outbox.enqueue(msg("SLOW", 2));
            outbox.start();
            assertThat(entered.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Thread closer = new Thread(outbox::close);
            closer.start();
            release.countDown();
            closer.join(60_000);
            assertThat(closer.isAlive()).isFalse();
            // The delivery under way finished and was recorded.
            assertThat(delivered).first().asString().startsWith("SLOW:{\"seq\":1");
            // Whatever is left is claimable at once by another instance: no lease was left behind.
            Scripted next = new Scripted();
            SyncOutbox other = outbox(db.store(), clock, next).build();
            other.deliverDueNow();
            assertThat(delivered.size() + next.delivered.size()).isEqualTo(2);
            assertThat(other.stats().pending()).isZero();
        }
    }
}
