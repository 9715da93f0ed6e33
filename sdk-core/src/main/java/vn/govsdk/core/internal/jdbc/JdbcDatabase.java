package vn.govsdk.core.internal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import vn.govsdk.core.InvalidInputException;

/**
 * One database a store runs on: a PostgreSQL (or H2) data source the application gives, or one the
 * SDK opened itself (sdk-dataexchange's embedded H2 files), shared by the stores of every module
 * (the sync outbox, the payment and replay stores, the remote-signing store). It knows the dialect, runs work in transactions, creates
 * tables under an advisory lock on PostgreSQL (instances starting together do not race) and turns
 * every {@link SQLException} into the store's own unchecked exception.
 *
 * <p>Thread-safe.
 */
public final class JdbcDatabase implements AutoCloseable {

    /** The SQL dialects the stores speak. */
    public enum Dialect {
        /** Embedded H2 2.x. */
        H2,
        /** PostgreSQL 12 or later. */
        POSTGRESQL
    }

    /** Work run in a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        /**
         * Runs the work.
         *
         * @param c the connection, auto-commit off
         * @return the result
         * @throws SQLException on a database error (the transaction is rolled back)
         */
        T run(Connection c) throws SQLException;
    }

    private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,39})?");

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Runnable onClose;
    private final String url;
    private final String what;
    private final String description;
    private final BiFunction<String, Throwable, RuntimeException> errors;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, AtomicLong> lastPurges = new ConcurrentHashMap<>();
    private static final long PURGE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private JdbcDatabase(DataSource dataSource, Dialect dialect, Runnable onClose, String url,
            String what, String description, BiFunction<String, Throwable, RuntimeException> errors) {
        this.what = what;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.onClose = onClose;
        this.url = url;
        this.description = description;
        this.errors = errors;
    }

    /**
     * Wraps a data source this SDK opened itself (an embedded database), which {@link #close()} closes.
     *
     * @param dataSource the data source
     * @param dialect its dialect
     * @param url the JDBC URL, naming the database
     * @param what what the store is, for messages
     * @param description where it is, for messages ("H2 file store in /var/lib/app")
     * @param errors makes the store's exception from a message and a cause
     * @param onClose closes the data source (called once)
     * @return the database
     */
    public static JdbcDatabase owned(DataSource dataSource, Dialect dialect, String url, String what,
            String description, BiFunction<String, Throwable, RuntimeException> errors, Runnable onClose) {
        return new JdbcDatabase(dataSource, dialect, onClose, url, what, description, errors);
    }

    /**
     * Wraps a data source the application owns, finding its dialect.
     *
     * @param dataSource the pooled data source; never closed here
     * @param what what the store is, for messages
     * @param errors makes the store's exception from a message and a cause
     * @return the database
     * @throws InvalidInputException if the data source is null or neither PostgreSQL nor H2
     */
    public static JdbcDatabase of(DataSource dataSource, String what,
            BiFunction<String, Throwable, RuntimeException> errors) {
        if (dataSource == null) {
            throw new InvalidInputException("dataSource", "must not be null");
        }
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String product = meta.getDatabaseProductName();
            Dialect dialect;
            if ("PostgreSQL".equalsIgnoreCase(product)) {
                dialect = Dialect.POSTGRESQL;
            } else if ("H2".equalsIgnoreCase(product)) {
                dialect = Dialect.H2;
            } else {
                throw new InvalidInputException("dataSource", "must be a PostgreSQL or H2 database, got " + product);
            }
            return new JdbcDatabase(dataSource, dialect, null, meta.getURL(), what, dialect + " store", errors);
        } catch (SQLException e) {
            throw errors.apply("cannot connect to the " + what + " database: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a table prefix and returns the prefixed table name.
     *
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter, at
     *     most 40 characters
     * @param base the table's base name
     * @return {@code tablePrefix + base}
     * @throws InvalidInputException naming {@code tablePrefix} when it breaks the rule
     */
    public static String table(String tablePrefix, String base) {
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new InvalidInputException("tablePrefix",
                    "must be empty or lower-case letters, digits and _, starting with a letter, at most 40 characters");
        }
        return tablePrefix + base;
    }

    /**
     * Returns the dialect.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Returns the JDBC URL, which names the database (with a table, a key for per-database locks).
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * Whether this database was opened here (embedded H2) rather than given by the application.
     *
     * @return true for the embedded H2 file store
     */
    public boolean owned() {
        return onClose != null;
    }

    /**
     * Runs DDL statements in one transaction, under a PostgreSQL advisory lock named after the table.
     *
     * @param lockName the lock's name (e.g. the table name)
     * @param ddl the statements ({@code CREATE ... IF NOT EXISTS})
     */
    public void createSchema(String lockName, List<String> ddl) {
        inTx(c -> {
            if (dialect == Dialect.POSTGRESQL) {
                // Several instances may start at once; CREATE ... IF NOT EXISTS alone races.
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "govsdk-ddl:" + lockName);
                    lock.execute();
                }
            }
            try (Statement s = c.createStatement()) {
                for (String statement : ddl) {
                    s.execute(statement);
                }
            }
            return null;
        });
    }

    /**
     * Runs work in one transaction, committed before this returns, rolled back on any failure.
     *
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     * @throws RuntimeException the store's exception (see the factories) when the database fails
     */
    public <T> T inTx(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw errors.apply(what + " " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the rows of a table whose time column is before a limit, at most once a minute per
     * table and database object (expired replay keys, transaction states): cheap enough to call on
     * every write.
     *
     * @param table the table
     * @param column a {@code BIGINT} column of epoch milliseconds, indexed
     * @param beforeEpochMillis rows strictly before this are deleted
     * @return how many rows were deleted; 0 when it was not yet due
     */
    public int deleteExpired(String table, String column, long beforeEpochMillis) {
        AtomicLong last = lastPurges.computeIfAbsent(table, k -> new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS));
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous < PURGE_EVERY_NANOS || !last.compareAndSet(previous, now)) {
            return 0;
        }
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
                ps.setLong(1, beforeEpochMillis);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Whether an exception is a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL).
     *
     * @param e the exception
     * @return true for a duplicate key
     */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Closes a data source this SDK opened itself (an embedded store); a given data source is left open. */
    @Override
    public void close() {
        if (onClose != null && closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
