package vn.govsdk.core.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * OAuth2 client credentials (RFC 6749 §4.4) against a WSO2-style token endpoint, as used by the
 * national data-sharing platform (NGSP) and provincial platforms (LGSP).
 *
 * <p>The SDK posts {@code grant_type=client_credentials} (and {@code scope} when set) to the token
 * endpoint, sends {@code Authorization: Bearer <access_token>} on every call, and caches the token
 * until {@link #expiryMargin()} before it expires ({@code expires_in}, a number or a numeric
 * string). However many threads find the token expired at once, one token request is made. When
 * an API call answers HTTP 401 the token is renewed once and that call sent once more; a second 401
 * is reported as {@link vn.govsdk.core.AuthenticationFailedException}. A token answer without
 * {@code expires_in} is used until the API refuses it.
 *
 * <p>Immutable and thread-safe; {@code toString()} shows no secret.
 */
public final class ClientCredentials implements GatewayAuth {

    /** How the client id and secret are presented to the token endpoint. */
    public enum ClientAuthentication {
        /**
         * As form fields {@code client_id} and {@code client_secret} in the request body
         * ({@code client_secret_post}); what WSO2 API Manager integrations use. The default.
         */
        FORM_FIELDS,
        /**
         * As {@code Authorization: Basic base64(client_id:client_secret)}, each part
         * form-url-encoded first as RFC 6749 §2.3.1 requires ({@code client_secret_basic}); what
         * Keycloak deployments such as the HCMC one expect.
         */
        BASIC
    }

    /** The default {@link #expiryMargin()}: 60 seconds. */
    public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final URI tokenUri;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final ClientAuthentication clientAuthentication;
    private final Duration expiryMargin;

    private ClientCredentials(Builder b) {
        this.tokenUri = Checks.httpUri(b.tokenUri, "tokenUri");
        this.clientId = Checks.text(b.clientId, "clientId");
        this.clientSecret = Checks.required(b.clientSecret, "clientSecret");
        this.scope = b.scope;
        this.clientAuthentication = Checks.required(b.clientAuthentication, "clientAuthentication");
        this.expiryMargin = Checks.nonNegative(b.expiryMargin, "expiryMargin");
    }

    /**
     * Starts a builder; {@code tokenUri}, {@code clientId} and {@code clientSecret} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the token endpoint.
     *
     * @return the token URI
     */
    public URI tokenUri() {
        return tokenUri;
    }

    /**
     * Returns the client id (WSO2 consumer key).
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Returns the client secret (WSO2 consumer secret).
     *
     * @return the secret
     */
    public Secret clientSecret() {
        return clientSecret;
    }

    /**
     * Returns the scope requested with each token.
     *
     * @return the space-separated scope, if one is requested
     */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /**
     * Returns how the client id and secret are sent.
     *
     * @return the client authentication method
     */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /**
     * Returns how long before its expiry a token is renewed. It is capped at half the token's
     * lifetime, so a short-lived token is still reused.
     *
     * @return the margin; 60 seconds unless set
     */
    public Duration expiryMargin() {
        return expiryMargin;
    }

    /**
     * Compares all settings.
     *
     * @param other another object
     * @return whether {@code other} has the same settings and secret
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ClientCredentials)) {
            return false;
        }
        ClientCredentials o = (ClientCredentials) other;
        return tokenUri.equals(o.tokenUri) && clientId.equals(o.clientId) && clientSecret.equals(o.clientSecret)
                && Objects.equals(scope, o.scope) && clientAuthentication == o.clientAuthentication
                && expiryMargin.equals(o.expiryMargin);
    }

    /**
     * Returns a hash of the settings.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(tokenUri, clientId, scope, clientAuthentication, expiryMargin);
    }

    /**
     * Describes the settings; the secret shows as {@code ***}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ClientCredentials[tokenUri=" + PersonalDataMasker.standard().maskText(tokenUri.toString())
                + ", clientId=" + clientId + ", clientSecret=" + PersonalDataMasker.SECRET_MASK
                + (scope == null ? "" : ", scope=" + scope) + ", clientAuthentication=" + clientAuthentication
                + ", expiryMargin=" + expiryMargin + "]";
    }

    /** Builds {@link ClientCredentials}; not thread-safe. */
    public static final class Builder {
        private URI tokenUri;
        private String clientId;
        private Secret clientSecret;
        private String scope;
        private ClientAuthentication clientAuthentication = ClientAuthentication.FORM_FIELDS;
        private Duration expiryMargin = DEFAULT_EXPIRY_MARGIN;

        private Builder() {
        }

        /**
         * Sets the token endpoint (required), for example {@code https://api.ngsp.gov.vn/token}.
         *
         * @param tokenUri an absolute http or https URI
         * @return this builder
         */
        public Builder tokenUri(URI tokenUri) {
            this.tokenUri = tokenUri;
            return this;
        }

        /**
         * Sets the client id, the WSO2 consumer key (required).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the client secret, the WSO2 consumer secret (required).
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(Secret clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the scope to request; by default none is sent and the server grants its default.
         *
         * @param scope space-separated scope values, or {@code null} for none
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope;
            return this;
        }

        /**
         * Sets how the client id and secret are sent; {@link ClientAuthentication#FORM_FIELDS} by default.
         *
         * @param clientAuthentication the method
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = clientAuthentication;
            return this;
        }

        /**
         * Sets how long before its expiry a token is renewed; 60 seconds by default.
         *
         * @param expiryMargin a non-negative duration
         * @return this builder
         */
        public Builder expiryMargin(Duration expiryMargin) {
            this.expiryMargin = expiryMargin;
            return this;
        }

        /**
         * Builds the credentials.
         *
         * @return the credentials
         * @throws vn.govsdk.core.InvalidInputException naming the first missing or invalid setting
         */
        public ClientCredentials build() {
            return new ClientCredentials(this);
        }
    }
}
