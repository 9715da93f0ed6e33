package vn.govsdk.dataexchange.outbox;

import java.util.Objects;
import vn.govsdk.core.GovSdkException;

/**
 * The destination refused a message for a reason that no retry can change (for the portal, one of
 * its validation error codes). An {@link OutboxDelivery} throws it to send the message to the dead
 * letter at once, with the code and message, instead of retrying it until {@code maxAttempts}.
 */
public final class DeliveryRefusedException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /**
     * Creates the exception.
     *
     * @param errorCode the destination's own error code (e.g. the portal's {@code error_code}); not null
     * @param message what was refused and why, masked
     * @param cause the client's exception, or null
     */
    public DeliveryRefusedException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * Returns the destination's error code.
     *
     * @return the code, as the destination sent it
     */
    public String errorCode() {
        return errorCode;
    }
}
