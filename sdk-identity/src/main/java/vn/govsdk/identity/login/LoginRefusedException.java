package vn.govsdk.identity.login;

import java.util.Objects;
import vn.govsdk.core.GovSdkException;

/**
 * A login was refused on the relying party's side: the callback's state is forged or expired, the
 * provider reported an error, or the ID token failed validation. The message names the rule that
 * failed and never contains a token or personal data.
 */
public final class LoginRefusedException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /** Why a login was refused. */
    public enum Reason {
        /** The callback's {@code state} is missing, altered, not this login's, or its signature is wrong. */
        STATE_INVALID,
        /** The {@code state} was valid but its lifetime has passed. */
        STATE_EXPIRED,
        /** The provider sent {@code error=...} to the callback (for example {@code access_denied}). */
        PROVIDER_ERROR,
        /** The callback carries neither a code nor an error, or the token response lacks a required member. */
        MALFORMED_RESPONSE,
        /** The ID token is not a signed JWT ({@code alg: none}, encrypted, or unparseable). */
        ID_TOKEN_MALFORMED,
        /** The ID token's algorithm is not in the allow-list (for example HS256 or none). */
        ID_TOKEN_ALGORITHM,
        /** No key of the provider's JWKS, even freshly fetched, has the token's key id. */
        ID_TOKEN_UNKNOWN_KEY,
        /** The signature does not verify with the provider's key (the token was altered or forged). */
        ID_TOKEN_SIGNATURE,
        /** The issuer ({@code iss}) is not the configured provider. */
        ID_TOKEN_ISSUER,
        /** The audience ({@code aud}) or authorized party ({@code azp}) is not this client. */
        ID_TOKEN_AUDIENCE,
        /** The token has expired ({@code exp}), or its issue or not-before time is in the future. */
        ID_TOKEN_EXPIRED,
        /** The {@code nonce} is not the one sent with this login's authorization request. */
        ID_TOKEN_NONCE,
        /** Userinfo names another subject than the ID token. */
        USERINFO_SUBJECT_MISMATCH
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the login was refused
     * @param message the rule that failed, without tokens or personal data
     */
    public LoginRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the login was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
