package vn.govsdk.testkit.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.internal.Html;
import vn.govsdk.testkit.internal.Json;

/**
 * A mock OpenID Connect provider: the public-service portal's SSO (a WSO2 Identity Server,
 * {@link #dvcqgSso(MockGovPlatform)} at {@code /sso}) or VNeID's Keycloak realm
 * ({@link #vneid(MockGovPlatform)} at {@code /vneid/auth/realms/citizen}). Written with Nimbus
 * JOSE+JWT directly, sharing no code with the SDK's login client. {@code docs/contracts/citizen-login.md}
 * describes every route.
 *
 * <p>What it does: discovery, a JWKS with key rotation ({@link #rotateKeys()}; the previous key stays
 * published for a grace period), the authorization endpoint with a small Vietnamese login page that
 * lists synthetic citizens to choose from (each a link), the token endpoint (authorization code
 * grant; client secret, redirect URI and PKCE S256 verifier checked; codes single-use and valid for
 * one minute), userinfo with the portal's claims ({@code SoDinhDanh}, {@code HoVaTen},
 * {@code NgayThangNamSinh}, ...), token introspection, revocation and RP-initiated logout.
 *
 * <p>Test hooks: {@link #issueNextIdToken(BadIdToken)} makes the next token response carry a
 * defective ID token. All time comes from the platform's clock. Thread-safe.
 */
public final class OpenIdProviderMock implements MockService {

    /** The client id registered by default. */
    public static final String DEFAULT_CLIENT_ID = "govsdk-demo-client";

    /** The secret of the default client (synthetic, for tests only). */
    public static final String DEFAULT_CLIENT_SECRET = "govsdk-demo-secret";

    /** How long a rotated-out signing key stays in the JWKS by default. */
    public static final Duration DEFAULT_KEY_GRACE_PERIOD = Duration.ofHours(24);

    /** How long an issued access token and ID token are valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /** How long an authorization code is valid. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(1);

    private static final Duration LOGIN_PAGE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final int LOGIN_PAGE_CITIZENS = 5;
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The business account listed last on the login page (a synthetic enterprise, valid tax code). */
    private static final String BUSINESS_TAX_CODE = "0100109106";

    private enum Flavour { WSO2, KEYCLOAK }

    private final MockGovPlatform platform;
    private final Flavour flavour;
    private final String prefix;
    private final String base;
    private final String name;
    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Pending> pendingLogins = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final AtomicReference<BadIdToken> nextBadToken = new AtomicReference<>();
    private final Object keyLock = new Object();
    private final AtomicInteger keyCounter = new AtomicInteger();
    private volatile Duration keyGracePeriod = DEFAULT_KEY_GRACE_PERIOD;
    private volatile boolean requirePkce;
    private volatile SigningKey current;
    private volatile SigningKey first;
    private volatile List<SigningKey> retired = List.of();
    private volatile RSAKey strayKey;

