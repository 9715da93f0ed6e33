package vn.govsdk.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticCitizen;

/** The mock OpenID provider on the wire, driven by hand (no SDK client), tokens checked with Nimbus. */
class OpenIdProviderMockTest {

    static final String CALLBACK = "http://127.0.0.1:7000/cb";
    static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-abc";
    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    static MockGovPlatform platform;
    static OpenIdProviderMock sso;
    static OpenIdProviderMock vneid;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(3).service(OpenIdProviderMock::dvcqgSso)
                .service(OpenIdProviderMock::vneid).build();
        sso = (OpenIdProviderMock) platform.service("/sso").orElseThrow();
        vneid = (OpenIdProviderMock) platform.service("/vneid").orElseThrow();
    }

    @AfterEach
    void reset() {
        platform.reset();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // ------------------------------------------------------------------ helpers

    static Response get(String url) {
        try {
            return HTTP.newCall(new Request.Builder().url(url).build()).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response post(String url, Map<String, String> form, String basic) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder r = new Request.Builder().url(url).post(body.build());
        if (basic != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.newCall(r.build()).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String body(Response r) {
        try (r) {
            return r.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(body(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static String authorizeUrl(OpenIdProviderMock idp, String path, Map<String, String> params) {
        HttpUrl.Builder url = HttpUrl.get(idp.serverBase() + path).newBuilder();
        params.forEach(url::addQueryParameter);
        return url.build().toString();
    }

    static Map<String, String> standardParams() throws Exception {
        return new java.util.LinkedHashMap<>(Map.of("response_type", "code", "client_id",
                OpenIdProviderMock.DEFAULT_CLIENT_ID, "redirect_uri", CALLBACK, "scope", "openid", "state", "st-1",
                "nonce", "no-1", "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"));
    }

    static List<String> links(String page) {
        Matcher m = Pattern.compile("<a class=\"citizen\"[^>]*href=\"([^\"]+)\"").matcher(page);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    /** Authorizes at the WSO2 mock and picks the n-th citizen; returns the code. */
    static String code(int n) throws Exception {
        String page = body(get(authorizeUrl(sso, "/oauth2/authorize", standardParams())));
        Response chosen = get(links(page).get(n));
        assertThat(chosen.code()).isEqualTo(302);
        HttpUrl location = HttpUrl.get(chosen.header("Location"));
        chosen.close();
        assertThat(location.queryParameter("state")).isEqualTo("st-1");
        return location.queryParameter("code");
    }

    static Response token(String code, String verifier) {
        return post(sso.serverBase() + "/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", verifier, "client_id", OpenIdProviderMock.DEFAULT_CLIENT_ID,
                "client_secret", OpenIdProviderMock.DEFAULT_CLIENT_SECRET), null);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void discoveryNamesEveryEndpointForBothFlavours() {
        JsonNode wso2 = json(get(sso.discoveryUrl().toString()));
        assertThat(wso2.get("issuer").asText()).isEqualTo(sso.issuer().toString()).endsWith("/sso/oauth2/token");
        assertThat(wso2.get("authorization_endpoint").asText()).isEqualTo(sso.serverBase() + "/oauth2/authorize");
        assertThat(wso2.get("end_session_endpoint").asText()).isEqualTo(sso.serverBase() + "/oidc/logout");
        assertThat(wso2.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(json(get(sso.serverBase() + "/oauth2/oidcdiscovery/.well-known/openid-configuration")))
                .isEqualTo(wso2);

        JsonNode kc = json(get(vneid.discoveryUrl().toString()));
        assertThat(kc.get("issuer").asText()).endsWith("/vneid/auth/realms/citizen");
        assertThat(kc.get("jwks_uri").asText()).isEqualTo(vneid.issuer() + "/protocol/openid-connect/certs");
        assertThat(kc.get("introspection_endpoint").asText())
                .isEqualTo(vneid.issuer() + "/protocol/openid-connect/token/introspect");
    }

    @Test
    void handDrivenCodeFlowGivesAVerifiableIdTokenAndThePortalClaims() throws Exception {
        SyntheticCitizen citizen = sso.loginPageCitizens().get(3);
        String page = body(get(authorizeUrl(sso, "/oauth2/authorize", standardParams())));
        assertThat(page).contains("<meta charset=\"utf-8\">").contains(citizen.fullName()).contains("Hủy đăng nhập");
        assertThat(links(page)).hasSize(5);

        String code;
        try (Response chosen = get(links(page).get(3))) {
            HttpUrl location = HttpUrl.get(chosen.header("Location"));
            assertThat(location.toString()).startsWith(CALLBACK + "?code=");
            code = location.queryParameter("code");
        }
        JsonNode tokens = json(token(code, VERIFIER));
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);

        SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asText());
        JWKSet jwks = JWKSet.parse(body(get(sso.serverBase() + "/oauth2/jwks")));
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(idToken.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(key.isPrivate()).as("the JWKS publishes public keys only").isFalse();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(sso.issuer().toString());
        assertThat(claims.getAudience()).containsExactly(OpenIdProviderMock.DEFAULT_CLIENT_ID);
        assertThat(claims.getClaim("nonce")).isEqualTo("no-1");
        assertThat(claims.getClaim("acr")).isEqualTo("LoA1");

        Request userinfo = new Request.Builder().url(sso.serverBase() + "/oauth2/userinfo")
                .header("Authorization", "Bearer " + tokens.get("access_token").asText()).build();
        JsonNode info;
        try (Response r = HTTP.newCall(userinfo).execute()) {
            info = JSON.readTree(r.body().string());
        }
        assertThat(info.get("sub").asText()).isEqualTo(claims.getSubject());
        assertThat(info.get("SoDinhDanh").asText()).isEqualTo(citizen.citizenId());
        assertThat(info.get("HoVaTen").asText()).isEqualTo(citizen.fullName());
        assertThat(info.get("NgayThangNamSinh").asText()).isEqualTo(citizen.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(info.get("LoaiTaiKhoan").asText()).isEqualTo("1");
        assertThat(info.get("loginIdp").asText()).isEqualTo("BCA");
    }

    @Test
    void authorizeRefusesUnknownClientsAndRedirectsOnPageNeverRedirecting() throws Exception {
        Map<String, String> unknownClient = standardParams();
        unknownClient.put("client_id", "nobody");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", unknownClient))) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header("Location")).isNull();
        }
        Map<String, String> foreignRedirect = standardParams();
        foreignRedirect.put("redirect_uri", "https://evil.example/cb");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", foreignRedirect))) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header("Location")).isNull();
        }
        sso.registerClient(new RegisteredClient("dept-portal", "s3cret", List.of(URI.create("https://dept.example/cb")),
                false));
        Map<String, String> registered = standardParams();
        registered.put("client_id", "dept-portal");
        registered.put("redirect_uri", "https://dept.example/cb");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", registered))) {
            assertThat(r.code()).isEqualTo(200);
        }
        registered.put("redirect_uri", CALLBACK);
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", registered))) {
            assertThat(r.code()).as("loopback not allowed for this client").isEqualTo(400);
        }
    }

    @Test
    void authorizeErrorsAboutTheRequestGoBackToTheClient() throws Exception {
        Map<String, String> noOpenid = standardParams();
        noOpenid.put("scope", "profile");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", noOpenid))) {
            HttpUrl location = HttpUrl.get(r.header("Location"));
            assertThat(location.queryParameter("error")).isEqualTo("invalid_scope");
            assertThat(location.queryParameter("state")).isEqualTo("st-1");
        }
        Map<String, String> plain = standardParams();
        plain.put("code_challenge_method", "plain");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", plain))) {
            assertThat(HttpUrl.get(r.header("Location")).queryParameter("error")).isEqualTo("invalid_request");
        }
        sso.requirePkce(true);
        Map<String, String> noPkce = standardParams();
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        try (Response r = get(authorizeUrl(sso, "/oauth2/authorize", noPkce))) {
            assertThat(HttpUrl.get(r.header("Location")).queryParameter("error_description")).contains("PKCE");
        }
    }

    @Test
    void tokenEndpointChecksSecretVerifierRedirectAndSingleUse() throws Exception {
        String code = code(0);
        try (Response r = post(sso.serverBase() + "/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER), OpenIdProviderMock.DEFAULT_CLIENT_ID + ":wrong")) {
            assertThat(r.code()).isEqualTo(401);
            assertThat(JSON.readTree(r.body().string()).get("error").asText()).isEqualTo("invalid_client");
        }
        // The wrong secret did not consume the code; Basic authentication works too.
        try (Response r = post(sso.serverBase() + "/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER),
                OpenIdProviderMock.DEFAULT_CLIENT_ID + ":" + OpenIdProviderMock.DEFAULT_CLIENT_SECRET)) {
            assertThat(r.code()).isEqualTo(200);
        }
        JsonNode reused = json(token(code, VERIFIER));
        assertThat(reused.get("error").asText()).isEqualTo("invalid_grant");

        JsonNode wrongVerifier = json(token(code(1), VERIFIER.replace('a', 'b')));
        assertThat(wrongVerifier.get("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrongVerifier.get("error_description").asText()).contains("PKCE");

        String another = code(1);
        try (Response r = post(sso.serverBase() + "/oauth2/token", Map.of("grant_type", "authorization_code", "code",
                another, "redirect_uri", "http://127.0.0.1:7000/other", "code_verifier", VERIFIER, "client_id",
                OpenIdProviderMock.DEFAULT_CLIENT_ID, "client_secret", OpenIdProviderMock.DEFAULT_CLIENT_SECRET), null)) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.body().string()).contains("redirect_uri");
        }
        try (Response r = get(sso.serverBase() + "/oauth2/token")) {
            assertThat(r.code()).isEqualTo(405);
        }
    }

    @Test
    void anySyntheticCitizenCanLogInByIdAndAWrongIdKeepsTheLoginPageUsable() throws Exception {
        SyntheticCitizen citizen = platform.data().citizen(12_345);
        String page = body(get(authorizeUrl(sso, "/oauth2/authorize", standardParams())));
        String key = page.replaceAll("(?s).*name=\"sessionDataKey\" value=\"([^\"]+)\".*", "$1");
        try (Response r = get(sso.serverBase() + "/commonauth?sessionDataKey=" + key + "&citizenId=123")) {
            assertThat(r.code()).isEqualTo(400);
        }
        String code;
        try (Response r = get(sso.serverBase() + "/commonauth?sessionDataKey=" + key + "&citizenId=" + citizen.citizenId())) {
            assertThat(r.code()).isEqualTo(302);
            code = HttpUrl.get(r.header("Location")).queryParameter("code");
        }
        JsonNode tokens = json(token(code, VERIFIER));
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("id_token").asText()).getJWTClaimsSet();
        Request userinfo = new Request.Builder().url(sso.serverBase() + "/oauth2/userinfo").post(
                new FormBody.Builder().build()).header("Authorization", "Bearer " + tokens.get("access_token").asText())
                .build();
        try (Response r = HTTP.newCall(userinfo).execute()) {
            JsonNode info = JSON.readTree(r.body().string());
            assertThat(info.get("HoVaTen").asText()).isEqualTo(citizen.fullName());
            assertThat(info.get("sub").asText()).isEqualTo(claims.getSubject());
        }
    }

    @Test
    void defectiveTokensAreIssuedOnceThenGoodOnesAgain() throws Exception {
        sso.issueNextIdToken(BadIdToken.ALG_NONE);
        assertThat(JWTParser.parse(json(token(code(0), VERIFIER)).get("id_token").asText())).isInstanceOf(PlainJWT.class);
        sso.issueNextIdToken(BadIdToken.HS256_WITH_PUBLIC_KEY);
        assertThat(SignedJWT.parse(json(token(code(0), VERIFIER)).get("id_token").asText()).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.HS256);
        sso.issueNextIdToken(BadIdToken.ALTERED_PAYLOAD);
        SignedJWT altered = SignedJWT.parse(json(token(code(0), VERIFIER)).get("id_token").asText());
        RSAKey key = (RSAKey) JWKSet.parse(body(get(sso.serverBase() + "/oauth2/jwks"))).getKeys().get(0);
        assertThat(altered.verify(new RSASSAVerifier(key))).isFalse();
        SignedJWT good = SignedJWT.parse(json(token(code(0), VERIFIER)).get("id_token").asText());
        assertThat(good.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void introspectionAndRevocationNeedClientAuthentication() throws Exception {
        String access = json(token(code(0), VERIFIER)).get("access_token").asText();
        try (Response r = post(sso.serverBase() + "/oauth2/introspect", Map.of("token", access), null)) {
            assertThat(r.code()).isEqualTo(401);
        }
        String client = OpenIdProviderMock.DEFAULT_CLIENT_ID + ":" + OpenIdProviderMock.DEFAULT_CLIENT_SECRET;
        assertThat(json(post(sso.serverBase() + "/oauth2/introspect", Map.of("token", access), client))
                .get("active").asBoolean()).isTrue();
        try (Response r = post(sso.serverBase() + "/oauth2/revoke", Map.of("token", access), "x:y")) {
            assertThat(r.code()).isEqualTo(401);
        }
        assertThat(json(post(sso.serverBase() + "/oauth2/introspect", Map.of("token", access), client))
                .get("active").asBoolean()).as("a refused revocation revokes nothing").isTrue();
        try (Response r = post(sso.serverBase() + "/oauth2/revoke", Map.of("token", access), client)) {
            assertThat(r.code()).isEqualTo(200);
        }
        assertThat(json(post(sso.serverBase() + "/oauth2/introspect", Map.of("token", access), client))
                .get("active").asBoolean()).isFalse();
    }

    @Test
    void logoutChecksTheHintAndTheRedirect() throws Exception {
        String idToken = json(token(code(0), VERIFIER)).get("id_token").asText();
        try (Response r = get(sso.serverBase() + "/oidc/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=http://127.0.0.1:7000/bye&state=s")) {
            assertThat(r.code()).isEqualTo(302);
            assertThat(r.header("Location")).isEqualTo("http://127.0.0.1:7000/bye?state=s");
        }
        try (Response r = get(sso.serverBase() + "/oidc/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=https://evil.example/")) {
            assertThat(r.code()).isEqualTo(400);
        }
        String forged = idToken.substring(0, idToken.lastIndexOf('.') + 1) + "AAAA";
        try (Response r = get(sso.serverBase() + "/oidc/logout?id_token_hint=" + forged)) {
            assertThat(r.code()).isEqualTo(400);
        }
        try (Response r = get(sso.serverBase() + "/oidc/logout")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).contains("Đã đăng xuất");
        }
    }

    @Test
    void resetReturnsToTheFirstKey() {
        String first = sso.currentKeyId();
        String second = sso.rotateKeys();
        assertThat(second).isNotEqualTo(first);
        platform.reset();
        assertThat(sso.currentKeyId()).isEqualTo(first);
        assertThat(body(get(sso.serverBase() + "/oauth2/jwks"))).doesNotContain(second);
    }
}
