package vn.govsdk.dataexchange.outbox;

/**
 * Sends one outbox message to its destination, usually the national public-service portal (DVCQG).
 * The outbox calls it from its delivery threads, never for two messages of the same dossier (hồ sơ)
 * at once, and only after every earlier message of that dossier was delivered.
 *
 * <p>Delivery is at least once: after a crash, or a lost answer, the same message is delivered again,
 * so the destination must treat it as an upsert (the portal's dossier sync, progress and status calls
 * do). A delivery must finish well within the outbox's lease (see
 * {@link SyncOutbox.Builder#leaseDuration(java.time.Duration)}): give its HTTP client a call deadline
 * shorter than the lease.
 *
 * <p>How the outcome is read:
 * <ul>
 *   <li>returning normally: delivered; the message is removed and the dossier's next one follows;</li>
 *   <li>a {@link vn.govsdk.core.GovServiceException} whose HTTP status is 4xx other than 408 and 429,
 *       or a {@link vn.govsdk.core.InvalidInputException}: the message can never succeed as it is, and
 *       is dead-lettered at once with the reason;</li>
 *   <li>anything else (I/O failures, timeouts, 408, 429, 5xx, errors inside a 200 answer): retried
 *       with backoff, and dead-lettered after the configured number of attempts.</li>
 * </ul>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OutboxDelivery {

    /**
     * Delivers one message.
     *
     * @param message the stored message, with its id and attempt count
     * @throws Exception when the message was not delivered; see above for how it is classified
     */
    void deliver(OutboxMessage message) throws Exception;
}
