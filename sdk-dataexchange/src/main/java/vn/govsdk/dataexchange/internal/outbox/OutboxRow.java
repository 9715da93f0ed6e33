package vn.govsdk.dataexchange.internal.outbox;

/**
 * One row of the outbox table, as read. Times are epoch milliseconds.
 *
 * @param id the id
 * @param dossierCode the ordering key
 * @param kind the kind's name
 * @param payload the JSON payload
 * @param createdAt when it was enqueued
 * @param attempts failed attempts so far
 * @param nextAttemptAt earliest next attempt
 * @param lastError the last failure, or null
 * @param dead whether it is dead-lettered
 * @param deadAt when it was dead-lettered, or null
 */
public record OutboxRow(long id, String dossierCode, String kind, String payload, long createdAt, int attempts,
        long nextAttemptAt, String lastError, boolean dead, Long deadAt) {
}
