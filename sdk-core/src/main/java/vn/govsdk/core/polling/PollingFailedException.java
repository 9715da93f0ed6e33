package vn.govsdk.core.polling;

import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A long-running operation finished without a result: it failed, expired, or was cancelled by the
 * caller or the remote system. {@link #status()} says which.
 */
public final class PollingFailedException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    private final PollStatus status;

    /**
     * Creates the exception; the server's message is masked before it is kept.
     *
     * @param operationName the operation's name
     * @param status {@link PollStatus#FAILED}, {@link PollStatus#EXPIRED} or {@link PollStatus#CANCELLED}
     * @param serverMessage the server's reason, or {@code null}
     */
    public PollingFailedException(String operationName, PollStatus status, String serverMessage) {
        super(operationName + " ended " + status
                + (serverMessage == null ? "" : ": " + PersonalDataMasker.standard().maskText(serverMessage)));
        this.status = status;
    }

    /**
     * Returns how the operation ended.
     *
     * @return FAILED, EXPIRED or CANCELLED
     */
    public PollStatus status() {
        return status;
    }
}