    private OpenIdProviderMock(MockGovPlatform platform, Flavour flavour, String prefix, String base, String name) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.flavour = flavour;
        this.prefix = prefix;
        this.base = base;
        this.name = name;
        registerDefaultClient();
    }

    /**
     * The national public-service portal's SSO (DVCQG SSO, a WSO2 Identity Server) under
     * {@code /sso}: {@code /sso/oauth2/authorize}, {@code /sso/oauth2/token}, ...; issuer
     * {@code {base}/sso/oauth2/token}, as WSO2 names itself.
     *
     * @param platform the platform it is mounted on (data, clock, base URL)
     * @return the provider, with {@link #DEFAULT_CLIENT_ID} registered
     */
    public static OpenIdProviderMock dvcqgSso(MockGovPlatform platform) {
        return new OpenIdProviderMock(platform, Flavour.WSO2, "/sso", "/sso", "Portal SSO (DVCQG, WSO2 IS)");
    }

    /**
     * VNeID's identity provider (a Keycloak realm {@code citizen}) under {@code /vneid}: endpoints
     * under {@code /vneid/auth/realms/citizen/protocol/openid-connect/}; issuer
     * {@code {base}/vneid/auth/realms/citizen}.
     *
     * @param platform the platform it is mounted on
     * @return the provider, with {@link #DEFAULT_CLIENT_ID} registered
     */
    public static OpenIdProviderMock vneid(MockGovPlatform platform) {
        return new OpenIdProviderMock(platform, Flavour.KEYCLOAK, "/vneid", "/vneid/auth/realms/citizen",
                "VNeID IdP (Keycloak realm citizen)");
    }

    // ------------------------------------------------------------------ configuration and hooks

    /**
     * Registers (or replaces) a relying party.
     *
     * @param client the client
     * @return this provider
     */
    public OpenIdProviderMock registerClient(RegisteredClient client) {
        clients.put(client.clientId(), Objects.requireNonNull(client, "client"));
        return this;
    }

    /**
     * Sets how long a rotated-out key stays published in the JWKS.
     *
     * @param gracePeriod zero or more
     * @return this provider
     */
    public OpenIdProviderMock keyGracePeriod(Duration gracePeriod) {
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("keyGracePeriod must not be negative, got " + gracePeriod);
        }
        this.keyGracePeriod = gracePeriod;
        return this;
    }

    /**
     * Makes PKCE mandatory: an authorization request without an S256 {@code code_challenge} is
     * refused. Off by default, as on the real portal SSO; a challenge that is sent is always checked.
     *
     * @param required whether PKCE is required
     * @return this provider
     */
    public OpenIdProviderMock requirePkce(boolean required) {
        this.requirePkce = required;
        return this;
    }

    /**
     * Makes the next successful token response carry a defective ID token; later ones are good.
     *
     * @param defect the defect
     */
    public void issueNextIdToken(BadIdToken defect) {
        nextBadToken.set(Objects.requireNonNull(defect, "defect"));
    }

    /**
     * Starts signing with a new key. The previous key stays in the JWKS for the grace period, so
     * tokens it signed still validate.
     *
     * @return the key id ({@code kid}) of the new signing key
     */
    public String rotateKeys() {
        synchronized (keyLock) {
            SigningKey old = signingKey();
            List<SigningKey> kept = new ArrayList<>(retired);
            kept.add(new SigningKey(old.key(), platform.clock().instant().plus(keyGracePeriod)));
            retired = List.copyOf(kept);
            current = new SigningKey(newKey(), null);
            return current.key().getKeyID();
        }
    }

    /**
     * Returns the key id of the current signing key.
     *
     * @return the {@code kid}
     */
    public String currentKeyId() {
        return signingKey().key().getKeyID();
    }

    /**
     * Returns the issuer identifier this provider puts in {@code iss}.
     *
     * @return the issuer URL
     */
    public URI issuer() {
        return URI.create(url(flavour == Flavour.WSO2 ? "/oauth2/token" : ""));
    }

    /**
     * Returns the URL of the discovery document ({@code {issuer}/.well-known/openid-configuration}).
     *
     * @return the discovery URL
     */
    public URI discoveryUrl() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /**
     * Returns the server base a client configures (the WSO2 server URL, or Keycloak's
     * {@code .../auth} base).
     *
     * @return the base URL, without a trailing slash
     */
    public URI serverBase() {
        return URI.create(flavour == Flavour.WSO2 ? url("") : platformUrl(prefix + "/auth"));
    }

    /**
     * Returns the synthetic citizens listed on the login page, in order.
     *
     * @return the citizens (adults, the first few of the population)
     */
    public List<SyntheticCitizen> loginPageCitizens() {
        List<SyntheticCitizen> list = new ArrayList<>();
        LocalDate today = platform.data().referenceDate();
        for (long i = 0; list.size() < LOGIN_PAGE_CITIZENS; i++) {
            SyntheticCitizen c = platform.data().citizen(i);
            if (c.ageOn(today) >= 18) {
                list.add(c);
            }
        }
        return List.copyOf(list);
    }

    // ------------------------------------------------------------------ MockService

    /**
     * Returns the name shown on the admin page.
     *
     * @return the provider's name
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * Returns the path prefix.
     *
     * @return {@code /sso} or {@code /vneid}
     */
    @Override
    public String pathPrefix() {
        return prefix;
    }

    /**
     * Forgets pending logins, codes and tokens, disarms any bad-token hook, restores the default
     * client registration, PKCE optional, the default grace period, and the first signing key.
     */
    @Override
    public void reset() {
        pendingLogins.clear();
        codes.clear();
        accessTokens.clear();
        nextBadToken.set(null);
        requirePkce = false;
        keyGracePeriod = DEFAULT_KEY_GRACE_PERIOD;
        clients.clear();
        registerDefaultClient();
        synchronized (keyLock) {
            // Back to the first signing key, with no rotated-out key published.
            retired = List.of();
            current = first;
        }
    }

    /**
     * Answers one request under this provider's prefix.
     *
     * @param request the request
     * @return the response
     */
    @Override
    public MockResponse handle(MockRequest request) {
        String path = request.path();
        if (!path.startsWith(base)) {
            return notFound(path);
        }
        String rest = path.substring(base.length());
        String method = request.method();
        try {
            if (rest.equals(discoveryPath()) || (flavour == Flavour.WSO2
                    && rest.equals("/oauth2/oidcdiscovery/.well-known/openid-configuration"))) {
                return onlyGet(method).orElseGet(this::discovery);
            }
            if (rest.equals(jwksPath())) {
                return onlyGet(method).orElseGet(this::jwks);
            }
            if (rest.equals(authorizePath())) {
                return onlyGet(method).orElseGet(() -> authorize(request));
            }
            if (rest.equals(loginPath())) {
                return onlyGet(method).orElseGet(() -> choose(request));
            }
            if (rest.equals(tokenPath())) {
                return onlyPost(method).orElseGet(() -> token(request));
            }
            if (rest.equals(userinfoPath())) {
                return method.equals("GET") || method.equals("POST") ? userinfo(request)
                        : methodNotAllowed("GET, POST");
            }
            if (rest.equals(introspectPath())) {
                return onlyPost(method).orElseGet(() -> introspect(request));
            }
            if (rest.equals(revokePath())) {
                return onlyPost(method).orElseGet(() -> revoke(request));
            }
            if (rest.equals(logoutPath())) {
                return method.equals("GET") || method.equals("POST") ? logout(request)
                        : methodNotAllowed("GET, POST");
            }
        } catch (IllegalArgumentException e) {
            return oauthError(400, "invalid_request", e.getMessage());
        }
        return notFound(path);
    }

    // ------------------------------------------------------------------ paths

    private String discoveryPath() {
        return flavour == Flavour.WSO2 ? "/oauth2/token/.well-known/openid-configuration"
                : "/.well-known/openid-configuration";
    }

    private String jwksPath() {
        return flavour == Flavour.WSO2 ? "/oauth2/jwks" : "/protocol/openid-connect/certs";
    }

    private String authorizePath() {
        return flavour == Flavour.WSO2 ? "/oauth2/authorize" : "/protocol/openid-connect/auth";
    }

    private String loginPath() {
        return flavour == Flavour.WSO2 ? "/commonauth" : "/login-actions/authenticate";
    }

    private String tokenPath() {
        return flavour == Flavour.WSO2 ? "/oauth2/token" : "/protocol/openid-connect/token";
    }

    private String userinfoPath() {
        return flavour == Flavour.WSO2 ? "/oauth2/userinfo" : "/protocol/openid-connect/userinfo";
    }

    private String introspectPath() {
        return flavour == Flavour.WSO2 ? "/oauth2/introspect" : "/protocol/openid-connect/token/introspect";
    }

    private String revokePath() {
        return flavour == Flavour.WSO2 ? "/oauth2/revoke" : "/protocol/openid-connect/revoke";
    }

    private String logoutPath() {
        return flavour == Flavour.WSO2 ? "/oidc/logout" : "/protocol/openid-connect/logout";
    }

    private String url(String rest) {
        return platformUrl(base + rest);
    }

    private String platformUrl(String path) {
        String b = platform.baseUrl().toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    // ------------------------------------------------------------------ discovery and keys

    private MockResponse discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer().toString());
        d.put("authorization_endpoint", url(authorizePath()));
        d.put("token_endpoint", url(tokenPath()));
        d.put("userinfo_endpoint", url(userinfoPath()));
        d.put("jwks_uri", url(jwksPath()));
        d.put("introspection_endpoint", url(introspectPath()));
        d.put("revocation_endpoint", url(revokePath()));
        d.put("end_session_endpoint", url(logoutPath()));
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("scopes_supported", List.of("openid", "profile"));
        d.put("acr_values_supported", List.of("LoA1"));
        d.put("claims_supported", List.of("sub", "TechID", "LoaiTaiKhoan", "SoDinhDanh", "SoCMND", "HoChieu",
                "MaSoThue", "MaSoDoanhNghiep", "HoVaTen", "NgayThangNamSinh", "loginIdp", "loAs"));
        return MockResponse.json(200, Json.write(d));
    }

    private MockResponse jwks() {
        List<JWK> keys = new ArrayList<>();
        keys.add(signingKey().key().toPublicJWK());
        Instant now = platform.clock().instant();
        for (SigningKey k : retired) {
            if (k.retiredUntil().isAfter(now)) {
                keys.add(k.key().toPublicJWK());
            }
        }
        return MockResponse.json(200, new JWKSet(keys).toString(true))
                .withHeader("Cache-Control", "max-age=300");
    }

    private SigningKey signingKey() {
        SigningKey k = current;
        if (k == null) {
            synchronized (keyLock) {
                if (current == null) {
                    if (first == null) {
                        first = new SigningKey(newKey(), null);
                    }
                    current = first;
                }
                k = current;
            }
        }
        return k;
    }

    private RSAKey newKey() {
        String kid = (flavour == Flavour.WSO2 ? "sso-" : "vneid-") + "key-" + keyCounter.incrementAndGet();
        return generate(kid);
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ authorize and the login page

    private MockResponse authorize(MockRequest request) {
        String clientId = request.queryParameter("client_id").orElse("");
        String redirectUri = request.queryParameter("redirect_uri").orElse("");
        RegisteredClient client = clients.get(clientId);
        if (client == null) {
            return page(400, "Lỗi đăng nhập", "<p>Ứng dụng không được đăng ký (unknown client_id).</p>");
        }
        if (!client.allowsRedirect(redirectUri)) {
            return page(400, "Lỗi đăng nhập",
                    "<p>Địa chỉ chuyển hướng không được phép (redirect_uri not registered for this client).</p>");
        }
        Optional<String> state = request.queryParameter("state");
        if (!request.queryParameter("response_type").orElse("").equals("code")) {
            return redirectError(redirectUri, "unsupported_response_type", "only response_type=code is supported", state);
        }
        String scope = request.queryParameter("scope").orElse("");
        if (!List.of(scope.split(" ")).contains("openid")) {
            return redirectError(redirectUri, "invalid_scope", "scope must contain openid", state);
        }
        Optional<String> challenge = request.queryParameter("code_challenge");
        String method = request.queryParameter("code_challenge_method").orElse("plain");
        if (challenge.isPresent() && !method.equals("S256")) {
            return redirectError(redirectUri, "invalid_request", "code_challenge_method must be S256", state);
        }
        if (challenge.isPresent() && !challenge.get().matches("[A-Za-z0-9_-]{43}")) {
            return redirectError(redirectUri, "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier (43 characters)", state);
        }
        if (challenge.isEmpty() && requirePkce) {
            return redirectError(redirectUri, "invalid_request", "code_challenge (PKCE, S256) is required", state);
        }
        Instant now = platform.clock().instant();
        prune(now);
        if (pendingLogins.size() >= MAX_PENDING) {
            return page(503, "Hệ thống bận", "<p>Quá nhiều phiên đăng nhập đang chờ (too many pending logins).</p>");
        }
        String key = randomToken();
        pendingLogins.put(key, new Pending(clientId, redirectUri, state.orElse(null),
                request.queryParameter("nonce").orElse(null), challenge.orElse(null), scope,
                request.queryParameter("acr_values").orElse("LoA1"), now.plus(LOGIN_PAGE_LIFETIME)));
        return loginPage(key);
    }

    private MockResponse loginPage(String key) {
        String action = Html.escape(url(loginPath()));
        StringBuilder body = new StringBuilder();
        body.append("<p>Chọn tài khoản để đăng nhập (choose a synthetic account):</p>\n<ul class=\"accounts\">\n");
        for (SyntheticCitizen c : loginPageCitizens()) {
            body.append("<li><a class=\"citizen\" id=\"citizen-").append(c.index()).append("\" data-index=\"")
                    .append(c.index()).append("\" href=\"").append(action).append("?sessionDataKey=")
                    .append(key).append("&amp;citizen=").append(c.index()).append("\">")
                    .append(Html.escape(c.fullName())).append("</a> <span class=\"id\">")
                    .append(Html.escape(c.citizenId())).append("</span> <span class=\"dob\">")
                    .append(c.birthDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .append("</span></li>\n");
        }
        SyntheticCitizen rep = loginPageCitizens().get(0);
        body.append("<li><a class=\"business\" id=\"business\" href=\"").append(action).append("?sessionDataKey=")
                .append(key).append("&amp;business=").append(rep.index()).append("\">Tổ chức / doanh nghiệp (")
                .append(BUSINESS_TAX_CODE).append("), người đại diện ").append(Html.escape(rep.fullName()))
                .append("</a></li>\n</ul>\n");
        body.append("<form method=\"get\" action=\"").append(action).append("\">\n")
                .append("<input type=\"hidden\" name=\"sessionDataKey\" value=\"").append(key).append("\">\n")
                .append("<label>Hoặc nhập số định danh cá nhân của công dân tổng hợp: ")
                .append("<input name=\"citizenId\" id=\"citizenId\" inputmode=\"numeric\" maxlength=\"12\"></label>\n")
                .append("<button type=\"submit\" id=\"login-by-id\">Đăng nhập</button>\n</form>\n");
        body.append("<p><a id=\"deny\" href=\"").append(action).append("?sessionDataKey=").append(key)
                .append("&amp;deny=1\">Hủy đăng nhập</a></p>\n");
        return page(200, "Đăng nhập bằng tài khoản định danh điện tử", body.toString());
    }

    private MockResponse choose(MockRequest request) {
        String key = request.queryParameter("sessionDataKey").orElse("");
        Pending pending = pendingLogins.remove(key);
        Instant now = platform.clock().instant();
        if (pending == null || pending.expiresAt().isBefore(now)) {
            return page(400, "Phiên đăng nhập không hợp lệ",
                    "<p>Phiên đăng nhập đã hết hạn hoặc không tồn tại (unknown or expired sessionDataKey).</p>");
        }
        Optional<String> state = Optional.ofNullable(pending.state());
        if (request.queryParameter("deny").isPresent()) {
            return redirectError(pending.redirectUri(), "access_denied", "the user cancelled the login", state);
        }
        Account account;
        try {
            account = account(request);
        } catch (IllegalArgumentException e) {
            pendingLogins.put(key, pending);
            return page(400, "Không tìm thấy công dân", "<p>" + Html.escape(e.getMessage()) + "</p>"
                    + "<p><a href=\"javascript:history.back()\">Quay lại</a></p>");
        }
        String code = randomToken();
        codes.put(code, new CodeGrant(pending, account, now.plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(pending.redirectUri())
                .append(pending.redirectUri().contains("?") ? '&' : '?')
                .append("code=").append(enc(code));
        state.ifPresent(s -> location.append("&state=").append(enc(s)));
        if (flavour == Flavour.KEYCLOAK) {
            location.append("&session_state=").append(enc(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                    .toString()));
        }
        return redirect(location.toString());
    }

    private Account account(MockRequest request) {
        Optional<String> index = request.queryParameter("citizen");
        Optional<String> business = request.queryParameter("business");
        Optional<String> citizenId = request.queryParameter("citizenId");
        if (business.isPresent()) {
            return new Account(citizen(business.get()), true);
        }
        if (index.isPresent()) {
            return new Account(citizen(index.get()), false);
        }
        if (citizenId.isPresent()) {
            String id = citizenId.get().trim();
            if (!id.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("Số định danh phải gồm 12 chữ số (citizenId must be 12 digits).");
            }
            return new Account(platform.data().findByCitizenId(id).orElseThrow(() -> new IllegalArgumentException(
                    "Không có công dân tổng hợp với số định danh này (no synthetic citizen has this ID).")), false);
        }
        throw new IllegalArgumentException("Chưa chọn tài khoản (choose an account).");
    }

    private SyntheticCitizen citizen(String index) {
        long i;
        try {
            i = Long.parseLong(index);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("citizen must be a number, got " + index);
        }
        if (i < 0 || i >= platform.data().population()) {
            throw new IllegalArgumentException("citizen must be between 0 and " + (platform.data().population() - 1));
        }
        return platform.data().citizen(i);
    }

    // ------------------------------------------------------------------ token endpoint

    private MockResponse token(MockRequest request) {
        Map<String, String> form = form(request);
        Optional<RegisteredClient> client = authenticateClient(request, form);
        if (client.isEmpty()) {
            return oauthError(401, "invalid_client", "client authentication failed")
                    .withHeader("WWW-Authenticate", "Basic realm=\"govsdk mock SSO\"");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "only grant_type=authorization_code is supported");
        }
        String code = form.getOrDefault("code", "");
        CodeGrant grant = codes.remove(code); // single use: gone after the first attempt, right or wrong
        Instant now = platform.clock().instant();
        if (grant == null || grant.expiresAt().isBefore(now)) {
            return oauthError(400, "invalid_grant", "the authorization code is unknown, used or expired");
        }
        Pending p = grant.pending();
        if (!p.clientId().equals(client.get().clientId())) {
            return oauthError(400, "invalid_grant", "the authorization code was issued to another client");
        }
        if (!p.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (p.codeChallenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null) {
                return oauthError(400, "invalid_grant", "code_verifier is required (PKCE)");
            }
            if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
                return oauthError(400, "invalid_grant", "code_verifier must be 43 to 128 unreserved characters");
            }
            if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                    p.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
                return oauthError(400, "invalid_grant", "PKCE verification failed: code_verifier does not match code_challenge");
            }
        }
        String accessToken = randomToken();
        Instant exp = now.plus(TOKEN_LIFETIME);
        accessTokens.put(accessToken, new AccessGrant(grant.account(), p.clientId(), p.scope(), now, exp));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        body.put("scope", p.scope());
        body.put("id_token", idToken(grant.account(), p, now));
        return MockResponse.json(200, Json.write(body))
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    private String idToken(Account account, Pending p, Instant now) {
        BadIdToken defect = nextBadToken.getAndSet(null);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(defect == BadIdToken.WRONG_ISSUER ? platformUrl("/evil-idp") : issuer().toString())
                .subject(techId(account))
                .audience(defect == BadIdToken.WRONG_AUDIENCE ? "some-other-client" : p.clientId())
                .issueTime(Date.from(defect == BadIdToken.EXPIRED ? now.minus(Duration.ofHours(2)) : now))
                .expirationTime(Date.from(defect == BadIdToken.EXPIRED ? now.minus(Duration.ofHours(1))
                        : now.plus(TOKEN_LIFETIME)))
                .claim("auth_time", now.getEpochSecond())
                .claim("azp", p.clientId())
                .claim("acr", p.acr());
        if (p.nonce() != null || defect == BadIdToken.WRONG_NONCE) {
            claims.claim("nonce", defect == BadIdToken.WRONG_NONCE ? "not-the-nonce-you-sent" : p.nonce());
        }
        if (flavour == Flavour.KEYCLOAK) {
            claims.claim("preferred_username", account.citizen().citizenId());
        }
        JWTClaimsSet set = claims.build();
        try {
            if (defect == BadIdToken.ALG_NONE) {
                return new PlainJWT(set).serialize();
            }
            if (defect == BadIdToken.HS256_WITH_PUBLIC_KEY) {
                RSAKey key = signingKey().key();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), set);
                jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
                return jwt.serialize();
            }
            RSAKey key = defect == BadIdToken.UNKNOWN_KEY_ID ? strayKey() : signingKey().key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), set);
            jwt.sign(new RSASSASigner(key));
            String token = jwt.serialize();
            if (defect == BadIdToken.ALTERED_PAYLOAD) {
                String[] parts = token.split("\\.");
                Map<String, Object> altered = new LinkedHashMap<>(set.toJSONObject());
                altered.put("sub", "altered-" + altered.get("sub"));
                Payload payload = new Payload(altered);
                return parts[0] + "." + payload.toBase64URL() + "." + parts[2];
            }
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the ID token: " + e.getMessage(), e);
        }
    }

    private RSAKey strayKey() {
        RSAKey k = strayKey;
        if (k == null) {
            synchronized (keyLock) {
                if (strayKey == null) {
                    strayKey = generate("never-published-key");
                }
                k = strayKey;
            }
        }
        return k;
    }

    private Optional<RegisteredClient> authenticateClient(MockRequest request, Map<String, String> form) {
        String id = null;
        String secret = null;
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } else if (form.containsKey("client_id") && form.containsKey("client_secret")) {
            id = form.get("client_id");
            secret = form.get("client_secret");
        }
        if (id == null) {
            return Optional.empty();
        }
        RegisteredClient client = clients.get(id);
        if (client == null || !MessageDigest.isEqual(client.clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    // ------------------------------------------------------------------ userinfo, introspection, revocation

    private MockResponse userinfo(MockRequest request) {
        Optional<String> authorization = request.header("Authorization");
        String token = authorization.filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).trim()).orElse(null);
        AccessGrant grant = token == null ? null : accessTokens.get(token);
        if (grant == null || grant.expiresAt().isBefore(platform.clock().instant())) {
            return oauthError(401, "invalid_token", "the access token is missing, unknown, revoked or expired")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return MockResponse.json(200, Json.write(userClaims(grant.account())));
    }

    private Map<String, Object> userClaims(Account account) {
        SyntheticCitizen c = account.citizen();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sub", techId(account));
        m.put("TechID", techId(account));
        m.put("LoaiTaiKhoan", account.business() ? "2" : "1");
        m.put("SoDinhDanh", c.citizenId());
        m.put("HoVaTen", c.fullName());
        m.put("NgayThangNamSinh", c.birthDate().format(YYYYMMDD));
        if (account.business()) {
            m.put("MaSoThue", BUSINESS_TAX_CODE);
            m.put("MaSoDoanhNghiep", BUSINESS_TAX_CODE);
        }
        m.put("loginIdp", "BCA");
        m.put("loAs", "LoA1");
        if (flavour == Flavour.KEYCLOAK) {
            m.put("preferred_username", c.citizenId());
        }
        return m;
    }

    private String techId(Account account) {
        String seed = platform.seed() + ":" + account.citizen().index() + (account.business() ? ":business" : "");
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private MockResponse introspect(MockRequest request) {
        Map<String, String> form = form(request);
        if (authenticateClient(request, form).isEmpty()) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        String token = form.get("token");
        if (token == null) {
            return oauthError(400, "invalid_request", "token is required");
        }
        AccessGrant grant = accessTokens.get(token);
        Instant now = platform.clock().instant();
        Map<String, Object> m = new LinkedHashMap<>();
        if (grant == null || grant.expiresAt().isBefore(now)) {
            m.put("active", false);
            return MockResponse.json(200, Json.write(m));
        }
        m.put("active", true);
        m.put("client_id", grant.clientId());
        m.put("sub", techId(grant.account()));
        m.put("scope", grant.scope());
        m.put("token_type", "Bearer");
        m.put("iat", grant.issuedAt().getEpochSecond());
        m.put("exp", grant.expiresAt().getEpochSecond());
        m.put("iss", issuer().toString());
        return MockResponse.json(200, Json.write(m));
    }

    private MockResponse revoke(MockRequest request) {
        Map<String, String> form = form(request);
        Optional<RegisteredClient> client = authenticateClient(request, form);
        if (client.isEmpty()) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        String token = form.get("token");
        if (token == null) {
            return oauthError(400, "invalid_request", "token is required");
        }
        AccessGrant grant = accessTokens.get(token);
        if (grant != null && grant.clientId().equals(client.get().clientId())) {
            accessTokens.remove(token);
        }
        // RFC 7009: 200 whether or not the token was known.
        return MockResponse.of(200, "text/plain; charset=utf-8", "");
    }

    // ------------------------------------------------------------------ logout

    private MockResponse logout(MockRequest request) {
        Map<String, String> params = new LinkedHashMap<>(form(request));
        request.query().forEach((k, v) -> params.putIfAbsent(k, v.isEmpty() ? "" : v.get(0)));
        String hint = params.get("id_token_hint");
        String clientId = params.get("client_id");
        if (hint != null) {
            Optional<String> audience = verifiedAudience(hint);
            if (audience.isEmpty()) {
                return page(400, "Đăng xuất thất bại", "<p>id_token_hint không hợp lệ (invalid id_token_hint).</p>");
            }
            clientId = audience.get();
        }
        String postLogout = params.get("post_logout_redirect_uri");
        if (postLogout != null) {
            RegisteredClient client = clientId == null ? null : clients.get(clientId);
            if (client == null || !client.allowsRedirect(postLogout)) {
                return page(400, "Đăng xuất thất bại",
                        "<p>post_logout_redirect_uri không được phép (not allowed for this client).</p>");
            }
            String state = params.get("state");
            return redirect(postLogout + (state == null ? "" : (postLogout.contains("?") ? "&" : "?")
                    + "state=" + enc(state)));
        }
        return page(200, "Đã đăng xuất", "<p>Bạn đã đăng xuất khỏi hệ thống (you are logged out).</p>");
    }

    private Optional<String> verifiedAudience(String idToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            List<RSAKey> candidates = new ArrayList<>();
            candidates.add(signingKey().key());
            retired.forEach(k -> candidates.add(k.key()));
            for (RSAKey k : candidates) {
                if (k.getKeyID().equals(jwt.getHeader().getKeyID()) && jwt.verify(new RSASSAVerifier(k))) {
                    if (!issuer().toString().equals(jwt.getJWTClaimsSet().getIssuer())) {
                        return Optional.empty();
                    }
                    List<String> aud = jwt.getJWTClaimsSet().getAudience();
                    return aud.isEmpty() ? Optional.empty() : Optional.of(aud.get(0));
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private void registerDefaultClient() {
        clients.put(DEFAULT_CLIENT_ID, new RegisteredClient(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, List.of(), true));
    }

    private void prune(Instant now) {
        for (Iterator<Pending> it = pendingLogins.values().iterator(); it.hasNext();) {
            if (it.next().expiresAt().isBefore(now)) {
                it.remove();
            }
        }
        codes.values().removeIf(g -> g.expiresAt().isBefore(now));
        accessTokens.values().removeIf(g -> g.expiresAt().isBefore(now));
    }

    private static Map<String, String> form(MockRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!request.method().equals("POST") || !type.startsWith("application/x-www-form-urlencoded")) {
            return fields;
        }
        String body = request.bodyAsString();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(k, v);
        }
        return fields;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static MockResponse redirect(String location) {
        return MockResponse.of(302, "text/plain; charset=utf-8", "").withHeader("Location", location)
                .withHeader("Cache-Control", "no-store");
    }

    private static MockResponse redirectError(String redirectUri, String error, String description,
            Optional<String> state) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("error=").append(enc(error)).append("&error_description=").append(enc(description));
        state.ifPresent(s -> location.append("&state=").append(enc(s)));
        return redirect(location.toString());
    }

    private static MockResponse oauthError(int status, String error, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("error_description", description);
        return MockResponse.json(status, Json.write(m)).withHeader("Cache-Control", "no-store");
    }

    private static MockResponse notFound(String path) {
        return oauthError(404, "not_found", "no OpenID provider endpoint at " + path);
    }

    private static Optional<MockResponse> onlyGet(String method) {
        return method.equals("GET") || method.equals("HEAD") ? Optional.empty()
                : Optional.of(methodNotAllowed("GET"));
    }

    private static Optional<MockResponse> onlyPost(String method) {
        return method.equals("POST") ? Optional.empty() : Optional.of(methodNotAllowed("POST"));
    }

    private static MockResponse methodNotAllowed(String allowed) {
        return oauthError(405, "invalid_request", "method not allowed; use " + allowed).withHeader("Allow", allowed);
    }

    private MockResponse page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}li{margin:.5em 0}"
                + ".id,.dob{color:#666;font-size:.9em}</style></head>\n<body>\n"
                + "<h1>" + Html.escape(title) + "</h1>\n<p class=\"provider\">" + Html.escape(name)
                + " &mdash; máy chủ giả lập govsdk, dữ liệu tổng hợp (synthetic data only)</p>\n"
                + body + "</body>\n</html>\n";
        return MockResponse.of(status, "text/html; charset=utf-8", html).withHeader("Cache-Control", "no-store");
    }

    private record SigningKey(RSAKey key, Instant retiredUntil) {
    }

    private record Pending(String clientId, String redirectUri, String state, String nonce, String codeChallenge,
            String scope, String acr, Instant expiresAt) {
    }

    private record Account(SyntheticCitizen citizen, boolean business) {
    }

    private record CodeGrant(Pending pending, Account account, Instant expiresAt) {
    }

    private record AccessGrant(Account account, String clientId, String scope, Instant issuedAt, Instant expiresAt) {
    }
}
