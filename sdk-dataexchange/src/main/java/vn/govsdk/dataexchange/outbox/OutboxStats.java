package vn.govsdk.dataexchange.outbox;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of an outbox, for dashboards and alerts. The counts of messages come from the store, so
 * they cover every instance sharing it; {@code delivered} and {@code failedAttempts} are counted by
 * this {@link SyncOutbox} since it was built.
 *
 * @param pending messages not yet delivered and not dead-lettered (held ones included)
 * @param retrying pending messages that have failed at least once
 * @param held pending messages waiting behind a dead letter of their dossier (hồ sơ)
 * @param deadLettered dead-lettered messages waiting for an operator
 * @param oldestPendingAge how long the oldest pending message has waited; zero when none is pending
 * @param delivered messages this outbox delivered
 * @param failedAttempts delivery attempts that failed in this outbox (retried or dead-lettered)
 * @param failingByCode messages in the store that failed at least once (retrying or dead-lettered), by
 *     the code of their last failure: the destination's error code (the portal's {@code error_code}),
 *     {@code HTTP <status>}, {@code INVALID_INPUT}, or the failure's kind (e.g. {@code TransportException});
 *     sorted by code
 */
public record OutboxStats(long pending, long retrying, long held, long deadLettered, Duration oldestPendingAge,
        long delivered, long failedAttempts, Map<String, Long> failingByCode) {

    /** Copies the map. */
    public OutboxStats {
        failingByCode = failingByCode == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(failingByCode));
    }
}
