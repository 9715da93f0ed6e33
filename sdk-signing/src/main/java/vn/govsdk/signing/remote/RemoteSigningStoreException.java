package vn.govsdk.signing.remote;

import vn.govsdk.core.GovSdkException;

/**
 * A {@link RemoteSigningStore} could not be read or written. A webhook that meets it is answered with
 * a server error, so that the provider sends it again.
 */
public final class RemoteSigningStoreException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the database's exception, or null
     */
    public RemoteSigningStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
