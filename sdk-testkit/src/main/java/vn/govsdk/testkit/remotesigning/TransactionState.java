package vn.govsdk.testkit.remotesigning;

/** Where a remote signing transaction (giao dịch ký) stands. */
public enum TransactionState {

    /** Sent to the citizen's phone; not confirmed, rejected or expired yet. */
    WAITING,

    /** The citizen confirmed and the signature values are ready. */
    SIGNED,

    /** The citizen refused on the phone. */
    REJECTED,

    /** Nobody answered within the transaction's lifetime (about five minutes). */
    EXPIRED,

    /** The provider failed to sign. */
    FAILED;

    /**
     * Tells whether the transaction has ended.
     *
     * @return {@code false} only for {@link #WAITING}
     */
    public boolean isFinal() {
        return this != WAITING;
    }
}
