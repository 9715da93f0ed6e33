package vn.govsdk.dataexchange.internal.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.internal.jdbc.JdbcDatabase;
import vn.govsdk.core.internal.jdbc.JdbcDatabase.Dialect;
import vn.govsdk.dataexchange.internal.jdbc.H2Files;
import vn.govsdk.dataexchange.outbox.OutboxStoreException;

/**
 * The outbox table and every statement run on it, for H2 and PostgreSQL.
 *
 * <p>Ordering rests on one rule, applied by every claim: a message may be claimed only when no
 * message of its dossier with a smaller id is left in the table (delivered messages are deleted; a
 * dead letter stays and so holds its dossier). A claim sets a lease (owner and expiry); an expired
 * lease is free to take. On PostgreSQL several processes claim at once with
 * {@code FOR UPDATE SKIP LOCKED}; on H2, whose file one process owns, claims are serialised in the
 * JVM and every lease is cleared when the store is opened.
 *
 * <p>Thread-safe.
 */
public final class JdbcOutboxEngine implements AutoCloseable {

    /** The base name of the outbox table, after the prefix. */
    public static final String TABLE = "govsdk_outbox";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutboxEngine.class);
    private static final ConcurrentHashMap<String, ReentrantLock> H2_LOCKS = new ConcurrentHashMap<>();
    private static final String COLUMNS =
            "id, dossier_code, kind, payload, created_at, attempts, next_attempt_at, last_error, status, dead_at";
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int MAX_CODE_LENGTH = 60;

    private final JdbcDatabase db;
    private final Dialect dialect;
    private final String table;
    private final ReentrantLock claimLock;

    private JdbcOutboxEngine(JdbcDatabase db, String table) {
        this.db = db;
        this.dialect = db.dialect();
        this.table = table;
        this.claimLock = dialect == Dialect.H2
                ? H2_LOCKS.computeIfAbsent(db.url() + "#" + table, k -> new ReentrantLock()) : null;
    }

    private static RuntimeException error(String message, Throwable cause) {
        return new OutboxStoreException(message, cause);
    }

    /**
     * Opens (creating if needed) the embedded H2 file store in a directory.
     *
     * @param directory the directory; created if missing
     * @return the engine, owning its connection pool
     */
    public static JdbcOutboxEngine h2(Path directory) {
        JdbcDatabase db = H2Files.open(directory, "govsdk-outbox", "outbox", JdbcOutboxEngine::error);
        JdbcOutboxEngine engine = new JdbcOutboxEngine(db, TABLE);
        try {
            engine.createSchema();
            // One process owns the H2 file: every lease left by an earlier run of it is void.
            int released = engine.inTx(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + engine.table
                        + " SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")) {
                    return ps.executeUpdate();
                }
            });
            if (released > 0) {
                LOG.info("outbox: released {} claims left by an earlier run in {}", released, directory);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return engine;
    }

    /**
     * Opens (creating the table if needed) a store in a database the application owns.
     *
     * @param dataSource the data source, pooled by the application; never closed here
     * @param tablePrefix a prefix for the table name, empty for none
     * @return the engine
     */
    public static JdbcOutboxEngine jdbc(DataSource dataSource, String tablePrefix) {
        String table = JdbcDatabase.table(tablePrefix, TABLE);
        JdbcOutboxEngine engine = new JdbcOutboxEngine(JdbcDatabase.of(dataSource, "outbox", JdbcOutboxEngine::error),
                table);
        engine.createSchema();
        return engine;
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
     * Returns the table name.
     *
     * @return the table, prefix included
     */
    public String table() {
        return table;
    }

    /**
     * Returns the DDL this engine runs, for the documentation and for operators who create the
     * table themselves.
     *
     * @param dialect the dialect
     * @param table the table name
     * @return the statements
     */
    public static List<String> ddl(Dialect dialect, String table) {
        String payloadType = dialect == Dialect.POSTGRESQL ? "TEXT" : "CHARACTER LARGE OBJECT";
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "dossier_code VARCHAR(100) NOT NULL, "
                        + "kind VARCHAR(40) NOT NULL, "
                        + "payload " + payloadType + " NOT NULL, "
                        + "created_at BIGINT NOT NULL, "
                        + "status VARCHAR(12) NOT NULL, "
                        + "attempts INTEGER NOT NULL, "
                        + "next_attempt_at BIGINT NOT NULL, "
                        + "last_error VARCHAR(" + MAX_ERROR_LENGTH + "), "
                        + "last_error_code VARCHAR(" + MAX_CODE_LENGTH + "), "
                        + "dead_at BIGINT, "
                        + "lease_owner VARCHAR(64), "
                        + "lease_until BIGINT)",
                // Tables made before the error code was kept.
                "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS last_error_code VARCHAR(" + MAX_CODE_LENGTH + ")",
                "CREATE INDEX IF NOT EXISTS " + table + "_dossier_idx ON " + table + " (dossier_code, id)",
                "CREATE INDEX IF NOT EXISTS " + table + "_due_idx ON " + table + " (status, next_attempt_at)");
    }

    private void createSchema() {
        db.createSchema(table, ddl(dialect, table));
    }

    /**
     * Inserts new messages in one transaction, committed before this returns.
     *
     * @param rows the messages (id, times and state ignored but created/next attempt)
     * @return their ids, in order
     */
    public long[] insert(List<OutboxRow> rows) {
        return inTx(c -> {
            long[] ids = new long[rows.size()];
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (dossier_code, kind, payload, created_at, status, attempts, next_attempt_at)"
                    + " VALUES (?, ?, ?, ?, 'PENDING', 0, ?)", new String[] {"id"})) {
                for (int i = 0; i < rows.size(); i++) {
                    OutboxRow r = rows.get(i);
                    ps.setString(1, r.dossierCode());
                    ps.setString(2, r.kind());
                    ps.setString(3, r.payload());
                    ps.setLong(4, r.createdAt());
                    ps.setLong(5, r.nextAttemptAt());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("the database returned no id for an inserted message");
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Claims due messages that are each the oldest one left of their dossier.
     *
     * @param owner the claiming instance
     * @param now the current time
     * @param leaseUntil when the claim expires
     * @param limit the most to claim
     * @return the claimed messages, oldest first
     */
    public List<OutboxRow> claim(String owner, long now, long leaseUntil, int limit) {
        return inTx(c -> claim(c, owner, now, leaseUntil, limit, null));
    }

    /**
     * Removes a delivered message and, when asked, claims the next message of its dossier in the same
     * transaction.
     *
     * @param id the delivered message
     * @param dossierCode its dossier
     * @param owner the instance that holds its lease
     * @param now the current time
     * @param leaseUntil the lease expiry for the next message
     * @param claimNext whether to claim the dossier's next message
     * @return whether the lease was still held (false: another instance took the message over and
     *     will deliver it again), and the next message if one was claimed
     */
    public Completion complete(long id, String dossierCode, String owner, long now, long leaseUntil,
            boolean claimNext) {
        return inTx(c -> {
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                    + " WHERE id = ? AND lease_owner = ?")) {
                ps.setLong(1, id);
                ps.setString(2, owner);
                deleted = ps.executeUpdate();
            }
            if (deleted == 0 || !claimNext) {
                return new Completion(deleted == 1, Optional.empty());
            }
            List<OutboxRow> next = claim(c, owner, now, leaseUntil, 1, dossierCode);
            return new Completion(true, next.stream().findFirst());
        });
    }

    /**
     * The outcome of {@link #complete}.
     *
     * @param leaseHeld whether the delivered message was still this instance's
     * @param next the dossier's next message, claimed
     */
    public record Completion(boolean leaseHeld, Optional<OutboxRow> next) {
    }

    /**
     * Records a failed attempt and schedules the next one, releasing the lease.
     *
     * @param id the message
     * @param owner the instance that holds its lease
     * @param attempts the failed attempts so far
     * @param nextAttemptAt the earliest next attempt
     * @param error the reason, masked
     * @param errorCode the failure's code (the destination's error code, an HTTP status or a failure kind)
     * @return whether the lease was still held
     */
    public boolean fail(long id, String owner, int attempts, long nextAttemptAt, String error, String errorCode) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET attempts = ?, next_attempt_at = ?, last_error = ?, last_error_code = ?, lease_owner = NULL,"
                    + " lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setInt(1, attempts);
                ps.setLong(2, nextAttemptAt);
                ps.setString(3, truncate(error, MAX_ERROR_LENGTH));
                ps.setString(4, truncate(errorCode, MAX_CODE_LENGTH));
                ps.setLong(5, id);
                ps.setString(6, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Dead-letters a message with its reason, releasing the lease.
     *
     * @param id the message
     * @param owner the instance that holds its lease
     * @param attempts the failed attempts
     * @param error the reason, masked
     * @param errorCode the failure's code
     * @param now the current time
     * @return whether the lease was still held
     */
    public boolean deadLetter(long id, String owner, int attempts, String error, String errorCode, long now) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET status = 'DEAD', attempts = ?, last_error = ?, last_error_code = ?, dead_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setInt(1, attempts);
                ps.setString(2, truncate(error, MAX_ERROR_LENGTH));
                ps.setString(3, truncate(errorCode, MAX_CODE_LENGTH));
                ps.setLong(4, now);
                ps.setLong(5, id);
                ps.setString(6, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Releases every lease an instance holds, so that others may claim those messages now.
     *
     * @param owner the instance
     * @return how many were released
     */
    public int releaseLeases(String owner) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Counts what the store holds.
     *
     * @return the counts
     */
    public Counts counts() {
        return inTx(c -> {
            long pending;
            long retrying;
            long dead;
            Long oldest;
            try (PreparedStatement ps = c.prepareStatement("SELECT"
                    + " COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN status = 'PENDING' AND attempts > 0 THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), 0),"
                    + " MIN(CASE WHEN status = 'PENDING' THEN created_at END)"
                    + " FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                retrying = rs.getLong(2);
                dead = rs.getLong(3);
                long o = rs.getLong(4);
                oldest = rs.wasNull() ? null : o;
            }
            long held;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " m"
                    + " WHERE m.status = 'PENDING' AND EXISTS (SELECT 1 FROM " + table + " d"
                    + " WHERE d.dossier_code = m.dossier_code AND d.status = 'DEAD' AND d.id < m.id)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                held = rs.getLong(1);
            }
            java.util.Map<String, Long> byCode = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(last_error_code, 'UNKNOWN'), COUNT(*) FROM "
                    + table + " WHERE attempts > 0 GROUP BY COALESCE(last_error_code, 'UNKNOWN')");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Counts(pending, retrying, held, dead, oldest, java.util.Collections.unmodifiableMap(byCode));
        });
    }

    /**
     * What the store holds.
     *
     * @param pending pending messages
     * @param retrying pending messages that failed at least once
     * @param held pending messages behind a dead letter
     * @param deadLettered dead letters
     * @param oldestPendingCreatedAt creation time of the oldest pending message, or null
     * @param failingByCode messages that failed at least once (retrying or dead), by their last failure's code
     */
    public record Counts(long pending, long retrying, long held, long deadLettered, Long oldestPendingCreatedAt,
            java.util.Map<String, Long> failingByCode) {
    }

    /**
     * Lists dead letters in id order.
     *
     * @param afterId list those with a greater id
     * @param limit the most to return
     * @return the dead letters
     */
    public List<OutboxRow> deadLetters(long afterId, int limit) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE status = 'DEAD' AND id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                return readRows(ps);
            }
        });
    }

    /**
     * Reads one message.
     *
     * @param id the id
     * @return the message, if it is still in the store
     */
    public Optional<OutboxRow> find(long id) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                return readRows(ps).stream().findFirst();
            }
        });
    }

    /**
     * Puts a dead letter back in line, with its attempts reset, due now.
     *
     * @param id the dead letter
     * @param now the current time
     * @return whether a dead letter with this id existed
     */
    public boolean retryDeadLetter(long id, long now) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL,"
                    + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'DEAD'")) {
                ps.setLong(1, now);
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes a dead letter, releasing the messages of its dossier held behind it.
     *
     * @param id the dead letter
     * @return whether a dead letter with this id existed
     */
    public boolean discardDeadLetter(long id) {
        return inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ? AND status = 'DEAD'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<OutboxRow> claim(Connection c, String owner, long now, long leaseUntil, int limit,
            String dossierCode) throws SQLException {
        String eligible = " FROM " + table + " m WHERE m.status = 'PENDING' AND m.next_attempt_at <= ?"
                + " AND (m.lease_until IS NULL OR m.lease_until <= ?)"
                + (dossierCode != null ? " AND m.dossier_code = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM " + table + " p WHERE p.dossier_code = m.dossier_code AND p.id < m.id)"
                + " ORDER BY m.id LIMIT ?";
        if (dialect == Dialect.POSTGRESQL) {
            String sql = "UPDATE " + table + " SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT m.id"
                    + eligible + " FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, owner);
                ps.setLong(i++, leaseUntil);
                ps.setLong(i++, now);
                ps.setLong(i++, now);
                if (dossierCode != null) {
                    ps.setString(i++, dossierCode);
                }
                ps.setInt(i, limit);
                List<OutboxRow> rows = readRows(ps);
                rows.sort(Comparator.comparingLong(OutboxRow::id));
                return rows;
            }
        }
        // H2: one process owns the file; claims are serialised in the JVM.
        claimLock.lock();
        try {
            List<OutboxRow> rows;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed() + eligible)) {
                int i = 1;
                ps.setLong(i++, now);
                ps.setLong(i++, now);
                if (dossierCode != null) {
                    ps.setString(i++, dossierCode);
                }
                ps.setInt(i, limit);
                rows = readRows(ps);
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET lease_owner = ?, lease_until = ? WHERE id = ?")) {
                    for (OutboxRow r : rows) {
                        ps.setString(1, owner);
                        ps.setLong(2, leaseUntil);
                        ps.setLong(3, r.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            // Commit while still holding the lock, so the next claim sees these leases.
            c.commit();
            return rows;
        } finally {
            claimLock.unlock();
        }
    }

    private static String prefixed() {
        StringBuilder s = new StringBuilder();
        for (String col : COLUMNS.split(", ")) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append("m.").append(col);
        }
        return s.toString();
    }

    private static List<OutboxRow> readRows(PreparedStatement ps) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long deadAt = rs.getLong(10);
                Long dead = rs.wasNull() ? null : deadAt;
                rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getString(8),
                        "DEAD".equals(rs.getString(9)), dead));
            }
        }
        return rows;
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private <T> T inTx(JdbcDatabase.SqlWork<T> work) {
        return db.inTx(work);
    }

    /** Closes the connection pool this engine made (the H2 store); a given data source is left open. */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return db.owned() ? db.toString() : db + ", table " + table;
    }
}
