package vn.govsdk.signing.remote;

import java.util.Objects;
import java.util.Optional;
import vn.govsdk.signing.SigningException;

/**
 * A remote signing transaction ended without signature values, or the values the provider returned
 * were refused. {@link #status()} tells the outcomes apart: {@link RemoteSigningStatus#REJECTED} (the
 * citizen refused), {@link RemoteSigningStatus#EXPIRED} (nobody confirmed in time) and
 * {@link RemoteSigningStatus#FAILED} (the provider failed, or a value did not verify against the
 * certificate). The message never holds a full user id, token or secret.
 */
public final class RemoteSigningException extends SigningException {
    private static final long serialVersionUID = 1L;

    private final RemoteSigningStatus status;
    private final String providerCode;
    private final String transactionId;

    /**
     * Creates the exception.
     *
     * @param message what happened, in words a caller can act on (no personal data)
     * @param status how the transaction ended
     * @param providerCode the provider's own status or error code, or {@code null}
     * @param transactionId the provider's transaction id, or {@code null} if none was issued
     */
    public RemoteSigningException(String message, RemoteSigningStatus status, String providerCode,
            String transactionId) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        this.providerCode = providerCode;
        this.transactionId = transactionId;
    }

    /**
     * Returns how the transaction ended.
     *
     * @return REJECTED, EXPIRED or FAILED
     */
    public RemoteSigningStatus status() {
        return status;
    }

    /**
     * Returns the provider's own code, such as {@code 4002} or {@code 13004}.
     *
     * @return the code, if the provider gave one
     */
    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    /**
     * Returns the provider's transaction id, for the provider's support desk.
     *
     * @return the id, if one was issued
     */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }
}
