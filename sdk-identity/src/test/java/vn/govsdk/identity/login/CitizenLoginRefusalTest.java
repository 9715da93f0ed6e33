package vn.govsdk.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.identity.login.LoginRefusedException.Reason;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.oidc.BadIdToken;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/** What the client must refuse: forged ID tokens, forged or stale state, a wrong PKCE verifier. */
class CitizenLoginRefusalTest {

    static final URI CALLBACK = URI.create("http://localhost:9000/login/callback");
    static final TestClock CLOCK = TestClock.startingNow();
    static MockGovPlatform platform;
    static OpenIdProviderMock sso;

    final Browser browser = new Browser();

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().clock(CLOCK).service(p -> OpenIdProviderMock.dvcqgSso(p)).build();
        sso = (OpenIdProviderMock) platform.service("/sso").orElseThrow();
    }

    @AfterEach
    void reset() {
        platform.reset();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static CitizenLoginClient client() {
        return CitizenLoginClient.builder()
                .provider(OidcProvider.wso2(sso.serverBase()))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET))
                .clock(CLOCK)
                .build();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of(BadIdToken.ALG_NONE, Reason.ID_TOKEN_MALFORMED),
                Arguments.of(BadIdToken.WRONG_AUDIENCE, Reason.ID_TOKEN_AUDIENCE),
                Arguments.of(BadIdToken.WRONG_ISSUER, Reason.ID_TOKEN_ISSUER),
                Arguments.of(BadIdToken.EXPIRED, Reason.ID_TOKEN_EXPIRED),
                Arguments.of(BadIdToken.WRONG_NONCE, Reason.ID_TOKEN_NONCE),
                Arguments.of(BadIdToken.UNKNOWN_KEY_ID, Reason.ID_TOKEN_UNKNOWN_KEY),
                Arguments.of(BadIdToken.ALTERED_PAYLOAD, Reason.ID_TOKEN_SIGNATURE),
                Arguments.of(BadIdToken.HS256_WITH_PUBLIC_KEY, Reason.ID_TOKEN_ALGORITHM));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("badTokens")
    void badIdTokenIsRefused(BadIdToken defect, Reason reason) {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            sso.issueNextIdToken(defect);
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
            // Refused before anything else is asked of the provider.
            assertThat(platform.journal().count("/sso/oauth2/userinfo")).isZero();
        }
    }

    @Test
    void theSameLoginWithAGoodTokenPasses() {
        // The control for the test above: only the defect makes the difference.
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            assertThat(client.complete(callback, start.pendingLogin()).identity().personalId()).isPresent();
        }
    }

    @Test
    void unknownKeyIdNotInTheRefreshedJwksIsRefusedAfterExactlyOneRefetch() {
        try (CitizenLoginClient client = client()) {
            login(client); // fills the JWKS cache
            assertThat(jwksFetches()).isEqualTo(1);
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            sso.issueNextIdToken(BadIdToken.UNKNOWN_KEY_ID);
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ID_TOKEN_UNKNOWN_KEY))
                    .hasMessageContaining("never-published-key");
            assertThat(jwksFetches()).isEqualTo(2);
        }
    }

    @Test
    void rotatedKeyIsFoundByExactlyOneRefetchAndThenCached() {
        try (CitizenLoginClient client = client()) {
            String firstKey = login(client).idToken().keyId().orElseThrow();
            assertThat(jwksFetches()).isEqualTo(1);

            String newKey = sso.rotateKeys();
            assertThat(newKey).isNotEqualTo(firstKey);
            CitizenLogin second = login(client);
            assertThat(second.idToken().keyId()).contains(newKey);
            assertThat(jwksFetches()).isEqualTo(2);

            login(client);
            assertThat(jwksFetches()).as("the refreshed key set is cached").isEqualTo(2);
        }
    }

    @Test
    void rotatedOutKeyStaysPublishedForItsGracePeriod() {
        String old = sso.currentKeyId();
        sso.keyGracePeriod(Duration.ofMinutes(10));
        String current = sso.rotateKeys();
        try (var r = browser.get(URI.create(sso.serverBase() + "/oauth2/jwks"))) {
            String body = bodyOf(r);
            assertThat(body).contains("\"kid\":\"" + old + "\"").contains("\"kid\":\"" + current + "\"");
        }
        CLOCK.advance(Duration.ofMinutes(11));
        try (var r = browser.get(URI.create(sso.serverBase() + "/oauth2/jwks"))) {
            String body = bodyOf(r);
            assertThat(body).doesNotContain("\"kid\":\"" + old + "\"").contains("\"kid\":\"" + current + "\"");
        }
    }

    @Test
    void tamperedStateIsRefused() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            HttpUrl url = HttpUrl.get(callback.toString());
            String state = url.queryParameter("state");
            char last = state.charAt(state.length() - 1);
            String tampered = state.substring(0, state.length() - 1) + (last == 'A' ? 'B' : 'A');
            URI forged = url.newBuilder().setQueryParameter("state", tampered).build().uri();
            assertThatThrownBy(() -> client.complete(forged, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STATE_INVALID));
            URI missing = url.newBuilder().removeAllQueryParameters("state").build().uri();
            assertThatThrownBy(() -> client.complete(missing, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STATE_INVALID));
            assertThat(platform.journal().count("/sso/oauth2/token")).isZero();
        }
    }

    @Test
    void stateOfAnotherLoginIsRefused() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest mine = client.begin(CALLBACK);
            AuthorizationRequest someoneElses = client.begin(CALLBACK);
            URI theirCallback = browser.loginAs(someoneElses.authorizationUrl(), 0);
            // Login CSRF: an attacker's callback delivered into my session.
            assertThatThrownBy(() -> client.complete(theirCallback, mine.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STATE_INVALID))
                    .hasMessageContaining("another login");
        }
    }

    @Test
    void stateSignedWithAnotherKeyIsRefused() {
        try (CitizenLoginClient other = CitizenLoginClient.builder().provider(OidcProvider.wso2(sso.serverBase()))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID).clientSecret(Secret.of("x")).clock(CLOCK).build();
                CitizenLoginClient client = client()) {
            AuthorizationRequest start = other.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STATE_INVALID))
                    .hasMessageContaining("signature");
        }
    }

    @Test
    void expiredStateIsRefused() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            CLOCK.advance(CitizenLoginClient.DEFAULT_STATE_LIFETIME.plusSeconds(1));
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.STATE_EXPIRED));
        }
    }

    @Test
    void wrongPkceVerifierIsRefusedByTheProvider() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            PendingLogin kept = start.pendingLogin();
            PendingLogin wrongVerifier = new PendingLogin(kept.state(), kept.nonce(),
                    "a-different-verifier-of-forty-three-chars-xx", kept.redirectUri());
            assertThatThrownBy(() -> client.complete(callback, wrongVerifier))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.errorCode()).contains("invalid_grant");
                        assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).contains("PKCE"));
                    });
            // The code was consumed by the failed attempt: the right verifier cannot use it now.
            assertThatThrownBy(() -> client.complete(callback, kept))
                    .isInstanceOfSatisfying(GovServiceException.class,
                            e -> assertThat(e.errorCode()).contains("invalid_grant"));
        }
    }

    @Test
    void codeIsSingleUse() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            client.complete(callback, start.pendingLogin());
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(GovServiceException.class,
                            e -> assertThat(e.errorCode()).contains("invalid_grant"));
            assertThat(platform.journal().count("/sso/oauth2/token")).as("a failed code exchange is not retried")
                    .isEqualTo(2);
        }
    }

    @Test
    void wrongClientSecretIsRefusedByTheProvider() {
        try (CitizenLoginClient client = CitizenLoginClient.builder().provider(OidcProvider.wso2(sso.serverBase()))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID).clientSecret(Secret.of("not-the-secret"))
                .clock(CLOCK).build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            URI callback = browser.loginAs(start.authorizationUrl(), 0);
            assertThatThrownBy(() -> client.complete(callback, start.pendingLogin()))
                    .isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.errorCode()).contains("invalid_client");
                    });
        }
    }

    @Test
    void builderNamesWhatIsMissingOrForbidden() {
        assertThatThrownBy(() -> CitizenLoginClient.builder().clientId("c").clientSecret(Secret.of("s")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("provider"));
        assertThatThrownBy(() -> CitizenLoginClient.builder().provider(OidcProvider.wso2(sso.serverBase()))
                .clientSecret(Secret.of("s")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThatThrownBy(() -> CitizenLoginClient.builder().provider(OidcProvider.wso2(sso.serverBase()))
                .clientId("c").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientSecret"));
        for (String forbidden : new String[] {"none", "HS256", "HS512"}) {
            assertThatThrownBy(() -> CitizenLoginClient.builder().allowedAlgorithms("RS256", forbidden))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("allowedAlgorithms"))
                    .hasMessageContaining(forbidden);
        }
        assertThatThrownBy(() -> CitizenLoginClient.builder().stateKey(Secret.of("short")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stateKey"));
        try (CitizenLoginClient client = client()) {
            assertThatThrownBy(() -> client.begin(URI.create("/relative")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("redirectUri"));
            assertThatThrownBy(() -> client.begin(URI.create("https://app.example/cb#frag")))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("redirectUri"));
        }
        assertThat(platform.journal().count()).as("nothing was sent").isZero();
    }

    @Test
    void mockRefusesUnregisteredRedirectUris() {
        try (CitizenLoginClient client = client()) {
            AuthorizationRequest start = client.begin(URI.create("https://attacker.example/steal"));
            try (var r = browser.get(start.authorizationUrl())) {
                assertThat(r.code()).isEqualTo(400);
                assertThat(r.header("Location")).isNull();
            }
        }
    }

    @Test
    void pendingLoginSurvivesEncodingAndRefusesGarbage() {
        try (CitizenLoginClient client = client()) {
            PendingLogin kept = client.begin(CALLBACK).pendingLogin();
            assertThat(PendingLogin.decode(kept.encode())).isEqualTo(kept);
            assertThat(kept.toString()).doesNotContain(kept.codeVerifier()).doesNotContain(kept.nonce());
        }
        assertThatThrownBy(() -> PendingLogin.decode("gsl1.not.a.value"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pendingLogin"));
    }

    private CitizenLogin login(CitizenLoginClient client) {
        AuthorizationRequest start = client.begin(CALLBACK);
        return client.complete(browser.loginAs(start.authorizationUrl(), 0), start.pendingLogin());
    }

    private static int jwksFetches() {
        return platform.journal().count("/sso/oauth2/jwks");
    }

    private static String bodyOf(okhttp3.Response r) {
        try {
            return r.body().string();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
