package vn.govsdk.signing.internal.remote;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.govsdk.core.internal.jdbc.JdbcDatabase;
import vn.govsdk.signing.remote.RemoteSigningStore;
import vn.govsdk.signing.remote.RemoteSigningStoreException;

/**
 * {@link RemoteSigningStore} in a table, on sdk-core's JDBC machinery: one row per key with a version
 * column for compare-and-set; expired rows are deleted at most once a minute. Thread-safe.
 */
public final class JdbcSigningStore implements RemoteSigningStore {

    /** The base name of the table, after the prefix. */
    public static final String TABLE = "govsdk_remote_signing";

    private final JdbcDatabase db;
    private final String table;

    private JdbcSigningStore(JdbcDatabase db, String table) {
        this.db = db;
        this.table = table;
        db.createSchema(table, ddl(table));
    }

    /**
     * Opens the store.
     *
     * @param dataSource the application's data source
     * @param tablePrefix the table prefix
     * @return the store
     */
    public static JdbcSigningStore open(DataSource dataSource, String tablePrefix) {
        String table = JdbcDatabase.table(tablePrefix, TABLE);
        return new JdbcSigningStore(JdbcDatabase.of(dataSource, "remote-signing store",
                RemoteSigningStoreException::new), table);
    }

    /**
     * The DDL, the same on H2 and PostgreSQL.
     *
     * @param table the table name
     * @return the statements
     */
    public static List<String> ddl(String table) {
        String text = "CHARACTER VARYING(1048576)";
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                + "state_key VARCHAR(200) PRIMARY KEY, "
                + "state " + text + " NOT NULL, "
                + "version BIGINT NOT NULL, "
                + "expires_at BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS " + table + "_expires_idx ON " + table + " (expires_at)");
    }

    @Override
    public void put(String key, String state, Instant expiresAt) {
        db.deleteExpired(table, "expires_at", expiresAt.minus(Duration.ofDays(7)).toEpochMilli());
        db.inTx(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE state_key = ?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table
                    + " (state_key, state, version, expires_at) VALUES (?, ?, 1, ?)")) {
                ins.setString(1, key);
                ins.setString(2, state);
                ins.setLong(3, expiresAt.toEpochMilli());
                ins.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Entry> get(String key, Instant now) {
        return db.inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, version FROM " + table
                    + " WHERE state_key = ? AND expires_at > ?")) {
                ps.setString(1, key);
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean replace(String key, long expectedVersion, String state) {
        return db.inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                    + " SET state = ?, version = version + 1 WHERE state_key = ? AND version = ?")) {
                ps.setString(1, state);
                ps.setString(2, key);
                ps.setLong(3, expectedVersion);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void remove(String key) {
        db.inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE state_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Returns the table name.
     *
     * @return the table, prefix included
     */
    public String table() {
        return table;
    }

    @Override
    public String toString() {
        return "RemoteSigningStore[" + db + ", table " + table + "]";
    }
}
