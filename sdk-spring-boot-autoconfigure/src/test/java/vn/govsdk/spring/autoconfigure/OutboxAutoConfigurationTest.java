package vn.govsdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import vn.govsdk.dataexchange.outbox.MessageKind;
import vn.govsdk.dataexchange.outbox.OutboxDelivery;
import vn.govsdk.dataexchange.outbox.OutboxMessage;
import vn.govsdk.dataexchange.outbox.OutboxStore;
import vn.govsdk.dataexchange.outbox.SyncOutbox;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.PortalOutbox;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.population.PopulationDbService;
import vn.govsdk.testkit.portal.PortalService;

/** The outbox starts with the context, delivers, stops on shutdown, and keeps its table where the application says. */
class OutboxAutoConfigurationTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(
            b -> b.seed(7).service(PopulationDbService::new).service(PortalService::new));

    private static final Instant RECEIVED = Instant.parse("2025-08-01T02:00:00Z");

    private final ApplicationContextRunner runner = GovSdkContextRunners.registered();

    private static PortalService portalMock() {
        return (PortalService) MOCK.platform().service(PortalService.PREFIX).orElseThrow();
    }

    private static Dossier dossier(String code) {
        String citizen = MOCK.platform().data().citizen(11).citizenId();
        return Dossier.builder().code(code).procedureCode(portalMock().procedureCodes().get(1))
                .procedureName("Đăng ký khai sinh").fieldCode("G09-TP01").fieldName("Hộ tịch")
                .applicant(new Applicant(ApplicantType.CITIZEN, "Trần Thị Bình", citizen, "binh@example.vn", "0901234567"))
                .summary("Đăng ký khai sinh").receivedAt(RECEIVED).dueAt(RECEIVED.plus(Duration.ofDays(3)))
                .status(DossierStatus.ACCEPTED).channel(Channel.ONLINE).processingUnit("UBND Phường Bến Thành")
                .build();
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void theOutboxStartsWithTheContextDeliversToThePortalAndStopsOnClose(@TempDir Path dir) {
        AtomicReference<SyncOutbox> outbox = new AtomicReference<>();
        AtomicReference<SmartLifecycle> lifecycle = new AtomicReference<>();
        runner.withPropertyValues(GovSdkAutoConfigurationTest.portal(MOCK.platform()))
                .withPropertyValues("govsdk.outbox.h2-directory=" + dir, "govsdk.outbox.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(SyncOutbox.class).hasSingleBean(OutboxStore.class);
                    outbox.set(context.getBean(SyncOutbox.class));
                    lifecycle.set(context.getBean("govsdkSyncOutboxLifecycle", SmartLifecycle.class));
                    assertThat(lifecycle.get().isRunning()).isTrue();
                    // No DataSource in this context: the embedded H2 store in the directory given.
                    assertThat(Files.exists(dir.resolve("govsdk-outbox.mv.db"))).isTrue();
                    OutboxMessage stored = outbox.get().enqueue(PortalOutbox.dossierSync(dossier("HS-2025-SPRING-1")));
                    // Delivered by the background threads the lifecycle started; nobody called deliverDueNow.
                    await(() -> portalMock().dossier("HS-2025-SPRING-1").isPresent(), () -> "the portal has the dossier ("
                            + outbox.get().stats() + ", " + outbox.get().findMessage(stored.id()) + ")");
                    await(() -> outbox.get().stats().delivered() == 1, () -> "the outbox counts it delivered");
                });
        assertThat(lifecycle.get().isRunning()).isFalse();
        assertThatThrownBy(() -> outbox.get().enqueue(PortalOutbox.dossierSync(dossier("HS-2025-SPRING-2"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theOutboxUsesTheApplicationsDataSourceAndTheApplicationsDelivery(@TempDir Path dir) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:govsdk-spring-outbox;DB_CLOSE_DELAY=-1");
        List<OutboxMessage> delivered = new CopyOnWriteArrayList<>();
        OutboxDelivery recorder = delivered::add;
        Path unused = dir.resolve("not-used");
        runner.withBean(DataSource.class, () -> h2).withBean(OutboxDelivery.class, () -> recorder)
                .withPropertyValues("govsdk.outbox.table-prefix=app_", "govsdk.outbox.h2-directory=" + unused,
                        "govsdk.outbox.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SyncOutbox outbox = context.getBean(SyncOutbox.class);
                    assertThat(context.getBean(OutboxStore.class).tableName()).isEqualTo("app_govsdk_outbox");
                    outbox.enqueue(OutboxMessage.of("HS-2025-SPRING-3", MessageKind.PROGRESS, "{\"step\":1}"));
                    await(() -> delivered.size() == 1, () -> "the application's delivery got the message");
                    assertThat(delivered.get(0).dossierCode()).isEqualTo("HS-2025-SPRING-3");
                });
        try (Connection c = h2.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, "APP_GOVSDK_OUTBOX", null)) {
            assertThat(tables.next()).as("the outbox table is in the application's database").isTrue();
        }
        assertThat(Files.exists(unused)).as("no embedded store when there is a DataSource").isFalse();
    }

    private static int deliveredAfterShutdown(Path dir, String drainTimeout) {
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxDelivery slow = message -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(message.dossierCode());
        };
        ApplicationContextRunner runner = GovSdkContextRunners.registered();
        runner.withBean(OutboxDelivery.class, () -> slow)
                .withPropertyValues("govsdk.outbox.h2-directory=" + dir, "govsdk.outbox.delivery-threads=1",
                        "govsdk.outbox.shutdown-drain-timeout=" + drainTimeout)
                .run(context -> {
                    SyncOutbox outbox = context.getBean(SyncOutbox.class);
                    for (int i = 0; i < 15; i++) {
                        outbox.enqueue(OutboxMessage.of("HS-DRAIN-" + i, MessageKind.PROGRESS, "{}"));
                    }
                    // The context closes at once: 15 deliveries of 100 ms on one thread are still due.
                });
        return delivered.size();
    }

    @Test
    void shutdownDrainsWhatIsDueBeforeStopping(@TempDir Path dir) {
        assertThat(deliveredAfterShutdown(dir.resolve("drained"), "10s")).isEqualTo(15);
        // Without the drain, the outbox stops after the delivery under way; the rest waits in the store.
        assertThat(deliveredAfterShutdown(dir.resolve("not-drained"), "0s")).isLessThan(15);
    }

    @Test
    void aNegativeDrainTimeoutFailsNamingItsProperty(@TempDir Path dir) {
        runner.withBean(OutboxDelivery.class, () -> message -> { })
                .withPropertyValues("govsdk.outbox.h2-directory=" + dir, "govsdk.outbox.shutdown-drain-timeout=-1s")
                .run(context -> {
                    Throwable t = context.getStartupFailure();
                    while (t.getCause() != null) {
                        t = t.getCause();
                    }
                    assertThat(t).hasMessageContaining("govsdk.outbox.shutdown-drain-timeout");
                });
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @Test
    void twoApplicationInstancesShareTheOutboxTableOnPostgresql() throws Exception {
        // PostgreSQL on loopback as CI starts it (GOVSDK_TEST_PG_* override); fails, never skips, without it.
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(env("GOVSDK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        pg.setUser(env("GOVSDK_TEST_PG_USER", "postgres"));
        pg.setPassword(env("GOVSDK_TEST_PG_PASSWORD", "postgres"));
        String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
        String[] properties = GovSdkAutoConfigurationTest.portal(MOCK.platform());
        ApplicationContextRunner instance = runner.withBean(DataSource.class, () -> pg)
                .withPropertyValues(properties)
                .withPropertyValues("govsdk.outbox.table-prefix=" + prefix, "govsdk.outbox.poll-interval=50ms");
        try {
            // Two application instances at once on one table: every dossier reaches the portal once.
            instance.run(first -> instance.run(second -> {
                assertThat(first.getBean(OutboxStore.class).tableName()).isEqualTo(prefix + "govsdk_outbox");
                for (int i = 0; i < 4; i++) {
                    first.getBean(SyncOutbox.class).enqueue(PortalOutbox.dossierSync(dossier("HS-PG-A" + i)));
                    second.getBean(SyncOutbox.class).enqueue(PortalOutbox.dossierSync(dossier("HS-PG-B" + i)));
                }
                for (String code : List.of("HS-PG-A0", "HS-PG-A1", "HS-PG-A2", "HS-PG-A3", "HS-PG-B0", "HS-PG-B1",
                        "HS-PG-B2", "HS-PG-B3")) {
                    await(() -> portalMock().dossier(code).isPresent(), () -> "the portal has " + code);
                    assertThat(portalMock().dossier(code).orElseThrow().syncCount()).as(code).isEqualTo(1);
                }
                long delivered = first.getBean(SyncOutbox.class).stats().delivered()
                        + second.getBean(SyncOutbox.class).stats().delivered();
                assertThat(delivered).isEqualTo(8);
            }));
        } finally {
            try (Connection c = pg.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + prefix + "govsdk_outbox");
            }
        }
    }

    @Test
    void anOutboxWithNothingToDeliverToFailsNamingThePortal(@TempDir Path dir) {
        runner.withPropertyValues("govsdk.outbox.enabled=true", "govsdk.outbox.h2-directory=" + dir).run(context -> {
            assertThat(context).hasFailed();
            Throwable t = context.getStartupFailure();
            while (t.getCause() != null) {
                t = t.getCause();
            }
            assertThat(t).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("govsdk.portal.endpoint");
        });
    }
}
