package vn.govsdk.identity.login;

import java.net.URI;
import java.util.Objects;

/**
 * The first half of a login: where to send the browser, and what to keep in the server-side
 * session until the provider sends the browser back.
 *
 * @param authorizationUrl the provider's authorization URL with every parameter set (client id,
 *     redirect URI, scope, signed state, nonce, PKCE challenge); answer the browser with a redirect to it
 * @param pendingLogin what {@link CitizenLoginClient#complete} needs; keep it in the session
 *     ({@link PendingLogin#encode()} gives a string), never in the browser
 */
public record AuthorizationRequest(URI authorizationUrl, PendingLogin pendingLogin) {

    /**
     * Checks that nothing is null.
     *
     * @param authorizationUrl the URL
     * @param pendingLogin the pending login
     */
    public AuthorizationRequest {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(pendingLogin, "pendingLogin");
    }

    /**
     * Describes the request without the PKCE verifier.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AuthorizationRequest[authorizationUrl=" + authorizationUrl.getScheme() + "://"
                + authorizationUrl.getRawAuthority() + authorizationUrl.getRawPath() + "?..., pendingLogin="
                + pendingLogin + "]";
    }
}
