package vn.govsdk.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/** A whole login at DEBUG: the log shows the calls, and never a token, secret, citizen ID or name. */
class LoginLoggingTest {

    @Test
    void debugLogOfAWholeLoginCarriesNoTokenOrPersonalData() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        try (MockGovPlatform platform = MockGovPlatform.builder().service(OpenIdProviderMock::dvcqgSso).build();
                CitizenLoginClient client = CitizenLoginClient.builder()
                        .provider(OidcProvider.wso2(platform.baseUrl("/sso")))
                        .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                        .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET)).build()) {
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            AuthorizationRequest start = client.begin(URI.create("http://127.0.0.1/cb"));
            URI callback = new Browser().loginAs(start.authorizationUrl(), 0);
            CitizenLogin login = client.complete(callback, start.pendingLogin());
            client.introspect(login.tokens().accessToken());
            client.revoke(login.tokens().accessToken());

            String log = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
            assertThat(log).contains("/sso/oauth2/token").contains("/sso/oauth2/userinfo").contains("/sso/oauth2/revoke");
            String code = okhttp3.HttpUrl.get(callback.toString()).queryParameter("code");
            assertThat(log).doesNotContain(login.tokens().accessToken().value())
                    .doesNotContain(login.tokens().idToken().value())
                    .doesNotContain(OpenIdProviderMock.DEFAULT_CLIENT_SECRET)
                    .doesNotContain(code)
                    .doesNotContain(start.pendingLogin().codeVerifier())
                    .doesNotContain(login.identity().personalId().orElseThrow())
                    .doesNotContain(login.identity().fullName().orElseThrow())
                    .doesNotContain(login.identity().subject());
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
    }
}
