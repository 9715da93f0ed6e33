package vn.govsdk.identity.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.ClientCredentials.ClientAuthentication;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.identity.internal.login.Discovery;
import vn.govsdk.identity.internal.login.IdTokenValidator;
import vn.govsdk.identity.internal.login.JwksCache;
import vn.govsdk.identity.internal.login.Pkce;
import vn.govsdk.identity.internal.login.StateCodec;
import vn.govsdk.identity.internal.login.UserInfoMapper;

/**
 * Citizen login (đăng nhập bằng tài khoản định danh điện tử) with OpenID Connect: the authorization
 * code flow with PKCE (S256), a signed {@code state} and a {@code nonce}, against the public-service
 * portal's SSO (WSO2 Identity Server, {@link OidcProvider#wso2(URI)}) or VNeID (a Keycloak realm,
 * {@link OidcProvider#keycloak(URI, String)}), or any provider found by discovery.
 *
 * <pre>{@code
 * CitizenLoginClient login = CitizenLoginClient.builder()
 *         .provider(OidcProvider.wso2(URI.create("https://xacthuc.dichvucong.gov.vn")))
 *         .clientId("...").clientSecret(Secret.fromEnvironment("SSO_CLIENT_SECRET"))
 *         .stateKey(Secret.fromEnvironment("LOGIN_STATE_KEY"))   // the same on every node
 *         .acrValues("LoA1")
 *         .build();
 *
 * // GET /login
 * AuthorizationRequest start = login.begin(URI.create("https://app.example.gov.vn/callback"));
 * session.put("login", start.pendingLogin().encode());
 * redirect(start.authorizationUrl());
 *
 * // GET /callback?code=...&state=...
 * CitizenLogin done = login.complete(callbackQueryParameters, PendingLogin.decode(session.remove("login")));
 * CitizenIdentity who = done.identity();   // verified: ID token signature, issuer, audience, expiry, nonce
 * }</pre>
 *
 * <p>ID tokens are validated against the provider's JWKS, which is cached and fetched again once
 * when a token names an unknown key id; only the allowed asymmetric algorithms are accepted
 * (RS256, PS256 and ES256 by default; never {@code none}, never an HMAC algorithm). Every HTTP
 * call goes through the SDK's pipeline (request id, masked DEBUG logging, retries for reads only).
 * Tokens never reach a log.
 *
 * <p>Immutable and thread-safe; build one per provider and share it. {@link #close()} closes the
 * HTTP transport only if the client created it.
 */
