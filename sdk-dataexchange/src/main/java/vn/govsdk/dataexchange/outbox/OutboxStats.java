package vn.govsdk.dataexchange.outbox;

import java.time.Duration;

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
 */
public record OutboxStats(long pending, long retrying, long held, long deadLettered, Duration oldestPendingAge,
        long delivered, long failedAttempts) {
}
