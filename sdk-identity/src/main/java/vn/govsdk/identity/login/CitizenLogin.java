package vn.govsdk.identity.login;

import java.util.Objects;

/**
 * A completed, verified login (đăng nhập): the tokens, the validated ID token's claims, and the
 * identity read from userinfo. {@code toString()} shows no token and masks personal data.
 *
 * @param tokens the tokens issued
 * @param idToken the validated claims of the ID token
 * @param identity who logged in
 */
public record CitizenLogin(LoginTokens tokens, IdTokenClaims idToken, CitizenIdentity identity) {

    /**
     * Checks that nothing is null.
     *
     * @param tokens the tokens
     * @param idToken the ID token claims
     * @param identity the identity
     */
    public CitizenLogin {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(identity, "identity");
    }
}
