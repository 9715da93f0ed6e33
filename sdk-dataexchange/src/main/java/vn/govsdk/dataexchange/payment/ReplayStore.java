package vn.govsdk.dataexchange.payment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.dataexchange.internal.payment.JdbcReplayStore;

/**
 * Remembers which payment callbacks were already accepted, so that a replayed callback is refused.
 * Keys are built by the verifiers from the partner code, reference ({@code MaThamChieu} /
 * {@code orderId}) and transaction id ({@code MaGiaoDich} / {@code transactionNo}).
 *
 * <p>Verifiers refuse callbacks outside their window, measured from the time of the payment this
 * application started (and, for PP DVCQG, from the signed {@code ThoiGianGD}), so a store only needs
 * to remember keys for that window; a verifier refuses at build time a store whose
 * {@link #retention()} is shorter than its window. Several application instances that receive
 * callbacks must share one store: {@link #jdbc(DataSource, String, Duration)} on PostgreSQL; the
 * in-memory default and {@link #h2(Path, Duration)} protect one process only. Implementations must be
 * thread-safe.
 */
public interface ReplayStore extends AutoCloseable {

    /**
     * Records a key if it was not seen before.
     *
     * @param key the callback's identity
     * @param transactionTime the callback's transaction time, to forget keys after the window
     * @return true if the key is new (accept), false if it was seen (replay)
     */
    boolean markSeen(String key, Instant transactionTime);

    /**
     * How long the store remembers a key, measured on the times given to {@link #markSeen}. The
     * default claims forever; a store that forgets must say when.
     *
     * @return the retention
     */
    default Duration retention() {
        return ChronoUnit.FOREVER.getDuration();
    }

    /** Releases what the store opened itself (an embedded database); a given data source stays open. */
    @Override
    default void close() {
    }

    /**
     * Opens an embedded H2 store in a directory ({@code govsdk-replay.mv.db}); one process owns it.
     *
     * @param directory the directory, created if missing
     * @param retention how long keys are kept, at least the verifier's window
     * @return the store
     * @throws InvalidInputException if the directory is null or the retention not positive
     * @throws PaymentStoreException if the database cannot be opened
     */
    static ReplayStore h2(Path directory, Duration retention) {
        return JdbcReplayStore.h2(directory, retention);
    }

    /**
     * Opens a store in the table {@code <tablePrefix>govsdk_payment_replay} of a PostgreSQL (or H2)
     * database, which several application instances share: a callback accepted by one instance is
     * refused as a replay by every other. Keys are unique in the table, so two instances receiving the
     * same callback at the same moment accept it once.
     *
     * @param dataSource a pooled data source; never closed here
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter, at
     *     most 40 characters
     * @param retention how long keys are kept, at least the verifier's window
     * @return the store
     * @throws InvalidInputException if the prefix, the retention or the database is not accepted
     * @throws PaymentStoreException if the database cannot be reached or the table cannot be created
     */
    static ReplayStore jdbc(DataSource dataSource, String tablePrefix, Duration retention) {
        return JdbcReplayStore.jdbc(dataSource, tablePrefix, retention);
    }

    /**
     * An in-memory store of at most {@code maxEntries} keys. Keys whose transaction time is older than
     * {@code retention} before the newest one are forgotten first; when the store is still full, the
     * oldest key is forgotten (size it above the callbacks expected within the verifier's window).
     *
     * @param maxEntries the bound, at least 1
     * @param retention how long keys are kept, measured on transaction times
     * @return the store
     */
    static ReplayStore inMemory(int maxEntries, Duration retention) {
        if (maxEntries < 1) {
            throw new InvalidInputException("maxEntries", "must be at least 1");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new InvalidInputException("retention", "must be positive");
        }
        Map<String, Instant> seen = new LinkedHashMap<>();
        return new ReplayStore() {
            private Instant newest = Instant.MIN;

            @Override
            public synchronized boolean markSeen(String key, Instant at) {
                if (key == null || at == null) {
                    throw new InvalidInputException("key", "must not be null");
                }
                if (seen.containsKey(key)) {
                    return false;
                }
                if (at.isAfter(newest)) {
                    newest = at;
                }
                Instant horizon = newest.minus(retention);
                seen.values().removeIf(t -> t.isBefore(horizon));
                while (seen.size() >= maxEntries) {
                    String eldest = seen.keySet().iterator().next();
                    seen.remove(eldest);
                }
                seen.put(key, at);
                return true;
            }

            @Override
            public Duration retention() {
                return retention;
            }

            @Override
            public String toString() {
                return "ReplayStore.inMemory[max=" + maxEntries + ", retention=" + retention + "]";
            }
        };
    }
}
