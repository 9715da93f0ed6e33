package vn.govsdk.dataexchange.payment;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import vn.govsdk.dataexchange.internal.payment.JdbcPaymentStore;

/**
 * The payments this application started, which payment callbacks must match. The payment clients
 * ({@link PaymentPlatformClient}, {@link PayGovClient}) record each payment before the request leaves;
 * the verifiers ({@link PaymentCallbackVerifier}, {@link PayGovClient#verifyCallback(byte[])}) accept
 * a callback only for a recorded payment with the same reference, request code, amount and currency,
 * within their window from the payment's own time. A checksum that the platform computes without
 * field separators cannot tell {@code requestCode=RQ-7, amount=50000} from
 * {@code requestCode=RQ-, amount=750000}; this record can.
 *
 * <ul>
 *   <li>{@link #h2(Path)}: an embedded H2 file database, nothing to install; one process owns it.</li>
 *   <li>{@link #jdbc(DataSource)}: a table in PostgreSQL (or H2) that several application instances
 *       share, so that a callback reaching any instance finds the payment another one started.</li>
 * </ul>
 *
 * <p>Give the client and the verifier the same store. Implementations must be thread-safe.
 */
public interface PaymentStore extends AutoCloseable {

    /**
     * Records a payment about to be started.
     *
     * @param payment the payment
     * @return true if recorded; false if a payment with this system, partner and reference was
     *     already recorded (which is left unchanged)
     * @throws PaymentStoreException if the store cannot be written
     */
    boolean record(StartedPayment payment);

    /**
     * Finds a recorded payment.
     *
     * @param system the payment system
     * @param partnerCode the partner code
     * @param reference the reference ({@code MaThamChieu} or {@code orderId})
     * @return the payment, or empty when this application never started it
     * @throws PaymentStoreException if the store cannot be read
     */
    Optional<StartedPayment> find(PaymentSystem system, String partnerCode, String reference);

    /** Releases what the store opened itself (an embedded database); a given data source stays open. */
    @Override
    default void close() {
    }

    /**
     * Opens the embedded H2 store in a directory ({@code govsdk-payments.mv.db}), creating it if needed.
     *
     * @param directory the directory
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the directory is null
     * @throws PaymentStoreException if the database cannot be opened (another process has it)
     */
    static PaymentStore h2(Path directory) {
        return JdbcPaymentStore.h2(directory);
    }

    /**
     * Opens the store in the table {@code govsdk_payment} of a PostgreSQL (or H2) database.
     *
     * @param dataSource a pooled data source; never closed here
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the database is neither PostgreSQL nor H2
     * @throws PaymentStoreException if the database cannot be reached or the table cannot be created
     */
    static PaymentStore jdbc(DataSource dataSource) {
        return jdbc(dataSource, "");
    }

    /**
     * Opens the store in the table {@code <tablePrefix>govsdk_payment}.
     *
     * @param dataSource a pooled data source; never closed here
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter, at
     *     most 40 characters
     * @return the store
     * @throws vn.govsdk.core.InvalidInputException if the prefix or the database is not accepted
     * @throws PaymentStoreException if the database cannot be reached or the table cannot be created
     */
    static PaymentStore jdbc(DataSource dataSource, String tablePrefix) {
        return JdbcPaymentStore.jdbc(dataSource, tablePrefix);
    }
}
