package vn.govsdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.dataexchange.outbox.MessageKind;
import vn.govsdk.dataexchange.outbox.OutboxMessage;
import vn.govsdk.dataexchange.outbox.OutboxStore;
import vn.govsdk.dataexchange.outbox.SyncOutbox;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;

/**
 * The sync outbox, on each store (embedded H2 file, PostgreSQL on 127.0.0.1 as postgres/postgres or
 * the GOVSDK_TEST_PG_* variables):
 * <ul>
 *   <li>{@code enqueue}: one durable enqueue (its own committed transaction) per operation, beside
 *       {@code insertCommitBaseline}, a plain JDBC INSERT and COMMIT of the same row into a table of
 *       the same shape;</li>
 *   <li>{@code deliver}: messages per second from enqueue to delivered, 1000 messages over 100
 *       dossiers through a started outbox with 8 delivery threads to the mock platform over loopback
 *       HTTP, beside {@code postBaseline}, the same 1000 POSTs sent straight through the same
 *       pipeline from 8 threads, with no outbox.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class OutboxBenchmark {

    private static final int BATCH = 1000;
    private static final int DOSSIERS = 100;
    private static final int THREADS = 8;
    private static final Operation DELIVER = Operation.idempotentWrite("outbox.bench.deliver");

    /** Which store. */
    @Param({"H2", "POSTGRESQL"})
    public String store;

    private Path dir;
    private MockGovPlatform platform;
    private HttpTransport transport;
    private GovHttpPipeline pipeline;
    private HttpUrl url;
    private JdbcConnectionPool pgPool;
    private OutboxStore enqueueStore;
    private OutboxStore deliverStore;
    private SyncOutbox enqueueOutbox;
    private SyncOutbox deliverOutbox;
    private DataSource baselineSource;
    private ExecutorService posters;
    private final AtomicReference<CountDownLatch> pendingDeliveries = new AtomicReference<>(new CountDownLatch(0));
    private long sequence;
    private String prefix;

    /** Opens the stores, the platform and the pipeline. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("govsdk-outbox-bench");
        platform = MockGovPlatform.builder().service(new MockService() {
            @Override
            public String name() {
                return "portal (benchmark)";
            }

            @Override
            public String pathPrefix() {
                return "/portal";
            }

            @Override
            public MockResponse handle(MockRequest request) {
                return MockResponse.json(200, "{\"error_code\":0}");
            }
        }).journalCapacity(1).build();
        transport = HttpTransport.create();
        pipeline = GovHttpPipeline.builder(transport).retryPolicy(RetryPolicy.none()).build();
        url = HttpUrl.get(platform.baseUrl().resolve("/portal/deliver").toString());
        prefix = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
        if (store.equals("H2")) {
            enqueueStore = OutboxStore.h2(dir.resolve("enqueue"));
            deliverStore = OutboxStore.h2(dir.resolve("deliver"));
            JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("baseline/db")
                    + ";WRITE_DELAY=0", "sa", "");
            baselineSource = h2;
        } else {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(env("GOVSDK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
            pg.setUser(env("GOVSDK_TEST_PG_USER", "postgres"));
            pg.setPassword(env("GOVSDK_TEST_PG_PASSWORD", "postgres"));
            pgPool = JdbcConnectionPool.create(pg);
            pgPool.setMaxConnections(32);
            enqueueStore = OutboxStore.jdbc(pgPool, prefix + "e_");
            deliverStore = OutboxStore.jdbc(pgPool, prefix + "d_");
            baselineSource = pgPool;
        }
        try (Connection c = baselineSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + prefix + "baseline (id BIGINT GENERATED BY DEFAULT AS IDENTITY"
                    + " PRIMARY KEY, dossier_code VARCHAR(100) NOT NULL, kind VARCHAR(40) NOT NULL, payload "
                    + (store.equals("H2") ? "CHARACTER LARGE OBJECT" : "TEXT") + " NOT NULL, created_at BIGINT NOT NULL,"
                    + " status VARCHAR(12) NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL)");
        }
        enqueueOutbox = SyncOutbox.builder().store(enqueueStore).delivery(m -> { }).build();
        deliverOutbox = SyncOutbox.builder().store(deliverStore).deliveryThreads(THREADS).batchSize(100)
                .delivery(m -> {
                    post(m.dossierCode(), m.payload());
                    pendingDeliveries.get().countDown();
                }).build().start();
        posters = Executors.newFixedThreadPool(THREADS);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private void post(String dossier, String payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", dossier);
        body.put("payload", payload);
        pipeline.postJson(DELIVER, url, body, Map.class);
    }

    private static String payload(long seq) {
        return "{\"seq\":" + seq + ",\"MaHoSo\":\"000.00.12.H29-260302-" + (seq % 10_000)
                + "\",\"TrangThai\":4,\"NgayXuLy\":\"20260302083000\",\"NoiDung\":\"Chuyển bước xử lý\"}";
    }

    /**
     * One durable enqueue.
     *
     * @return the stored message
     */
    @Benchmark
    public OutboxMessage enqueue() {
        long seq = sequence++;
        return enqueueOutbox.enqueue(OutboxMessage.of("HS-" + (seq % 500), MessageKind.PROGRESS, payload(seq)));
    }

    /**
     * Baseline: a plain INSERT and COMMIT of the same row.
     *
     * @return the rows inserted
     * @throws SQLException if the insert fails
     */
    @Benchmark
    public int insertCommitBaseline() throws SQLException {
        long seq = sequence++;
        try (Connection c = baselineSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "baseline (dossier_code, kind,"
                    + " payload, created_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?)")) {
                ps.setString(1, "HS-" + (seq % 500));
                ps.setString(2, "PROGRESS");
                ps.setString(3, payload(seq));
                ps.setLong(4, seq);
                ps.setLong(5, seq);
                int n = ps.executeUpdate();
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * 1000 messages over 100 dossiers, from enqueue to delivered.
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void deliver() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        pendingDeliveries.set(done);
        List<OutboxMessage> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long seq = sequence++;
            batch.add(OutboxMessage.of("HS-" + (i % DOSSIERS), MessageKind.PROGRESS, payload(seq)));
        }
        deliverOutbox.enqueueAll(batch);
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("deliveries did not finish: " + deliverOutbox.stats());
        }
    }

    /**
     * Baseline: the same 1000 POSTs through the same pipeline from 8 threads, no outbox.
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void postBaseline() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            long seq = sequence++;
            int dossier = i % DOSSIERS;
            posters.execute(() -> {
                try {
                    post("HS-" + dossier, payload(seq));
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("posts did not finish");
        }
    }

    /** Closes everything and removes what the run created. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException, SQLException {
        posters.shutdown();
        deliverOutbox.close();
        enqueueOutbox.close();
        if (pgPool != null) {
            try (Connection c = pgPool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + enqueueStore.tableName());
                s.execute("DROP TABLE IF EXISTS " + deliverStore.tableName());
                s.execute("DROP TABLE IF EXISTS " + prefix + "baseline");
            }
        }
        enqueueStore.close();
        deliverStore.close();
        if (baselineSource instanceof JdbcConnectionPool h2 && h2 != pgPool) {
            h2.dispose();
        }
        if (pgPool != null) {
            pgPool.dispose();
        }
        transport.close();
        platform.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
