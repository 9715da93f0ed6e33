package vn.govsdk.core;

/**
 * The root of every exception govsdk throws. Unchecked, as in the Azure and AWS SDKs: a caller
 * catches what it can act on and lets the rest travel.
 *
 * <p>Two branches hang below it: client-side failures ({@link InvalidInputException},
 * {@link TransportException}, {@link ResponseDecodingException}) and failures the remote system
 * reported ({@link GovServiceException} and its subclasses). Messages never contain a secret or a
 * full personal identifier.
 */
public class GovSdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, in words a caller can act on
     */
    public GovSdkException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, in words a caller can act on
     * @param cause the underlying failure
     */
    public GovSdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
