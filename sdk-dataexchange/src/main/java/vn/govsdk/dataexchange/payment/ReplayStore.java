package vn.govsdk.dataexchange.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.govsdk.core.InvalidInputException;

/**
 * Remembers which payment callbacks were already accepted, so that a replayed callback is refused.
 * Keys are built by the verifiers from the partner code, reference ({@code MaThamChieu} /
 * {@code orderId}) and transaction id ({@code MaGiaoDich} / {@code transactionNo}).
 *
 * <p>Verifiers also refuse callbacks whose transaction time lies outside their time window, so a
 * store only needs to remember keys for that window. Several application instances that receive
 * callbacks must share one store (for example a database table with a unique key); the in-memory
 * default protects one process only. Implementations must be thread-safe.
 */
public interface ReplayStore {

    /**
     * Records a key if it was not seen before.
     *
     * @param key the callback's identity
     * @param transactionTime the callback's transaction time, to forget keys after the window
     * @return true if the key is new (accept), false if it was seen (replay)
     */
    boolean markSeen(String key, Instant transactionTime);

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
            public String toString() {
                return "ReplayStore.inMemory[max=" + maxEntries + ", retention=" + retention + "]";
            }
        };
    }
}
