package vn.govsdk.dataexchange.payment;

/** Why a payment callback was refused. */
public enum CallbackRejection {
    /** The body is not a JSON object or lacks a required field. */
    MALFORMED,
    /** The body carries no checksum. */
    UNSIGNED,
    /** The checksum does not match the fields and the shared key (forged or altered). */
    BAD_SIGNATURE,
    /** The partner code is not this verifier's. */
    WRONG_PARTNER,
    /** The transaction time lies outside the accepted window. */
    STALE,
    /** The same transaction was already accepted. */
    REPLAYED
}
