package vn.govsdk.core.http;

import vn.govsdk.core.InvalidInputException;

/**
 * The name of a remote operation and whether it is safe to send again. Every request the SDK sends
 * carries its operation as an OkHttp request tag ({@code request.tag(Operation.class)}), so metrics
 * and tracing can name calls without a dependency in the core (see {@code docs/observability.md}).
 *
 * <p>Only operations that are safe to repeat are ever retried: reads, and writes that the remote
 * system treats as upserts or that carry an idempotency key. A plain write is sent at most once.
 *
 * @param name a short, stable name such as {@code population.lookupCitizen}; no personal data
 * @param safeToRetry whether the SDK may send the request again after a transient failure
 */
public record Operation(String name, boolean safeToRetry) {

    /**
     * Validates the name.
     *
     * @param name the operation name, not blank
     * @param safeToRetry whether the operation may be sent again
     */
    public Operation {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("operation name", "must not be blank");
        }
    }

    /**
     * A read: it changes nothing on the remote side, so it may be retried.
     *
     * @param name the operation name
     * @return the operation
     */
    public static Operation read(String name) {
        return new Operation(name, true);
    }

    /**
     * A write that is safe to repeat: an upsert, or a request that carries an idempotency key the
     * remote system honours. It may be retried.
     *
     * @param name the operation name
     * @return the operation
     */
    public static Operation idempotentWrite(String name) {
        return new Operation(name, true);
    }

    /**
     * A write that may have effects if sent twice, such as submitting a dossier (hồ sơ). It is
     * never retried: after a transient failure the caller decides what to do.
     *
     * @param name the operation name
     * @return the operation
     */
    public static Operation write(String name) {
        return new Operation(name, false);
    }
}
