package vn.govsdk.testkit.oidc;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A relying party registered with the mock OpenID provider (a service provider registered in
 * the portal's SSO).
 *
 * @param clientId the client id (consumer key)
 * @param clientSecret the client secret (consumer secret)
 * @param redirectUris the redirect URIs allowed besides loopback ones, compared exactly
 * @param allowLoopbackRedirects whether any {@code http(s)://127.0.0.1|localhost|[::1]} redirect URI is
 *     allowed too (convenient for testers running their software locally)
 */
public record RegisteredClient(String clientId, String clientSecret, List<URI> redirectUris,
        boolean allowLoopbackRedirects) {

    /**
     * Validates the parts.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param redirectUris the allowed redirect URIs
     * @param allowLoopbackRedirects whether loopback redirect URIs are allowed
     */
    public RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientId and clientSecret must not be blank");
        }
        redirectUris = List.copyOf(redirectUris);
    }

    /**
     * Tells whether a redirect URI may receive this client's codes.
     *
     * @param redirectUri the redirect URI as sent
     * @return {@code true} if it is registered, or loopback and loopback redirects are allowed
     */
    public boolean allowsRedirect(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getFragment() != null || uri.getScheme() == null) {
            return false;
        }
        for (URI allowed : redirectUris) {
            if (allowed.toString().equals(redirectUri)) {
                return true;
            }
        }
        if (!allowLoopbackRedirects) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost();
        return (scheme.equals("http") || scheme.equals("https")) && host != null
                && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]"));
    }

    /**
     * Shows the client id only; the secret never appears.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "RegisteredClient[clientId=" + clientId + ", clientSecret=***, redirectUris=" + redirectUris
                + ", allowLoopbackRedirects=" + allowLoopbackRedirects + "]";
    }
}
