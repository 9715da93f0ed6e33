package vn.govsdk.dataexchange.payment;

import vn.govsdk.core.GovSdkException;

/**
 * A {@link PaymentStore} or {@link ReplayStore} could not be read or written. A callback whose
 * verification meets it is neither accepted nor recorded: answer the platform with a server error so
 * that it sends the callback again.
 */
public final class PaymentStoreException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the database's exception, or null
     */
    public PaymentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
