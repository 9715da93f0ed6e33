package vn.govsdk.signing.remote;

/**
 * Where a remote signing transaction stands. Each provider's own codes map onto these (for example
 * SmartCA CSC {@code tranStatus} 4000, 1, 4001, 4002; MySign 4000, 6000, 1, 4001, 4002).
 */
public enum RemoteSigningStatus {
    /** Sent; the citizen has not yet confirmed on the phone. */
    WAITING_FOR_CONFIRMATION(false),
    /** Confirmed; the provider is signing (MySign 6000). */
    SIGNING(false),
    /** Signed: every value is available and was checked against the certificate. */
    SIGNED(true),
    /** The citizen refused on the phone. */
    REJECTED(true),
    /** Nobody confirmed in time (about five minutes); send a new request. */
    EXPIRED(true),
    /** The provider failed: key authorisation, quota used up, certificate revoked or expired, internal error. */
    FAILED(true);

    private final boolean terminal;

    RemoteSigningStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Tells whether the transaction has ended, one way or another.
     *
     * @return {@code true} for SIGNED, REJECTED, EXPIRED and FAILED
     */
    public boolean isTerminal() {
        return terminal;
    }
}
