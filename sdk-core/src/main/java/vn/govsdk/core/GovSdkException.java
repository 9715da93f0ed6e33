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
        super(safe(message));
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, in words a caller can act on
     * @param cause the underlying failure
     */
    public GovSdkException(String message, Throwable cause) {
        super(safe(message), cause);
    }

    /** The longest message kept; the rest is cut. */
    static final int MAX_MESSAGE = 4000;

    /**
     * The safety net under every SDK exception message, which often quotes what another system sent:
     * control, format (bidirectional overrides, zero-width) and line-separator characters become
     * {@code \\uXXXX}, so that a message can never forge a log line, and it is cut at 4,000 characters.
     * Remote parts are also capped and masked where they are quoted
     * ({@link vn.govsdk.core.privacy.PersonalDataMasker#maskRemote}).
     */
    private static String safe(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = null;
        int n = Math.min(message.length(), MAX_MESSAGE);
        for (int i = 0; i < n; i++) {
            char c = message.charAt(i);
            int type = Character.getType(c);
            boolean bad = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (bad && out == null) {
                out = new StringBuilder(n + 16).append(message, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        String result = out == null ? message.substring(0, n) : out.toString();
        return message.length() > MAX_MESSAGE ? result + "…" : result;
    }
}
