package vn.govsdk.dataexchange.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.dataexchange.outbox.LogCapture;
import vn.govsdk.dataexchange.outbox.OutboxBackoff;
import vn.govsdk.dataexchange.outbox.OutboxMessage;
import vn.govsdk.dataexchange.outbox.OutboxStats;
import vn.govsdk.dataexchange.outbox.OutboxStore;
import vn.govsdk.dataexchange.outbox.SyncOutbox;
import vn.govsdk.dataexchange.outbox.TestDatabases;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.FaultRule;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.portal.PortalDossierState;
import vn.govsdk.testkit.portal.PortalService;

/** The sync outbox delivering to the mock portal through {@link PortalOutbox}, across portal outages. */
class PortalOutboxTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b.seed(7).service(PortalService::new));

    private static final Instant RECEIVED = Instant.parse("2025-08-01T02:00:00Z");

    @TempDir
    Path dir;

    private static PortalService portal() {
        return (PortalService) MOCK.platform().service("/dvcqg").orElseThrow();
    }

    private static Dossier dossier(String code) {
        String citizen = MOCK.platform().data().citizen(11).citizenId();
        return Dossier.builder().code(code).procedureCode(portal().procedureCodes().get(1))
                .procedureName("Đăng ký khai sinh").fieldCode("G09-TP01").fieldName("Hộ tịch")
                .applicant(new Applicant(ApplicantType.CITIZEN, "Trần Thị Bình", citizen, "binh@example.vn", "0901234567"))
                .summary("Đăng ký khai sinh").receivedAt(RECEIVED).dueAt(RECEIVED.plus(Duration.ofDays(3)))
                .status(DossierStatus.ACCEPTED).channel(Channel.ONLINE).processingUnit("UBND Phường Bến Thành")
                .build();
    }

    @Test
    void everyUpdateReachesThePortalInOrderThroughOutages() throws Exception {
        TestClock clock = TestClock.at(Instant.parse("2025-08-01T03:00:00Z"));
        try (HttpTransport transport = HttpTransport.create()) {
            PortalClient client = PortalClient.builder().endpoint(MOCK.platform().baseUrl("/dvcqg"))
                    .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), PortalService.DSTCODE)
                    .unitCode("000.00.00.H99").httpClient(transport).retryPolicy(RetryPolicy.none()).build();
            try (OutboxStore store = OutboxStore.h2(dir);
                    SyncOutbox outbox = SyncOutbox.builder().store(store).delivery(PortalOutbox.delivery(client))
                            .clock(clock).backoff(OutboxBackoff.builder().baseDelay(Duration.ofSeconds(1))
                                    .maxDelay(Duration.ofSeconds(30)).build())
                            .build()) {
                for (int i = 1; i <= 3; i++) {
                    String code = "HS-2025-000" + i;
                    outbox.enqueue(PortalOutbox.dossierSync(dossier(code)));
                    outbox.enqueue(PortalOutbox.progress(new ProgressUpdate(code, "Lê Văn Cường", "Chuyên viên",
                            RECEIVED.plusSeconds(3600), "Phòng Tư pháp", "Thẩm định hồ sơ", DossierStatus.PROCESSING,
                            RECEIVED, RECEIVED.plusSeconds(86_400))));
                    outbox.enqueue(PortalOutbox.status(new StatusUpdate(code, DossierStatus.DONE,
                            RECEIVED.plusSeconds(7200), null)));
                    outbox.enqueue(PortalOutbox.status(new StatusUpdate(code, DossierStatus.RESULT_RETURNED,
                            RECEIVED.plusSeconds(9000), null)));
                }
                // The portal is down for its next 5 calls (login included), then recovers.
                MOCK.platform().faults().add(FaultRule.builder().prefix("/dvcqg").failFirst(5)
                        .fault(Fault.status(503)).build());

                for (int round = 0; round < 60 && outbox.stats().pending() > 0; round++) {
                    outbox.deliverDueNow();
                    clock.advance(Duration.ofSeconds(31));
                }

                assertThat(outbox.stats().pending()).isZero();
                assertThat(outbox.stats().deadLettered()).isZero();
                assertThat(outbox.stats().failedAttempts()).isPositive();
            }
        }
        for (int i = 1; i <= 3; i++) {
            PortalDossierState state = portal().dossier("HS-2025-000" + i).orElseThrow();
            assertThat(state.syncCount()).isPositive();
            assertThat(state.progressStatuses()).containsExactly(DossierStatus.PROCESSING.code());
            assertThat(state.statusHistory()).endsWith(DossierStatus.DONE.code(), DossierStatus.RESULT_RETURNED.code());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TestDatabases.Kind.class)
    void aDossierThePortalRefusesIsDeadLetteredOnItsFirstFailureWithOneWarnLine(TestDatabases.Kind kind) {
        TestClock clock = TestClock.at(Instant.parse("2025-08-01T03:00:00Z"));
        List<String> warns;
        try (HttpTransport transport = HttpTransport.create(); TestDatabases.Fixture fixture = kind.open(dir);
                LogCapture log = new LogCapture(SyncOutbox.class.getName(), Level.DEBUG)) {
            PortalClient client = PortalClient.builder().endpoint(MOCK.platform().baseUrl("/dvcqg"))
                    .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), PortalService.DSTCODE)
                    .unitCode("000.00.00.H99").httpClient(transport).retryPolicy(RetryPolicy.none()).build();
            try (SyncOutbox outbox = SyncOutbox.builder().store(fixture.store()).delivery(PortalOutbox.delivery(client))
                    .clock(clock).maxAttempts(20).build()) {
                // Progress for a dossier the portal does not know: error_code 03, which no retry changes.
                String unknown = "HS-2025-0404";
                long refused = outbox.enqueue(PortalOutbox.progress(new ProgressUpdate(unknown, "Lê Văn Cường",
                        "Chuyên viên", RECEIVED.plusSeconds(3600), "Phòng Tư pháp", "Thẩm định hồ sơ",
                        DossierStatus.PROCESSING, RECEIVED, RECEIVED.plusSeconds(86_400)))).id();
                assertThat(outbox.deliverDueNow()).isEqualTo(1);
                // A dossier that meets one portal outage, then goes through.
                MOCK.platform().faults().add(FaultRule.builder().prefix("/dvcqg").failFirst(1)
                        .fault(Fault.status(503)).build());
                outbox.enqueue(PortalOutbox.dossierSync(dossier("HS-2025-0405")));

                for (int round = 0; round < 5 && outbox.stats().pending() > 0; round++) {
                    outbox.deliverDueNow();
                    clock.advance(Duration.ofSeconds(30));
                }

                OutboxMessage dead = outbox.findMessage(refused).orElseThrow();
                assertThat(dead.state()).isEqualTo(OutboxMessage.State.DEAD_LETTER);
                assertThat(dead.attempts()).isEqualTo(1);
                assertThat(dead.lastError()).hasValueSatisfying(e -> assertThat(e).contains("error_code 03").contains("Không tìm thấy hồ sơ"));
                OutboxStats stats = outbox.stats();
                assertThat(stats.pending()).isZero();
                assertThat(stats.deadLettered()).isEqualTo(1);
                assertThat(stats.failingByCode()).containsEntry("03", 1L).hasSize(1);
            }
            warns = log.lines(Level.WARN);
        }
        assertThat(warns).hasSize(2);
        assertThat(warns).anySatisfy(w -> assertThat(w).contains("dead-lettered on attempt 1")
                .contains("code 03").contains("HS-2025-0404"));
        assertThat(warns).anySatisfy(w -> assertThat(w).contains("failed its first attempt")
                .contains("HTTP 503"));
    }

    @Test
    void deterministicPortalCodesAreNamedByTheContract() {
        assertThat(List.of("01", "02", "03", "04", "05", "3")).allMatch(PortalOutbox::isDeterministic);
        assertThat(java.util.Arrays.asList("06", "10", "00", "99", "x", null)).noneMatch(PortalOutbox::isDeterministic);
    }

    @Test
    void badInputIsRefusedAtEnqueueTimeNamingTheField() {
        Dossier late = dossier("HS-2025-0009").toBuilder().dueAt(RECEIVED.minusSeconds(60)).build();
        assertThatThrownBy(() -> PortalOutbox.dossierSync(late))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dueDate");
        assertThatThrownBy(() -> PortalOutbox.status(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("status");
        assertThat(MOCK.platform().journal().count()).isZero();
    }
}
