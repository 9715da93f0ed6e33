package vn.govsdk.core;

import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The remote system refused or failed the call. Carries the HTTP status, the system's own error
 * code and message (for example the portal's {@code error_code}, or a SOAP fault code), the
 * request id sent in the correlation header, and how many attempts were made.
 *
 * <p>Subclasses name the cases a caller commonly handles: {@link AuthenticationFailedException},
 * {@link NotFoundException}, {@link RateLimitedException} and {@link ServiceUnavailableException}.
 */
public class GovServiceException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String serviceMessage;
    private final String requestId;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status, or 0 when the failure came in a successful HTTP answer
     * @param errorCode the remote system's own error code, or {@code null}
     * @param serviceMessage the remote system's message, or {@code null}
     * @param requestId the correlation id sent with the request, or {@code null}
     * @param attempts how many attempts were made, at least 1
     */
    public GovServiceException(int statusCode, String errorCode, String serviceMessage, String requestId,
            int attempts) {
        super(describe(statusCode, errorCode, serviceMessage, requestId, attempts));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    private static String describe(int status, String code, String message, String requestId, int attempts) {
        StringBuilder s = new StringBuilder("service answered");
        if (status > 0) {
            s.append(" HTTP ").append(status);
        }
        // Both come from the other side: capped, masked and neutralised.
        if (code != null) {
            s.append(", error code ").append(PersonalDataMasker.standard().maskRemote(code));
        }
        if (message != null && !message.isBlank()) {
            s.append(": ").append(PersonalDataMasker.standard().maskRemote(message));
        }
        if (requestId != null) {
            s.append(" (request id ").append(requestId).append(')');
        }
        if (attempts > 1) {
            s.append(" after ").append(attempts).append(" attempts");
        }
        return s.toString();
    }

    /**
     * Returns the HTTP status of the final attempt.
     *
     * @return the status, or 0 when the error came inside a 200 answer
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Returns the remote system's own error code.
     *
     * @return the code, if the system gave one
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * Returns the remote system's own message.
     *
     * @return the message, if the system gave one
     */
    public Optional<String> serviceMessage() {
        return Optional.ofNullable(serviceMessage);
    }

    /**
     * Returns the correlation id sent with every attempt of this call.
     *
     * @return the request id, if one was sent
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * Returns how many attempts were made.
     *
     * @return the number of attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }
}
