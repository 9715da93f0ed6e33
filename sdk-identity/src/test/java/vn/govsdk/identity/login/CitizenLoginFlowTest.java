package vn.govsdk.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.auth.ClientCredentials.ClientAuthentication;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/** The whole authorization code flow over HTTP against the mock portal SSO and the mock VNeID. */
class CitizenLoginFlowTest {

    static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");
    static final TestClock CLOCK = TestClock.startingNow();
    static MockGovPlatform platform;
    static OpenIdProviderMock sso;
    static OpenIdProviderMock vneid;

    final Browser browser = new Browser();

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(7).clock(CLOCK)
                .service(p -> OpenIdProviderMock.dvcqgSso(p))
                .service(p -> OpenIdProviderMock.vneid(p))
                .build();
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

    static CitizenLoginClient.Builder ssoClient() {
        return CitizenLoginClient.builder()
                .provider(OidcProvider.wso2(sso.serverBase()))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET))
                .stateKey(Secret.of("a-synthetic-state-key-for-tests-0123456789"))
                .acrValues("LoA1")
                .clock(CLOCK);
    }

    @Test
    void citizenLogsInThroughThePortalSso() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            HttpUrl url = HttpUrl.get(start.authorizationUrl().toString());
            assertThat(url.encodedPath()).isEqualTo("/sso/oauth2/authorize");
            assertThat(url.queryParameter("response_type")).isEqualTo("code");
            assertThat(url.queryParameter("client_id")).isEqualTo(OpenIdProviderMock.DEFAULT_CLIENT_ID);
            assertThat(url.queryParameter("redirect_uri")).isEqualTo(CALLBACK.toString());
            assertThat(url.queryParameter("scope")).isEqualTo("openid");
            assertThat(url.queryParameter("acr_values")).isEqualTo("LoA1");
            assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
            assertThat(url.queryParameter("code_challenge")).hasSize(43);
            assertThat(url.queryParameter("nonce")).isNotBlank();
            assertThat(url.queryParameter("state")).contains(".");

            String page = browser.loginPage(start.authorizationUrl());
            assertThat(page).contains("<html lang=\"vi\">").contains("Đăng nhập");
            SyntheticCitizen chosen = sso.loginPageCitizens().get(2);
            assertThat(page).contains(chosen.fullName());

            URI callback = browser.follow(browser.links(page).get(2));
            assertThat(callback.toString()).startsWith(CALLBACK + "?code=");

            CitizenLogin login = client.complete(callback, PendingLogin.decode(start.pendingLogin().encode()));

            CitizenIdentity who = login.identity();
            assertThat(who.fullName()).contains(chosen.fullName());
            assertThat(who.personalId()).contains(chosen.citizenId());
            assertThat(who.personalIdKind()).contains(PersonalIdKind.CITIZEN_ID);
            assertThat(who.citizenId()).map(id -> id.value()).contains(chosen.citizenId());
            assertThat(who.birthDate()).contains(chosen.birthDate());
            assertThat(who.accountType()).isEqualTo(AccountType.CITIZEN);
            assertThat(who.loginProvider()).contains("BCA");
            assertThat(who.loggedInWithVneid()).isTrue();
            assertThat(who.levelOfAssurance()).contains("LoA1");
            assertThat(who.techId()).contains(who.subject());
            assertThat(who.taxCode()).isEmpty();

            IdTokenClaims id = login.idToken();
            assertThat(id.issuer()).isEqualTo(sso.issuer().toString());
            assertThat(id.audience()).containsExactly(OpenIdProviderMock.DEFAULT_CLIENT_ID);
            assertThat(id.subject()).isEqualTo(who.subject());
            assertThat(id.acr()).contains("LoA1");
            assertThat(id.algorithm()).isEqualTo("RS256");
            assertThat(id.keyId()).contains(sso.currentKeyId());
            assertThat(login.tokens().expiresAt()).contains(CLOCK.instant().plus(OpenIdProviderMock.TOKEN_LIFETIME));

            JournalEntry token = platform.journal().requests(e -> e.path().equals("/sso/oauth2/token")).get(0);
            assertThat(token.bodyAsString()).contains("grant_type=authorization_code").contains("code_verifier=")
                    .contains("client_secret=").contains("redirect_uri=" + "http%3A%2F%2F127.0.0.1%3A8080%2Fcallback");
        }
    }

    @Test
    void organisationAccountMapsTaxAndBusinessCodes() {
        try (CitizenLoginClient client = ssoClient().clientAuthentication(ClientAuthentication.BASIC).build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            CitizenLogin login = client.complete(browser.loginAsBusiness(start.authorizationUrl()), start.pendingLogin());
            assertThat(login.identity().accountType()).isEqualTo(AccountType.ORGANISATION);
            assertThat(login.identity().taxCode()).contains("0100109106");
            assertThat(login.identity().businessCode()).contains("0100109106");
            JournalEntry token = platform.journal().requests(e -> e.path().equals("/sso/oauth2/token")).get(0);
            assertThat(token.header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
            assertThat(token.bodyAsString()).doesNotContain("client_secret");
        }
    }

    @Test
    void vneidKeycloakRealmFoundByDiscovery() {
        try (CitizenLoginClient client = CitizenLoginClient.builder()
                .discovery(vneid.issuer())
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET))
                .clock(CLOCK).build()) {
            assertThat(client.provider()).isEqualTo(OidcProvider.keycloak(vneid.serverBase(), "citizen"));
            AuthorizationRequest start = client.begin(CALLBACK);
            assertThat(start.authorizationUrl().getPath())
                    .isEqualTo("/vneid/auth/realms/citizen/protocol/openid-connect/auth");
            assertThat(HttpUrl.get(start.authorizationUrl().toString()).queryParameter("acr_values")).isNull();
            SyntheticCitizen chosen = vneid.loginPageCitizens().get(0);
            CitizenLogin login = client.complete(browser.loginAs(start.authorizationUrl(), 0), start.pendingLogin());
            assertThat(login.identity().fullName()).contains(chosen.fullName());
            assertThat(login.idToken().issuer()).endsWith("/vneid/auth/realms/citizen");
            assertThat(login.idToken().claims()).containsEntry("preferred_username", chosen.citizenId());
            assertThat(platform.journal().count("/vneid/auth/realms/citizen/.well-known/openid-configuration")).isEqualTo(1);
        }
    }

    @Test
    void wso2DiscoveryAtItsOwnDocumentPath() {
        URI document = URI.create(sso.serverBase() + "/oauth2/oidcdiscovery/.well-known/openid-configuration");
        try (CitizenLoginClient client = ssoClient().discovery(sso.issuer(), document).build()) {
            assertThat(client.provider()).isEqualTo(OidcProvider.wso2(sso.serverBase()));
        }
    }

    @Test
    void discoveryNamingAnotherIssuerIsRefused() {
        URI document = URI.create(sso.serverBase() + "/oauth2/oidcdiscovery/.well-known/openid-configuration");
        try (CitizenLoginClient client = ssoClient().discovery(vneid.issuer(), document).build()) {
            assertThatThrownBy(() -> client.begin(CALLBACK))
                    .isInstanceOf(vn.govsdk.core.ResponseDecodingException.class)
                    .hasMessageContaining("names issuer " + sso.issuer());
        }
    }

    @Test
    void identityFromIdTokenAloneWhenUserinfoIsOff() {
        try (CitizenLoginClient client = ssoClient().fetchUserInfo(false).build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            CitizenLogin login = client.complete(browser.loginAs(start.authorizationUrl(), 0), start.pendingLogin());
            assertThat(login.identity().subject()).isEqualTo(login.idToken().subject());
            assertThat(platform.journal().count("/sso/oauth2/userinfo")).isZero();
        }
    }

    @Test
    void userinfoIntrospectionRevocationAndLogout() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            CitizenLogin login = client.complete(browser.loginAs(start.authorizationUrl(), 1), start.pendingLogin());
            Secret access = login.tokens().accessToken();

            assertThat(client.userInfo(access).personalId()).isEqualTo(login.identity().personalId());

            TokenIntrospection active = client.introspect(access);
            assertThat(active.active()).isTrue();
            assertThat(active.clientId()).contains(OpenIdProviderMock.DEFAULT_CLIENT_ID);
            assertThat(active.subject()).contains(login.idToken().subject());
            assertThat(active.expiresAt()).contains(CLOCK.instant().plus(OpenIdProviderMock.TOKEN_LIFETIME));

            client.revoke(access);
            assertThat(client.introspect(access).active()).isFalse();
            assertThatThrownBy(() -> client.userInfo(access)).isInstanceOf(AuthenticationFailedException.class)
                    .satisfies(e -> assertThat(((GovServiceException) e).errorCode()).contains("invalid_token"));

            URI logout = client.logoutUrl(login.tokens().idToken(), URI.create("http://127.0.0.1:8080/bye"));
            assertThat(logout.getPath()).isEqualTo("/sso/oidc/logout");
            try (Response r = browser.get(logout)) {
                assertThat(r.code()).isEqualTo(302);
                assertThat(r.header("Location")).isEqualTo("http://127.0.0.1:8080/bye");
            }
        }
    }

    @Test
    void tokensAndPersonalDataNeverInToString() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            CitizenLogin login = client.complete(browser.loginAs(start.authorizationUrl(), 0), start.pendingLogin());
            String text = login.toString() + start + client;
            assertThat(text).doesNotContain(login.tokens().accessToken().value())
                    .doesNotContain(login.tokens().idToken().value())
                    .doesNotContain(login.identity().personalId().orElseThrow())
                    .doesNotContain(login.identity().fullName().orElseThrow())
                    .doesNotContain(OpenIdProviderMock.DEFAULT_CLIENT_SECRET)
                    .doesNotContain(login.identity().subject())
                    .contains(login.identity().maskedPersonalId().orElseThrow());
        }
    }

    /** The citizen presses "deny" on the provider's page; returns the callback the browser lands on. */
    private URI deny(AuthorizationRequest start) {
        String page = browser.loginPage(start.authorizationUrl());
        String deny = page.replaceAll("(?s).*<a id=\"deny\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        return browser.follow(deny);
    }

    @Test
    void providerErrorOnTheCallbackIsRefused() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = deny(start);
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.PROVIDER_ERROR))
                    .hasMessageContaining("access_denied");
            assertThat(platform.journal().count("/sso/oauth2/token")).isZero();
        }
    }

    @Test
    void aHostileProviderErrorReachesTheExceptionCappedAndNeutralised() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI genuine = deny(start);
            String state = genuine.getRawQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
            String hostile = java.net.URLEncoder.encode("x<script>alert(1)</script>\nWARN forged log line 079203001234",
                    java.nio.charset.StandardCharsets.UTF_8);
            URI callback = URI.create(CALLBACK + "?state=" + state + "&error=" + hostile + "&error_description="
                    + "d".repeat(5000));
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.PROVIDER_ERROR);
                        assertThat(e.getMessage()).doesNotContain("<script>", "\n", "079203001234")
                                .contains("x\\u003cscript\\u003e").hasSizeLessThan(600);
                    });
        }
    }

    @Test
    void idTokenWithinClockSkewIsAcceptedAndBeyondItRefused() {
        Duration lifetime = OpenIdProviderMock.TOKEN_LIFETIME;
        // The client's clock runs ahead of the provider's; the whole login happens "at once" for it.
        try (CitizenLoginClient ahead = ssoClient().clock(Clock.offset(CLOCK, lifetime.plusSeconds(30)))
                .clockSkew(Duration.ofSeconds(60)).build()) {
            AuthorizationRequest start = ahead.begin(CALLBACK);
            assertThat(ahead.complete(browser.loginAs(start.authorizationUrl(), 0), start.pendingLogin()).identity())
                    .isNotNull();
        }
        try (CitizenLoginClient farAhead = ssoClient().clock(Clock.offset(CLOCK, lifetime.plusSeconds(90)))
                .clockSkew(Duration.ofSeconds(60)).build()) {
            AuthorizationRequest start = farAhead.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            assertThatThrownBy(() -> farAhead.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.ID_TOKEN_EXPIRED));
        }
    }

    @Test
    void birthDateIsTheSyntheticOne() {
        try (CitizenLoginClient client = ssoClient().build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            CitizenLogin login = client.complete(browser.loginAs(start.authorizationUrl(), 4), start.pendingLogin());
            LocalDate expected = sso.loginPageCitizens().get(4).birthDate();
            assertThat(login.identity().birthDate()).contains(expected);
        }
    }
}
