package vn.govsdk.dataexchange.internal.payment;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.jdbc.JdbcDatabase;
import vn.govsdk.dataexchange.internal.jdbc.H2Files;
import vn.govsdk.dataexchange.payment.ReplayStore;

/**
 * {@link ReplayStore} on a {@link JdbcDatabase}: one row per accepted callback, unique on its key, so
 * that of several instances receiving one callback at once exactly one accepts it. Keys older than the
 * retention are deleted, at most once a minute. Thread-safe.
 */
public final class JdbcReplayStore implements ReplayStore {

    /** The base name of the table, after the prefix. */
    public static final String TABLE = "govsdk_payment_replay";
    /** The longest key kept. */
    public static final int MAX_KEY_LENGTH = 400;

    private final JdbcDatabase db;
    private final String table;
    private final Duration retention;
    private final boolean ownsDatabase;

    private JdbcReplayStore(JdbcDatabase db, String table, Duration retention, boolean ownsDatabase) {
        this.db = db;
        this.table = table;
        this.retention = retention;
        this.ownsDatabase = ownsDatabase;
        try {
            db.createSchema(table, ddl(table));
        } catch (RuntimeException e) {
            if (ownsDatabase) {
                db.close();
            }
            throw e;
        }
    }

    /**
     * A replay store in the database of a payment store, beside its table (same prefix); closing it
     * leaves the database to the payment store.
     *
     * @param db the payment store's database
     * @param paymentTable the payment store's table, {@code <prefix>govsdk_payment}
     * @param retention how long keys are kept
     * @return the store
     */
    static JdbcReplayStore besidePayments(JdbcDatabase db, String paymentTable, Duration retention) {
        String prefix = paymentTable.substring(0, paymentTable.length() - JdbcPaymentStore.TABLE.length());
        return new JdbcReplayStore(db, prefix + TABLE, checked(retention), false);
    }

    private static Duration checked(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new InvalidInputException("retention", "must be positive");
        }
        return retention;
    }

    /**
     * Opens the embedded H2 store.
     *
     * @param directory the directory
     * @param retention how long keys are kept
     * @return the store
     */
    public static JdbcReplayStore h2(Path directory, Duration retention) {
        Duration kept = checked(retention);
        return new JdbcReplayStore(H2Files.open(directory, "govsdk-replay", "replay store",
                JdbcPaymentStore::error), TABLE, kept, true);
    }

    /**
     * Opens the store on an application's data source.
     *
     * @param dataSource the data source
     * @param tablePrefix the table prefix
     * @param retention how long keys are kept
     * @return the store
     */
    public static JdbcReplayStore jdbc(DataSource dataSource, String tablePrefix, Duration retention) {
        Duration kept = checked(retention);
        String table = JdbcDatabase.table(tablePrefix, TABLE);
        return new JdbcReplayStore(JdbcDatabase.of(dataSource, "replay store", JdbcPaymentStore::error), table, kept,
                true);
    }

    /**
     * The DDL, the same on H2 and PostgreSQL.
     *
     * @param table the table name
     * @return the statements
     */
    public static List<String> ddl(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                + "callback_key VARCHAR(" + MAX_KEY_LENGTH + ") PRIMARY KEY, "
                + "seen_at BIGINT NOT NULL, "
                + "expires_at BIGINT NOT NULL)",
                "CREATE INDEX IF NOT EXISTS " + table + "_expires_idx ON " + table + " (expires_at)");
    }

    @Override
    public boolean markSeen(String key, Instant transactionTime) {
        if (key == null || transactionTime == null) {
            throw new InvalidInputException("key", "must not be null");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException("key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        long at = transactionTime.toEpochMilli();
        db.deleteExpired(table, "expires_at", at);
        String insert = "INSERT INTO " + table + " (callback_key, seen_at, expires_at) VALUES (?, ?, ?)";
        return db.inTx(c -> {
            boolean postgres = db.dialect() == JdbcDatabase.Dialect.POSTGRESQL;
            try (PreparedStatement ps = c.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
                ps.setString(1, key);
                ps.setLong(2, at);
                ps.setLong(3, Math.addExact(at, retention.toMillis()));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (!postgres && JdbcDatabase.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Duration retention() {
        return retention;
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
    public void close() {
        if (ownsDatabase) {
            db.close();
        }
    }

    @Override
    public String toString() {
        return "ReplayStore[" + db + ", table " + table + ", retention " + retention + "]";
    }
}
