package vn.govsdk.testkit.oidc;

/**
 * Deliberately defective ID tokens the mock OpenID provider can hand out once, so that a relying
 * party's token validation can be tested against the attacks and mistakes it must refuse. Arm one
 * with {@link OpenIdProviderMock#issueNextIdToken(BadIdToken)}: the next successful token response
 * carries an ID token with that defect, later ones are good again.
 */
public enum BadIdToken {
    /** An unsecured JWT: header {@code {"alg":"none"}} and an empty signature. */
    ALG_NONE,
    /** Correctly signed, but the audience ({@code aud}) names another client. */
    WRONG_AUDIENCE,
    /** Correctly signed, but the issuer ({@code iss}) is another provider. */
    WRONG_ISSUER,
    /** Correctly signed, but expired ({@code exp}) an hour before the provider's clock. */
    EXPIRED,
    /** Correctly signed, but its {@code nonce} is not the one sent with the authorization request. */
    WRONG_NONCE,
    /** Signed with a key whose key id ({@code kid}) is never published in the JWKS. */
    UNKNOWN_KEY_ID,
    /** Correctly signed, then its payload changed (another subject) without signing again. */
    ALTERED_PAYLOAD,
    /**
     * HS256, keyed with the bytes of the provider's public RSA key (the classic algorithm
     * confusion attack against validators that pick the algorithm from the token header).
     */
    HS256_WITH_PUBLIC_KEY
}
