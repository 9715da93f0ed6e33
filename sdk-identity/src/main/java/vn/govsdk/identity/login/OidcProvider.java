package vn.govsdk.identity.login;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;

/**
 * Where an OpenID Connect provider (nhà cung cấp định danh) lives: its issuer identifier and
 * endpoints. Made from the provider's known path layout ({@link #wso2(URI)} for the public-service
 * portal's SSO, {@link #keycloak(URI, String)} for VNeID), from explicit endpoints
 * ({@link #builder()}), or fetched at first use from a discovery document
 * ({@link CitizenLoginClient.Builder#discovery(URI)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class OidcProvider {

    private final URI issuer;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userInfoEndpoint;
    private final URI jwksUri;
    private final URI introspectionEndpoint;
    private final URI revocationEndpoint;
    private final URI endSessionEndpoint;

    private OidcProvider(Builder b) {
        this.issuer = required("issuer", b.issuer);
        this.authorizationEndpoint = required("authorizationEndpoint", b.authorizationEndpoint);
        this.tokenEndpoint = required("tokenEndpoint", b.tokenEndpoint);
        this.userInfoEndpoint = required("userInfoEndpoint", b.userInfoEndpoint);
        this.jwksUri = required("jwksUri", b.jwksUri);
        this.introspectionEndpoint = optionalHttp("introspectionEndpoint", b.introspectionEndpoint);
        this.revocationEndpoint = optionalHttp("revocationEndpoint", b.revocationEndpoint);
        this.endSessionEndpoint = optionalHttp("endSessionEndpoint", b.endSessionEndpoint);
    }

    /**
     * The endpoints of a WSO2 Identity Server, the product behind the public-service portal's SSO
     * (xác thực DVCQG): {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/userinfo},
     * {@code /oauth2/jwks}, {@code /oauth2/introspect}, {@code /oauth2/revoke}, {@code /oidc/logout};
     * issuer {@code {server}/oauth2/token}, WSO2's default. Change the issuer with
     * {@link #toBuilder()} if the deployment names itself otherwise.
     *
     * @param server the server's base URL, for example {@code https://xacthuc.dichvucong.gov.vn}
     * @return the provider
     * @throws InvalidInputException if the URL is not absolute http(s)
     */
    public static OidcProvider wso2(URI server) {
        String base = base("server", server);
        return builder()
                .issuer(URI.create(base + "/oauth2/token"))
                .authorizationEndpoint(URI.create(base + "/oauth2/authorize"))
                .tokenEndpoint(URI.create(base + "/oauth2/token"))
                .userInfoEndpoint(URI.create(base + "/oauth2/userinfo"))
                .jwksUri(URI.create(base + "/oauth2/jwks"))
                .introspectionEndpoint(URI.create(base + "/oauth2/introspect"))
                .revocationEndpoint(URI.create(base + "/oauth2/revoke"))
                .endSessionEndpoint(URI.create(base + "/oidc/logout"))
                .build();
    }

    /**
     * The endpoints of a Keycloak realm, the product behind VNeID's identity provider: issuer
     * {@code {authServer}/realms/{realm}}, endpoints under {@code .../protocol/openid-connect/}
     * ({@code auth}, {@code token}, {@code userinfo}, {@code certs}, {@code token/introspect},
     * {@code revoke}, {@code logout}).
     *
     * @param authServer Keycloak's base URL: with {@code /auth} for Keycloak before version 17 (as
     *     VNeID's {@code https://sso.dancuquocgia.gov.vn/auth}), without it for later versions
     * @param realm the realm name, for example {@code citizen}
     * @return the provider
     * @throws InvalidInputException if the URL is not absolute http(s) or the realm is blank or not a path segment
     */
    public static OidcProvider keycloak(URI authServer, String realm) {
        String base = base("authServer", authServer);
        if (realm == null || realm.isBlank() || !realm.matches("[A-Za-z0-9._~-]+")) {
            throw new InvalidInputException("realm", "must be a non-blank path segment of letters, digits, . _ ~ -, got "
                    + realm);
        }
        String realmBase = base + "/realms/" + realm;
        String oidc = realmBase + "/protocol/openid-connect";
        return builder()
                .issuer(URI.create(realmBase))
                .authorizationEndpoint(URI.create(oidc + "/auth"))
                .tokenEndpoint(URI.create(oidc + "/token"))
                .userInfoEndpoint(URI.create(oidc + "/userinfo"))
                .jwksUri(URI.create(oidc + "/certs"))
                .introspectionEndpoint(URI.create(oidc + "/token/introspect"))
                .revocationEndpoint(URI.create(oidc + "/revoke"))
                .endSessionEndpoint(URI.create(oidc + "/logout"))
                .build();
    }

    /**
     * Starts a provider with explicit endpoints.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this provider's values, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.issuer = issuer;
        b.authorizationEndpoint = authorizationEndpoint;
        b.tokenEndpoint = tokenEndpoint;
        b.userInfoEndpoint = userInfoEndpoint;
        b.jwksUri = jwksUri;
        b.introspectionEndpoint = introspectionEndpoint;
        b.revocationEndpoint = revocationEndpoint;
        b.endSessionEndpoint = endSessionEndpoint;
        return b;
    }

    /**
     * Returns the issuer identifier every ID token's {@code iss} must equal exactly.
     *
     * @return the issuer
     */
    public URI issuer() {
        return issuer;
    }

    /**
     * Returns the authorization endpoint the browser is sent to.
     *
     * @return the endpoint
     */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /**
     * Returns the token endpoint.
     *
     * @return the endpoint
     */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /**
     * Returns the userinfo endpoint.
     *
     * @return the endpoint
     */
    public URI userInfoEndpoint() {
        return userInfoEndpoint;
    }

    /**
     * Returns where the provider publishes its signing keys (JWKS).
     *
     * @return the JWKS URL
     */
    public URI jwksUri() {
        return jwksUri;
    }

    /**
     * Returns the token introspection endpoint (RFC 7662), if the provider has one.
     *
     * @return the endpoint
     */
    public Optional<URI> introspectionEndpoint() {
        return Optional.ofNullable(introspectionEndpoint);
    }

    /**
     * Returns the token revocation endpoint (RFC 7009), if the provider has one.
     *
     * @return the endpoint
     */
    public Optional<URI> revocationEndpoint() {
        return Optional.ofNullable(revocationEndpoint);
    }

    /**
     * Returns the logout endpoint (OpenID Connect RP-initiated logout), if the provider has one.
     *
     * @return the endpoint
     */
    public Optional<URI> endSessionEndpoint() {
        return Optional.ofNullable(endSessionEndpoint);
    }

    /**
     * Compares every endpoint.
     *
     * @param o the other object
     * @return whether it is a provider with the same issuer and endpoints
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof OidcProvider p && issuer.equals(p.issuer)
                && authorizationEndpoint.equals(p.authorizationEndpoint) && tokenEndpoint.equals(p.tokenEndpoint)
                && userInfoEndpoint.equals(p.userInfoEndpoint) && jwksUri.equals(p.jwksUri)
                && Objects.equals(introspectionEndpoint, p.introspectionEndpoint)
                && Objects.equals(revocationEndpoint, p.revocationEndpoint)
                && Objects.equals(endSessionEndpoint, p.endSessionEndpoint);
    }

    /**
     * Hashes the required endpoints.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(issuer, authorizationEndpoint, tokenEndpoint, userInfoEndpoint, jwksUri);
    }

    /**
     * Describes the provider.
     *
     * @return the issuer and main endpoints
     */
    @Override
    public String toString() {
        return "OidcProvider[issuer=" + issuer + ", authorizationEndpoint=" + authorizationEndpoint
                + ", tokenEndpoint=" + tokenEndpoint + ", userInfoEndpoint=" + userInfoEndpoint + ", jwksUri=" + jwksUri
                + "]";
    }

    private static String base(String field, URI uri) {
        checkHttp(field, uri);
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static URI required(String field, URI uri) {
        if (uri == null) {
            throw new InvalidInputException(field, "is required");
        }
        checkHttp(field, uri);
        return uri;
    }

    private static URI optionalHttp(String field, URI uri) {
        if (uri != null) {
            checkHttp(field, uri);
        }
        return uri;
    }

    private static void checkHttp(String field, URI uri) {
        if (uri == null) {
            throw new InvalidInputException(field, "is required");
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new InvalidInputException(field, "must be an absolute http or https URL, got " + uri);
        }
        if (uri.getRawQuery() != null && !field.equals("authorizationEndpoint") && !field.equals("endSessionEndpoint")
                || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, "must not have a fragment (or, except the authorization and logout"
                    + " endpoints, a query), got " + uri);
        }
    }

    /** Builds an {@link OidcProvider}; issuer, authorization, token, userinfo endpoints and JWKS URL are required. */
    public static final class Builder {
        private URI issuer;
        private URI authorizationEndpoint;
        private URI tokenEndpoint;
        private URI userInfoEndpoint;
        private URI jwksUri;
        private URI introspectionEndpoint;
        private URI revocationEndpoint;
        private URI endSessionEndpoint;

        private Builder() {
        }

        /**
         * Sets the issuer identifier ({@code iss} of every ID token).
         *
         * @param issuer the issuer
         * @return this builder
         */
        public Builder issuer(URI issuer) {
            this.issuer = issuer;
            return this;
        }

        /**
         * Sets the authorization endpoint.
         *
         * @param uri the endpoint
         * @return this builder
         */
        public Builder authorizationEndpoint(URI uri) {
            this.authorizationEndpoint = uri;
            return this;
        }

        /**
         * Sets the token endpoint.
         *
         * @param uri the endpoint
         * @return this builder
         */
        public Builder tokenEndpoint(URI uri) {
            this.tokenEndpoint = uri;
            return this;
        }

        /**
         * Sets the userinfo endpoint.
         *
         * @param uri the endpoint
         * @return this builder
         */
        public Builder userInfoEndpoint(URI uri) {
            this.userInfoEndpoint = uri;
            return this;
        }

        /**
         * Sets the JWKS URL.
         *
         * @param uri the URL
         * @return this builder
         */
        public Builder jwksUri(URI uri) {
            this.jwksUri = uri;
            return this;
        }

        /**
         * Sets the introspection endpoint.
         *
         * @param uri the endpoint, or {@code null} for none
         * @return this builder
         */
        public Builder introspectionEndpoint(URI uri) {
            this.introspectionEndpoint = uri;
            return this;
        }

        /**
         * Sets the revocation endpoint.
         *
         * @param uri the endpoint, or {@code null} for none
         * @return this builder
         */
        public Builder revocationEndpoint(URI uri) {
            this.revocationEndpoint = uri;
            return this;
        }

        /**
         * Sets the logout (end session) endpoint.
         *
         * @param uri the endpoint, or {@code null} for none
         * @return this builder
         */
        public Builder endSessionEndpoint(URI uri) {
            this.endSessionEndpoint = uri;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws InvalidInputException naming the first missing or malformed endpoint
         */
        public OidcProvider build() {
            return new OidcProvider(this);
        }
    }
}
