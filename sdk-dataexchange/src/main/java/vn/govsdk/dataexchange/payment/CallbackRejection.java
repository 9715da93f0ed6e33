package vn.govsdk.dataexchange.payment;

/** Why a payment callback was refused. */
public enum CallbackRejection {
    /** The body is empty, oversized, not a JSON object, or a field is not a single value. */
    MALFORMED,
    /** The body carries no checksum. */
    UNSIGNED,
    /** The checksum does not match the fields and the shared key (forged or altered). */
    BAD_SIGNATURE,
    /** The partner code is not this verifier's. */
    WRONG_PARTNER,
    /** A field breaks its exact format (length, digits, characters); checked before the checksum. */
    BAD_FORMAT,
    /** The callback names a payment this application did not start (not in its {@link PaymentStore}). */
    UNKNOWN_PAYMENT,
    /** The callback's amount, currency or request code differs from the payment this application started. */
    MISMATCHED_PAYMENT,
    /** The callback arrived outside the window measured from the payment's start (or its signed time lies outside it). */
    STALE,
    /** The same transaction was already accepted. */
    REPLAYED
}
