package vn.govsdk.dataexchange.internal.payment;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.govsdk.core.internal.jdbc.JdbcDatabase;
import vn.govsdk.dataexchange.internal.jdbc.H2Files;
import vn.govsdk.dataexchange.payment.PaymentStore;
import vn.govsdk.dataexchange.payment.PaymentStoreException;
import vn.govsdk.dataexchange.payment.PaymentSystem;
import vn.govsdk.dataexchange.payment.ReplayStore;
import vn.govsdk.dataexchange.payment.StartedPayment;

/** {@link PaymentStore} on a {@link JdbcDatabase}: one row per started payment. Thread-safe. */
public final class JdbcPaymentStore implements PaymentStore {

    /** The base name of the table, after the prefix. */
    public static final String TABLE = "govsdk_payment";

    private final JdbcDatabase db;
    private final String table;

    private JdbcPaymentStore(JdbcDatabase db, String table) {
        this.db = db;
        this.table = table;
        try {
            db.createSchema(table, ddl(table));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static RuntimeException error(String message, Throwable cause) {
        return new PaymentStoreException(message, cause);
    }

    /**
     * Opens the embedded H2 store.
     *
     * @param directory the directory
     * @return the store
     */
    public static JdbcPaymentStore h2(Path directory) {
        return new JdbcPaymentStore(H2Files.open(directory, "govsdk-payments", "payment store",
                JdbcPaymentStore::error), TABLE);
    }

    /**
     * Opens the store on an application's data source.
     *
     * @param dataSource the data source
     * @param tablePrefix the table prefix
     * @return the store
     */
    public static JdbcPaymentStore jdbc(DataSource dataSource, String tablePrefix) {
        String table = JdbcDatabase.table(tablePrefix, TABLE);
        return new JdbcPaymentStore(JdbcDatabase.of(dataSource, "payment store", JdbcPaymentStore::error), table);
    }

    /**
     * The DDL, the same on H2 and PostgreSQL.
     *
     * @param table the table name
     * @return the statements
     */
    public static List<String> ddl(String table) {
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                + "payment_system VARCHAR(16) NOT NULL, "
                + "partner_code VARCHAR(50) NOT NULL, "
                + "reference VARCHAR(160) NOT NULL, "
                + "request_code VARCHAR(50) NOT NULL, "
                + "amount_vnd BIGINT NOT NULL, "
                + "currency VARCHAR(3) NOT NULL, "
                + "created_at BIGINT NOT NULL, "
                + "PRIMARY KEY (payment_system, partner_code, reference))",
                "CREATE INDEX IF NOT EXISTS " + table + "_created_idx ON " + table + " (created_at)");
    }

    @Override
    public boolean record(StartedPayment p) {
        String insert = "INSERT INTO " + table + " (payment_system, partner_code, reference, request_code, amount_vnd,"
                + " currency, created_at) ";
        return db.inTx(c -> {
            if (db.dialect() == JdbcDatabase.Dialect.POSTGRESQL) {
                try (PreparedStatement ps = c.prepareStatement(insert + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    bind(ps, p);
                    return ps.executeUpdate() == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(insert + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, p);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (JdbcDatabase.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static void bind(PreparedStatement ps, StartedPayment p) throws SQLException {
        ps.setString(1, p.system().name());
        ps.setString(2, p.partnerCode());
        ps.setString(3, p.reference());
        ps.setString(4, p.requestCode());
        ps.setLong(5, p.amountVnd());
        ps.setString(6, p.currency());
        ps.setLong(7, p.createdAt().toEpochMilli());
    }

    @Override
    public Optional<StartedPayment> find(PaymentSystem system, String partnerCode, String reference) {
        return db.inTx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request_code, amount_vnd, currency, created_at FROM "
                    + table + " WHERE payment_system = ? AND partner_code = ? AND reference = ?")) {
                ps.setString(1, system.name());
                ps.setString(2, partnerCode);
                ps.setString(3, reference);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StartedPayment(system, partnerCode, reference, rs.getString(1),
                            rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
        });
    }

    /**
     * The default replay store of the verifiers given this payment store: a table beside it
     * ({@code <prefix>govsdk_payment_replay}) in the same database, so that sharing the payment store
     * between instances shares the replay protection too.
     *
     * @param retention how long keys are kept (the verifier's window)
     * @return the replay store; closing it leaves the database open
     */
    public ReplayStore replayStore(Duration retention) {
        return JdbcReplayStore.besidePayments(db, table, retention);
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
        db.close();
    }

    @Override
    public String toString() {
        return "PaymentStore[" + db + ", table " + table + "]";
    }
}
