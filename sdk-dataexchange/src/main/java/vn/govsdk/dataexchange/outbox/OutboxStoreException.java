package vn.govsdk.dataexchange.outbox;

import vn.govsdk.core.GovSdkException;

/**
 * The outbox store could not be read or written: the database is unreachable, full, or its schema
 * is not what the outbox expects. An {@link SyncOutbox#enqueue(OutboxMessage) enqueue} that throws
 * this did not store the message.
 */
public final class OutboxStoreException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the database's exception
     */
    public OutboxStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
