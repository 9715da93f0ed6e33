package vn.govsdk.testkit.remotesigning;

/**
 * The state of a subscriber's account at a remote signing provider, set by the test with
 * {@link RemoteSigningMock#condition(String, SubscriberCondition)}.
 */
public enum SubscriberCondition {

    /** Everything in order: the default. */
    NORMAL,

    /**
     * The provider signs with another key than the one in the subscriber's certificate, so the values
     * it returns do not verify: for testing that a client checks each value before embedding it.
     */
    WRONG_KEY,

    /** The subscriber's signing quota is used up (SmartCA {@code SERVICE_PACK_EXEED_OR_INVALID}, MySign 4005). */
    QUOTA_EXHAUSTED,

    /** The subscriber's certificate expired or was revoked (SmartCA {@code CREDENTIAL_STATUS_INVALID}, MySign 13004). */
    CERTIFICATE_EXPIRED
}
