package vn.govsdk.signing.verify;

import java.util.Objects;

/**
 * Why a signature got its status, in words a clerk can act on.
 *
 * @param code the machine-readable code
 * @param message the explanation, naming certificates by subject and issuer
 */
public record Reason(ReasonCode code, String message) {

    /**
     * Validates the parts.
     *
     * @param code the code
     * @param message the message
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
