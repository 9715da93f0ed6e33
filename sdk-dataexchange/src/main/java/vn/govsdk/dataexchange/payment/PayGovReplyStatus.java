package vn.govsdk.dataexchange.payment;

/** The answer a unit gives to a PayGov confirmation callback. */
public enum PayGovReplyStatus {
    /** Verified, and the citizen paid. */
    SUCCESSFUL,
    /** Verified but the payment failed, or refused for a reason other than the checksum (replay, stale, malformed). */
    FAILED,
    /** The checksum is missing or wrong. */
    SIGNATURE_WRONG
}
