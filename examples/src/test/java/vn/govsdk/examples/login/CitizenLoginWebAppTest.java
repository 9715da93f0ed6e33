package vn.govsdk.examples.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;

/** The demo application's refusals, without a browser. */
class CitizenLoginWebAppTest {

    @Test
    void callbackWithoutAStartedLoginOrWithAForgedStateIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (MockGovPlatform platform = MockServerRunner.defaultPlatform().build();
                CitizenLoginClient client = LoginExample.client(platform);
                CitizenLoginWebApp app = CitizenLoginWebApp.start(client, new InetSocketAddress("127.0.0.1", 0))) {
            HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                    + "/callback?code=x&state=y")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(noSession.statusCode()).isEqualTo(400);

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/sso/oauth2/authorize");
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");

            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                    + "/callback?code=x&state=forged.state")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("STATE_INVALID");
            assertThat(platform.journal().count("/sso/oauth2/token")).isZero();

            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/me"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).as("not logged in").isEqualTo(302);
        }
    }
}
