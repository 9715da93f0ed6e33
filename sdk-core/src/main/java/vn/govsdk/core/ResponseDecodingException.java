package vn.govsdk.core;

/**
 * The remote system answered, but its answer could not be decoded: malformed JSON or XML, a
 * missing required element, a refused DTD or external entity, or a body larger than permitted.
 */
public final class ResponseDecodingException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be decoded, without personal data
     * @param cause the parser's failure, or {@code null}
     */
    public ResponseDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
