package vn.govsdk.signing;

import vn.govsdk.core.GovSdkException;

/**
 * Signing could not be done: a key store or token could not be opened (wrong PIN, token removed,
 * module not found), the key refused to sign, a signature value did not match the certificate, or
 * a document could not be read. The message says what to check; it never contains a PIN or password.
 *
 * <p>Open for extension within govsdk only: {@code vn.govsdk.signing.remote.RemoteSigningException}
 * adds the outcome of a remote signing service.
 */
public class SigningException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in words a caller can act on
     */
    public SigningException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in words a caller can act on
     * @param cause the underlying failure
     */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
