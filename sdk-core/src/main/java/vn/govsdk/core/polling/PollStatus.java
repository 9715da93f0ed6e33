package vn.govsdk.core.polling;

/** Where a long-running operation stands. */
public enum PollStatus {
    /** Still running; poll again. */
    IN_PROGRESS,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished without a result, for example a citizen refused to confirm a remote signature. */
    FAILED,
    /** The remote system gave up waiting, for example a signing request nobody confirmed in time. */
    EXPIRED,
    /** Cancelled, by the caller or by the remote system. */
    CANCELLED;

    /**
     * Tells whether the operation has finished, one way or another.
     *
     * @return {@code true} for every status except {@link #IN_PROGRESS}
     */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }
}