public final class CitizenLoginClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenLoginClient.class);

    /** The algorithms allowed by default. */
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    /** The default lifetime of a login's state: 10 minutes. */
    public static final Duration DEFAULT_STATE_LIFETIME = Duration.ofMinutes(10);

    /** The default clock skew tolerated on ID token times: 60 seconds. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Operation DISCOVERY = Operation.read("login.discovery");
    private static final Operation JWKS = Operation.read("login.jwks");
    private static final Operation TOKEN = Operation.write("login.token");
    private static final Operation USERINFO = Operation.read("login.userinfo");
    private static final Operation INTROSPECT = Operation.read("login.introspect");
    private static final Operation REVOKE = Operation.idempotentWrite("login.revoke");

    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthentication clientAuthentication;
    private final String scope;
    private final String acrValues;
    private final Duration clockSkew;
    private final Set<String> allowedAlgorithms;
    private final boolean fetchUserInfo;
    private final Clock clock;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final GovHttpPipeline pipeline;
    private final StateCodec states;
    private final SecureRandom random = new SecureRandom();
    private final URI discoveryIssuer;
    private final URI discoveryDocument;
    private final Object resolveLock = new Object();
    private volatile Resolved resolved;

    private record Resolved(OidcProvider provider, IdTokenValidator validator) {
    }

    private CitizenLoginClient(Builder b) {
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.clientAuthentication = b.clientAuthentication;
        this.scope = String.join(" ", b.scopes);
        this.acrValues = b.acrValues;
        this.clockSkew = b.clockSkew;
        this.allowedAlgorithms = Set.copyOf(b.allowedAlgorithms);
        this.fetchUserInfo = b.fetchUserInfo;
        this.clock = b.clock;
        this.ownsTransport = b.transport == null;
        this.transport = b.transport != null ? b.transport : HttpTransport.create();
        GovHttpPipeline.Builder pipe = GovHttpPipeline.builder(transport).clock(clock)
                .masker(PersonalDataMasker.standard().withSecretFields(Set.of("id_token_hint", "token")));
        if (b.retryPolicy != null) {
            pipe.retryPolicy(b.retryPolicy);
        }
        if (b.timeouts != null) {
            pipe.timeouts(b.timeouts);
        }
        this.pipeline = pipe.build();
        byte[] key;
        if (b.stateKey != null) {
            key = b.stateKey.value().getBytes(StandardCharsets.UTF_8);
        } else {
            key = new byte[32];
            random.nextBytes(key);
        }
        this.states = new StateCodec(key, b.stateLifetime, clock, random);
        this.discoveryIssuer = b.discoveryIssuer;
        this.discoveryDocument = b.discoveryDocument;
        if (b.provider != null) {
            this.resolved = resolve(b.provider);
        }
    }

    /**
     * Starts building a client.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a login: makes the state, nonce and PKCE verifier, and the provider's authorization
     * URL to send the browser to. Sends nothing, except the discovery request on first use of a
     * client configured by discovery.
     *
     * @param redirectUri this application's callback URL, registered with the provider
     * @return the URL to redirect to and the value to keep in the session
     * @throws InvalidInputException if the redirect URI is not an absolute http(s) URL without fragment
     */
    public AuthorizationRequest begin(URI redirectUri) {
        checkRedirect(redirectUri);
        OidcProvider provider = resolved().provider();
        String state = states.issue(redirectUri);
        String nonce = Pkce.randomValue(random);
        String verifier = Pkce.newVerifier(random);
        HttpUrl.Builder url = HttpUrl.get(provider.authorizationEndpoint().toString()).newBuilder()
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri.toString())
                .addQueryParameter("scope", scope)
                .addQueryParameter("state", state)
                .addQueryParameter("nonce", nonce)
                .addQueryParameter("code_challenge", Pkce.challenge(verifier))
                .addQueryParameter("code_challenge_method", "S256");
        if (acrValues != null) {
            url.addQueryParameter("acr_values", acrValues);
        }
        return new AuthorizationRequest(url.build().uri(), new PendingLogin(state, nonce, verifier, redirectUri));
    }

    /**
     * Completes a login from the full callback URL the browser arrived at.
     *
     * @param callbackUri the callback URL with its query string
     * @param pendingLogin the value kept in the session by {@link #begin(URI)}
     * @return the verified login
     * @throws LoginRefusedException if the state, the provider's answer or the ID token is refused
     * @throws vn.govsdk.core.GovServiceException if the provider refuses the code (for example
     *     {@code invalid_grant}: used, expired, or a PKCE verifier mismatch)
     */
    public CitizenLogin complete(URI callbackUri, PendingLogin pendingLogin) {
        if (callbackUri == null) {
            throw new InvalidInputException("callbackUri", "is required");
        }
        HttpUrl url = HttpUrl.parse(callbackUri.toString());
        if (url == null) {
            throw new InvalidInputException("callbackUri", "must be an absolute http or https URL");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            String value = url.queryParameter(name);
            params.put(name, value == null ? "" : value);
        }
        return complete(params, pendingLogin);
    }

    /**
     * Completes a login from the callback's query parameters: checks the state against the one kept
     * in the session, exchanges the code (with the PKCE verifier) for tokens, validates the ID
     * token, and reads userinfo.
     *
     * @param callbackParameters the callback's query parameters ({@code code}, {@code state}, or
     *     {@code error} and {@code error_description})
     * @param pendingLogin the value kept in the session by {@link #begin(URI)}
     * @return the verified login
     * @throws LoginRefusedException if the state, the provider's answer or the ID token is refused
     * @throws vn.govsdk.core.GovServiceException if the provider refuses the code (for example
     *     {@code invalid_grant}: used, expired, or a PKCE verifier mismatch)
     */
    public CitizenLogin complete(Map<String, String> callbackParameters, PendingLogin pendingLogin) {
        if (callbackParameters == null) {
            throw new InvalidInputException("callbackParameters", "is required");
        }
        if (pendingLogin == null) {
            throw new InvalidInputException("pendingLogin", "is required");
        }
        states.check(callbackParameters.get("state"), pendingLogin.state(), pendingLogin.redirectUri());
        String error = callbackParameters.get("error");
        if (error != null) {
            String description = callbackParameters.get("error_description");
            throw new LoginRefusedException(LoginRefusedException.Reason.PROVIDER_ERROR, "the provider refused the login: "
                    + clip(error) + (description == null ? "" : " (" + clip(description) + ")"));
        }
        String code = callbackParameters.get("code");
        if (code == null || code.isEmpty()) {
            throw new LoginRefusedException(LoginRefusedException.Reason.MALFORMED_RESPONSE,
                    "the callback has neither a code nor an error");
        }
        Resolved r = resolved();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pendingLogin.redirectUri().toString());
        form.put("code_verifier", pendingLogin.codeVerifier());
        GovResponse answer = pipeline.execute(TOKEN, clientAuthenticated(r.provider().tokenEndpoint(), form));
        JsonNode tokens = json(answer, "token response");
        String accessToken = UserInfoMapper.text(tokens, "access_token").orElseThrow(() -> new LoginRefusedException(
                LoginRefusedException.Reason.MALFORMED_RESPONSE, "the token response has no access_token"));
        String tokenType = UserInfoMapper.text(tokens, "token_type").orElse("");
        if (!tokenType.equalsIgnoreCase("Bearer")) {
            throw new LoginRefusedException(LoginRefusedException.Reason.MALFORMED_RESPONSE,
                    "the token response's token_type is " + clip(tokenType) + ", not Bearer");
        }
        String idToken = UserInfoMapper.text(tokens, "id_token").orElseThrow(() -> new LoginRefusedException(
                LoginRefusedException.Reason.MALFORMED_RESPONSE, "the token response has no id_token (is openid in the scope?)"));
        IdTokenClaims claims = r.validator().validate(idToken, pendingLogin.nonce());
        Optional<Instant> expiresAt = Optional.ofNullable(tokens.get("expires_in")).filter(JsonNode::canConvertToLong)
                .map(n -> clock.instant().plusSeconds(n.asLong()));
        LoginTokens loginTokens = new LoginTokens(Secret.of(accessToken), "Bearer", expiresAt,
                UserInfoMapper.text(tokens, "refresh_token").map(Secret::of), Secret.of(idToken),
                UserInfoMapper.text(tokens, "scope"));
        CitizenIdentity identity;
        if (fetchUserInfo) {
            identity = userInfo(loginTokens.accessToken());
            if (!identity.subject().equals(claims.subject())) {
                throw new LoginRefusedException(LoginRefusedException.Reason.USERINFO_SUBJECT_MISMATCH,
                        "userinfo names another subject than the ID token");
            }
        } else {
            identity = UserInfoMapper.map(GovJson.convert(claims.claims(), JsonNode.class), claims.subject());
        }
        LOG.debug("login completed: subject {}, provider {}, acr {}", PersonalDataMasker.maskIdentifier(claims.subject()),
                identity.loginProvider().orElse("-"), claims.acr().orElse("-"));
        return new CitizenLogin(loginTokens, claims, identity);
    }

    /**
     * Reads who an access token belongs to from the provider's userinfo endpoint.
     *
     * @param accessToken the access token
     * @return the identity
     * @throws vn.govsdk.core.AuthenticationFailedException if the token is unknown, revoked or expired
     */
    public CitizenIdentity userInfo(Secret accessToken) {
        if (accessToken == null) {
            throw new InvalidInputException("accessToken", "is required");
        }
        Request request = new Request.Builder().url(resolved().provider().userInfoEndpoint().toString())
                .header("Authorization", "Bearer " + accessToken.value())
                .header("Accept", "application/json").get().build();
        GovResponse answer = pipeline.execute(USERINFO, request);
        JsonNode claims = json(answer, "userinfo");
        String subject = UserInfoMapper.text(claims, "sub").orElseThrow(() -> new ResponseDecodingException(
                "the userinfo answer has no sub", null));
        return UserInfoMapper.map(claims, subject);
    }

    /**
     * Asks the provider whether a token is active (RFC 7662 introspection; the portal's
     * "validate token").
     *
     * @param token an access token
     * @return the provider's answer
     * @throws IllegalStateException if the provider has no introspection endpoint
     */
    public TokenIntrospection introspect(Secret token) {
        if (token == null) {
            throw new InvalidInputException("token", "is required");
        }
        URI endpoint = resolved().provider().introspectionEndpoint().orElseThrow(() -> new IllegalStateException(
                "the provider has no introspection endpoint configured"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.value());
        form.put("token_type_hint", "access_token");
        JsonNode answer = json(pipeline.execute(INTROSPECT, clientAuthenticated(endpoint, form)), "introspection");
        JsonNode active = answer.get("active");
        if (active == null || !active.isBoolean()) {
            throw new ResponseDecodingException("the introspection answer has no boolean active member", null);
        }
        if (!active.asBoolean()) {
            return new TokenIntrospection(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        return new TokenIntrospection(true, UserInfoMapper.text(answer, "client_id"), UserInfoMapper.text(answer, "sub"),
                UserInfoMapper.text(answer, "scope"), epoch(answer, "exp"), epoch(answer, "iat"));
    }

    /**
     * Revokes a token (RFC 7009). Revoking an unknown or already revoked token succeeds.
     *
     * @param token an access or refresh token
     * @throws IllegalStateException if the provider has no revocation endpoint
     */
    public void revoke(Secret token) {
        if (token == null) {
            throw new InvalidInputException("token", "is required");
        }
        URI endpoint = resolved().provider().revocationEndpoint().orElseThrow(() -> new IllegalStateException(
                "the provider has no revocation endpoint configured"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.value());
        pipeline.execute(REVOKE, clientAuthenticated(endpoint, form));
    }

    /**
     * Builds the provider's logout URL (RP-initiated logout) to send the browser to.
     *
     * @param idTokenHint the ID token of the login ({@link LoginTokens#idToken()})
     * @param postLogoutRedirectUri where the provider sends the browser afterwards (registered
     *     with the provider), or {@code null} to stay on the provider's page
     * @return the logout URL
     * @throws IllegalStateException if the provider has no logout endpoint
     */
    public URI logoutUrl(Secret idTokenHint, URI postLogoutRedirectUri) {
        if (idTokenHint == null) {
            throw new InvalidInputException("idTokenHint", "is required");
        }
        if (postLogoutRedirectUri != null) {
            checkRedirect(postLogoutRedirectUri);
        }
        URI endpoint = resolved().provider().endSessionEndpoint().orElseThrow(() -> new IllegalStateException(
                "the provider has no logout (end session) endpoint configured"));
        HttpUrl.Builder url = HttpUrl.get(endpoint.toString()).newBuilder()
                .addQueryParameter("id_token_hint", idTokenHint.value())
                .addQueryParameter("client_id", clientId);
        if (postLogoutRedirectUri != null) {
            url.addQueryParameter("post_logout_redirect_uri", postLogoutRedirectUri.toString());
        }
        return url.build().uri();
    }

    /**
     * Returns the provider this client talks to, fetching the discovery document first if the
     * client was configured by discovery and has not used it yet.
     *
     * @return the provider
     */
    public OidcProvider provider() {
        return resolved().provider();
    }

    /**
     * Returns this client's id at the provider.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /** Closes the HTTP transport if this client created it; a transport given to the builder is left open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /**
     * Describes the client without its secret.
     *
     * @return the client id, issuer and allowed algorithms
     */
    @Override
    public String toString() {
        Resolved r = resolved;
        return "CitizenLoginClient[clientId=" + clientId + ", clientSecret=***, issuer="
                + (r != null ? r.provider().issuer() : discoveryIssuer + " (discovery)") + ", algorithms="
                + allowedAlgorithms + "]";
    }

    // ------------------------------------------------------------------ internals

    private Resolved resolved() {
        Resolved r = resolved;
        if (r != null) {
            return r;
        }
        synchronized (resolveLock) {
            if (resolved == null) {
                URI url = discoveryDocument != null ? discoveryDocument
                        : URI.create(stripSlash(discoveryIssuer.toString()) + "/.well-known/openid-configuration");
                Request request = new Request.Builder().url(url.toString()).header("Accept", "application/json").get()
                        .build();
                JsonNode document = json(pipeline.execute(DISCOVERY, request), "discovery document");
                resolved = resolve(Discovery.parse(document, discoveryIssuer, url));
                LOG.debug("discovered OpenID provider {}", discoveryIssuer);
            }
            return resolved;
        }
    }

    private Resolved resolve(OidcProvider provider) {
        URI jwks = provider.jwksUri();
        JwksCache cache = new JwksCache(() -> {
            Request request = new Request.Builder().url(jwks.toString())
                    .header("Accept", "application/jwk-set+json, application/json").get().build();
            return pipeline.execute(JWKS, request).bodyString();
        });
        return new Resolved(provider, new IdTokenValidator(provider.issuer().toString(), clientId, allowedAlgorithms,
                clockSkew, clock, cache));
    }

    private Request clientAuthenticated(URI endpoint, Map<String, String> fields) {
        FormBody.Builder form = new FormBody.Builder();
        fields.forEach(form::add);
        Request.Builder request = new Request.Builder().url(endpoint.toString()).header("Accept", "application/json");
        if (clientAuthentication == ClientAuthentication.BASIC) {
            String user = java.net.URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + java.net.URLEncoder.encode(clientSecret.value(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    user.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret.value());
        }
        return request.post(form.build()).build();
    }

    private static JsonNode json(GovResponse response, String what) {
        JsonNode node = GovJson.readTree(response.body());
        if (node == null || !node.isObject()) {
            throw new ResponseDecodingException("the provider's " + what + " is not a JSON object (request id "
                    + response.requestId() + ")", null);
        }
        return node;
    }

    private static Optional<Instant> epoch(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(v.asLong())) : Optional.empty();
    }

    private static void checkRedirect(URI uri) {
        if (uri == null) {
            throw new InvalidInputException("redirectUri", "is required");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("redirectUri", "must be an absolute http or https URL, got " + uri);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("redirectUri", "must not have a fragment, got " + uri);
        }
    }

    /** A value the provider sent, capped, masked and neutralised for a message. */
    private static String clip(String text) {
        return PersonalDataMasker.standard().maskRemote(text);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Builds a {@link CitizenLoginClient}. Required: the provider ({@link #provider(OidcProvider)} or
     * {@link #discovery(URI)}), the client id and the client secret.
     */
    public static final class Builder {
        private OidcProvider provider;
        private URI discoveryIssuer;
        private URI discoveryDocument;
        private String clientId;
        private Secret clientSecret;
        private ClientAuthentication clientAuthentication = ClientAuthentication.FORM_FIELDS;
        private Secret stateKey;
        private Duration stateLifetime = DEFAULT_STATE_LIFETIME;
        private List<String> scopes = List.of("openid");
        private String acrValues;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Set<String> allowedAlgorithms = DEFAULT_ALGORITHMS;
        private boolean fetchUserInfo = true;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private Timeouts timeouts;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the provider's endpoints explicitly.
         *
         * @param provider the provider, for example {@link OidcProvider#wso2(URI)}
         * @return this builder
         */
        public Builder provider(OidcProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.discoveryIssuer = null;
            this.discoveryDocument = null;
            return this;
        }

        /**
         * Finds the provider's endpoints in its discovery document at
         * {@code {issuer}/.well-known/openid-configuration}, fetched on first use; the document must
         * name this issuer.
         *
         * @param issuer the issuer identifier
         * @return this builder
         */
        public Builder discovery(URI issuer) {
            return discovery(issuer, null);
        }

        /**
         * Finds the provider's endpoints in a discovery document at a non-standard URL (WSO2 serves
         * one at {@code /oauth2/oidcdiscovery/.well-known/openid-configuration}); the document must
         * name this issuer.
         *
         * @param issuer the issuer identifier
         * @param documentUrl the discovery document's URL, or {@code null} for the standard one
         * @return this builder
         */
        public Builder discovery(URI issuer, URI documentUrl) {
            if (issuer == null || !issuer.isAbsolute()) {
                throw new InvalidInputException("issuer", "must be an absolute URL, got " + issuer);
            }
            this.discoveryIssuer = issuer;
            this.discoveryDocument = documentUrl;
            this.provider = null;
            return this;
        }

        /**
         * Sets the client id (consumer key) registered with the provider.
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the client secret (consumer secret).
         *
         * @param clientSecret the secret
         * @return this builder
         */
        public Builder clientSecret(Secret clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets how the client authenticates to the token, introspection and revocation endpoints.
         *
         * @param clientAuthentication form fields (default, what the portal's integrations use) or Basic
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "clientAuthentication");
            return this;
        }

        /**
         * Sets the key the {@code state} is signed with (HMAC-SHA256). Give every instance of the
         * application the same key, so a login started on one node completes on another. Without
         * one, each client makes a random key: logins then do not survive a restart.
         *
         * @param stateKey a secret of at least 32 characters
         * @return this builder
         */
        public Builder stateKey(Secret stateKey) {
            if (stateKey == null || stateKey.value().getBytes(StandardCharsets.UTF_8).length < 32) {
                throw new InvalidInputException("stateKey", "must be at least 32 bytes long");
            }
            this.stateKey = stateKey;
            return this;
        }

        /**
         * Sets how long a started login may take before its state is refused.
         *
         * @param stateLifetime between 1 minute and 1 hour; default 10 minutes
         * @return this builder
         */
        public Builder stateLifetime(Duration stateLifetime) {
            if (stateLifetime == null || stateLifetime.compareTo(Duration.ofMinutes(1)) < 0
                    || stateLifetime.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException("stateLifetime", "must be between 1 minute and 1 hour, got " + stateLifetime);
            }
            this.stateLifetime = stateLifetime;
            return this;
        }

        /**
         * Sets the scopes requested; {@code openid} is always included.
         *
         * @param scopes the scopes, for example {@code openid}, {@code profile}
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            Set<String> all = new LinkedHashSet<>();
            all.add("openid");
            for (String s : scopes) {
                if (s == null || s.isBlank() || !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                    throw new InvalidInputException("scopes", "each scope must be a non-blank token without spaces,"
                            + " quotes or backslashes, got " + s);
                }
                all.add(s);
            }
            this.scopes = new ArrayList<>(all);
            return this;
        }

        /**
         * Requests an authentication context class, for example {@code LoA1} on the portal's SSO.
         *
         * @param acrValues the {@code acr_values} parameter, or {@code null} for none (the default)
         * @return this builder
         */
        public Builder acrValues(String acrValues) {
            if (acrValues != null && acrValues.isBlank()) {
                throw new InvalidInputException("acrValues", "must not be blank");
            }
            this.acrValues = acrValues;
            return this;
        }

        /**
         * Sets the clock skew tolerated on the ID token's {@code exp}, {@code iat} and {@code nbf}.
         *
         * @param clockSkew between 0 and 5 minutes; default 60 seconds
         * @return this builder
         */
        public Builder clockSkew(Duration clockSkew) {
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new InvalidInputException("clockSkew", "must be between 0 and 5 minutes, got " + clockSkew);
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /**
         * Sets the ID token signature algorithms accepted. Only asymmetric JWS algorithms
         * (RS256/384/512, PS256/384/512, ES256/384/512) can be allowed: {@code none} and the HMAC
         * algorithms (HS256/384/512) are refused here, because a public key must never serve as an
         * HMAC secret.
         *
         * @param algorithms the algorithm names; default RS256, PS256, ES256
         * @return this builder
         */
        public Builder allowedAlgorithms(String... algorithms) {
            if (algorithms == null || algorithms.length == 0) {
                throw new InvalidInputException("allowedAlgorithms", "must name at least one algorithm");
            }
            Set<String> set = new LinkedHashSet<>();
            for (String a : algorithms) {
                if (!IdTokenValidator.SUPPORTED.contains(a)) {
                    throw new InvalidInputException("allowedAlgorithms", "may contain only "
                            + new java.util.TreeSet<>(IdTokenValidator.SUPPORTED) + " (never none or an HMAC algorithm), got " + a);
                }
                set.add(a);
            }
            this.allowedAlgorithms = set;
            return this;
        }

        /**
         * Sets whether {@link CitizenLoginClient#complete} reads userinfo (default) or builds the
         * identity from the ID token's claims alone.
         *
         * @param fetchUserInfo whether to call the userinfo endpoint
         * @return this builder
         */
        public Builder fetchUserInfo(boolean fetchUserInfo) {
            this.fetchUserInfo = fetchUserInfo;
            return this;
        }

        /**
         * Sets the HTTP transport; the client never closes a transport given here.
         *
         * @param transport the transport; default a new one owned by the client
         * @return this builder
         */
        public Builder httpClient(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets the retry policy; only reads (discovery, JWKS, userinfo, introspection) and
         * revocation are ever retried, never the code exchange.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the timeouts.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Sets the clock ID token times and state expiry are checked with.
         *
         * @param clock the clock; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public CitizenLoginClient build() {
            if (provider == null && discoveryIssuer == null) {
                throw new InvalidInputException("provider", "is required: set provider(...) or discovery(issuer)");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new InvalidInputException("clientId", "is required");
            }
            if (clientSecret == null) {
                throw new InvalidInputException("clientSecret", "is required");
            }
            return new CitizenLoginClient(this);
        }
    }
}
