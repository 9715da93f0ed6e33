package vn.govsdk.dataexchange.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The databases the outbox tests run on. PostgreSQL is reached at
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} as postgres/postgres unless GOVSDK_TEST_PG_URL,
 * GOVSDK_TEST_PG_USER and GOVSDK_TEST_PG_PASSWORD say otherwise. A test fails (never skips) when it
 * cannot be reached.
 */
public final class TestDatabases {

    public static final String PG_URL = env("GOVSDK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String PG_USER = env("GOVSDK_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("GOVSDK_TEST_PG_PASSWORD", "postgres");

    private TestDatabases() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A pooled PostgreSQL data source. */
    static TestPool postgres(String url, String user, String password) {
        return new TestPool(url, user, password);
    }

    public static TestPool postgres() {
        return postgres(PG_URL, PG_USER, PG_PASSWORD);
    }

    /** A fresh table prefix, so that tests sharing the database never meet. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    public static void dropTable(DataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + table, e);
        }
    }

    /** One store under test: opened, and cleaned away on close. */
    public interface Fixture extends AutoCloseable {
        OutboxStore store();

        /** Opens another store on the same data (another application instance). */
        OutboxStore reopen();

        @Override
        void close();
    }

    /** The store kinds every behaviour test runs against. */
    public enum Kind {
        H2 {
            @Override
            public Fixture open(Path dir) {
                return new Fixture() {
                    private OutboxStore store = OutboxStore.h2(dir);

                    @Override
                    public OutboxStore store() {
                        return store;
                    }

                    @Override
                    public OutboxStore reopen() {
                        store.close();
                        store = OutboxStore.h2(dir);
                        return store;
                    }

                    @Override
                    public void close() {
                        store.close();
                    }
                };
            }
        },
        POSTGRESQL {
            @Override
            public Fixture open(Path dir) {
                TestPool pool = postgres();
                String prefix = uniquePrefix();
                OutboxStore first;
                try {
                    first = OutboxStore.jdbc(pool, prefix);
                } catch (RuntimeException e) {
                    pool.close();
                    throw new AssertionError("PostgreSQL is required for these tests and is unreachable at "
                            + PG_URL + " (set GOVSDK_TEST_PG_URL, _USER, _PASSWORD): " + e.getMessage(), e);
                }
                return new Fixture() {
                    private OutboxStore store = first;

                    @Override
                    public OutboxStore store() {
                        return store;
                    }

                    @Override
                    public OutboxStore reopen() {
                        store = OutboxStore.jdbc(pool, prefix);
                        return store;
                    }

                    @Override
                    public void close() {
                        try {
                            dropTable(pool, store.tableName());
                        } finally {
                            pool.close();
                        }
                    }
                };
            }
        };

        public abstract Fixture open(Path dir);
    }
}
