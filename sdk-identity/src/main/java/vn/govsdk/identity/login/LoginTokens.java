package vn.govsdk.identity.login;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.auth.Secret;

/**
 * The tokens the provider issued at the end of a login. Every token is a {@link Secret}, so none
 * reaches a log through {@code toString()}.
 *
 * @param accessToken the access token, for {@link CitizenLoginClient#userInfo(Secret)} and the provider's APIs
 * @param tokenType the token type, normally {@code Bearer}
 * @param expiresAt when the access token expires, if the provider said ({@code expires_in})
 * @param refreshToken the refresh token, if one was issued
 * @param idToken the ID token as received (compact JWS), kept for {@link CitizenLoginClient#logoutUrl(Secret, java.net.URI)}
 * @param scope the granted scope, if the provider said
 */
public record LoginTokens(Secret accessToken, String tokenType, Optional<Instant> expiresAt,
        Optional<Secret> refreshToken, Secret idToken, Optional<String> scope) {

    /**
     * Checks that nothing is null.
     *
     * @param accessToken the access token
     * @param tokenType the token type
     * @param expiresAt the expiry
     * @param refreshToken the refresh token
     * @param idToken the ID token
     * @param scope the scope
     */
    public LoginTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * Describes the tokens without their values.
     *
     * @return a description safe to log
     */
    @Override
    public String toString() {
        return "LoginTokens[accessToken=***, tokenType=" + tokenType + ", expiresAt=" + expiresAt.map(Instant::toString)
                .orElse("-") + ", refreshToken=" + (refreshToken.isPresent() ? "***" : "-") + ", idToken=***, scope="
                + scope.orElse("-") + "]";
    }
}
