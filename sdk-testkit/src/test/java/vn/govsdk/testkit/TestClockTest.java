package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.testkit.pki.TestPki;

class TestClockTest {

    private static final Instant T = Instant.parse("2026-11-22T03:04:05Z");
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void standsStillUntilMovedAndMovesBothWays() throws InterruptedException {
        TestClock clock = TestClock.at(T);
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(T);
        assertThat(clock.millis()).isEqualTo(T.toEpochMilli());
        assertThat(clock.advance(Duration.ofMinutes(10))).isEqualTo(T.plusSeconds(600));
        assertThat(clock.advance(Duration.ofMinutes(-15))).isEqualTo(T.minusSeconds(300));
        clock.set(T.plus(Duration.ofDays(400)));
        assertThat(clock.instant()).isEqualTo(T.plus(Duration.ofDays(400)));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aZoneViewReadsAndMovesTheSameInstant() {
        TestClock clock = TestClock.at(T);
        TestClock hcm = clock.withZone(HCM);
        assertThat(LocalDateTime.now(hcm)).isEqualTo(LocalDateTime.parse("2026-11-22T10:04:05"));
        hcm.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(T.plusSeconds(3600));
        assertThat(hcm).isNotEqualTo(clock).isEqualTo(clock.withZone(HCM));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(TestClock.at(T)).isNotEqualTo(clock);
    }

    @Test
    void theSleeperRecordsEachWaitAndAdvancesTheClockInsteadOfWaiting() throws Exception {
        TestClock clock = TestClock.at(T);
        long started = System.nanoTime();
        clock.sleeper().sleep(Duration.ofHours(2));
        clock.sleeper().sleep(Duration.ZERO);
        clock.sleeper().sleep(Duration.ofSeconds(-1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(T.plus(Duration.ofHours(2)));
        assertThat(clock.sleeps()).containsExactly(Duration.ofHours(2), Duration.ZERO, Duration.ofSeconds(-1));
        assertThat(clock.withZone(HCM).sleeps()).hasSize(3);
    }

    @Test
    void resetReturnsToTheStartForEveryViewAndForgetsTheWaits() throws Exception {
        TestClock clock = TestClock.at(T);
        TestClock hcm = clock.withZone(HCM);
        hcm.sleeper().sleep(Duration.ofDays(2));
        clock.reset();
        assertThat(hcm.instant()).isEqualTo(T);
        assertThat(clock.sleeps()).isEmpty();
        try (MockGovPlatform platform = MockGovPlatform.builder().clock(clock).build()) {
            clock.advance(Duration.ofDays(30));
            platform.reset();
            assertThat(clock.instant()).isEqualTo(T);
        }
    }

    @Test
    void anotherThreadSeesAMoveAtOnce() throws Exception {
        TestClock clock = TestClock.at(T);
        clock.advance(Duration.ofSeconds(30));
        assertThat(CompletableFuture.supplyAsync(clock::instant).get()).isEqualTo(T.plusSeconds(30));
    }

    @Test
    void thePlatformAndItsPkiJudgeTimeOnTheTestClock() {
        TestClock clock = TestClock.at(T);
        try (MockGovPlatform platform = MockGovPlatform.builder().clock(clock).build()) {
            TestPki pki = platform.pki();
            assertThat(platform.clock()).isSameAs(clock);
            assertThat(pki.referenceTime()).isEqualTo(T);
            assertThat(pki.rsa2048Signer().certificate().getNotBefore().toInstant()).isBefore(T);
            clock.advance(Duration.ofDays(3));
            assertThat(pki.crl(vn.govsdk.testkit.pki.CertificateRole.INTERMEDIATE_CA).getThisUpdate().toInstant())
                    .isEqualTo(T.plus(Duration.ofDays(3)).minus(Duration.ofMinutes(5))); // backdated, as the contract says
        }
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> TestClock.at(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("start");
        TestClock clock = TestClock.at(T);
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("duration");
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("instant");
        assertThatThrownBy(() -> clock.withZone(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("zone");
        assertThat(clock.toString()).contains("2026-11-22T03:04:05Z");
    }
}
