package vn.govsdk.dataexchange.internal.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import vn.govsdk.core.InvalidInputException;

/**
 * One database a store runs on: an embedded H2 file this process owns, or a PostgreSQL (or H2)
 * data source the application gives. It knows the dialect, runs work in transactions, creates
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
    private static final Set<String> OPEN_H2 = ConcurrentHashMap.newKeySet();

    private final DataSource dataSource;
    private final Dialect dialect;
    private final JdbcConnectionPool ownedPool;
    private final String url;
    private final String what;
    private final String description;
    private final BiFunction<String, Throwable, RuntimeException> errors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcDatabase(DataSource dataSource, Dialect dialect, JdbcConnectionPool ownedPool, String url,
            String what, String description, BiFunction<String, Throwable, RuntimeException> errors) {
        this.what = what;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.ownedPool = ownedPool;
        this.url = url;
        this.description = description;
        this.errors = errors;
    }

    /**
     * Opens (creating if needed) an embedded H2 file database in a directory. One store per file and
     * process: a second open of the same file in this process is refused, and H2 locks the file
     * against other processes.
     *
     * @param directory the directory; created if missing
     * @param fileName the database file's base name ({@code fileName.mv.db})
     * @param what what the store is, for messages ("outbox", "payment store")
     * @param errors makes the store's exception from a message and a cause
     * @return the database, owning its connection pool
     */
    public static JdbcDatabase h2(Path directory, String fileName, String what,
            BiFunction<String, Throwable, RuntimeException> errors) {
        if (directory == null) {
            throw new InvalidInputException("directory", "must not be null");
        }
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw errors.apply("cannot create the " + what + " directory " + dir + ": " + e.getMessage(), e);
        }
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses nothing
        // committed. The file is locked by this process while the database is open.
        String url = "jdbc:h2:file:" + dir.resolve(fileName) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        if (!OPEN_H2.add(url)) {
            throw errors.apply("the H2 " + what + " in " + dir + " is already open in this process; share one store",
                    null);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        return new JdbcDatabase(pool, Dialect.H2, pool, url, what, "H2 file store in " + dir, errors);
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
        return ownedPool != null;
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
     * Whether an exception is a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL).
     *
     * @param e the exception
     * @return true for a duplicate key
     */
    public static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Closes the connection pool opened here (the H2 file store); a given data source is left open. */
    @Override
    public void close() {
        if (ownedPool != null && closed.compareAndSet(false, true)) {
            ownedPool.dispose();
            OPEN_H2.remove(url);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
