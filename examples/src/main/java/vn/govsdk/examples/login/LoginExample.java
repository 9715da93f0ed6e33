package vn.govsdk.examples.login;

import java.net.InetSocketAddress;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.identity.login.OidcProvider;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/**
 * Runs the citizen-login demo: the mock government platform (with the portal SSO under
 * {@code /sso}) and {@link CitizenLoginWebApp} in front of it, both on loopback. Open the printed
 * URL, click "Đăng nhập", pick a synthetic citizen on the mock SSO's page, and see the verified
 * identity. Stop with Ctrl-C.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=vn.govsdk.examples.login.LoginExample  # or run from the IDE
 * </pre>
 */
public final class LoginExample {

    private LoginExample() {
    }

    /**
     * Starts the platform and the application.
     *
     * @param args optionally the application's port (default 8081; 0 for any free port)
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
        MockGovPlatform platform = MockServerRunner.defaultPlatform().build();
        CitizenLoginClient client = client(platform);
        CitizenLoginWebApp app = CitizenLoginWebApp.start(client, new InetSocketAddress("127.0.0.1", port));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            client.close();
            platform.close();
        }));
        System.out.println("mock platform: " + platform.baseUrl() + " (portal SSO at " + platform.baseUrl("/sso") + ")");
        System.out.println("citizen-login demo: open " + app.baseUrl() + "/ in a browser; Ctrl-C to stop");
        Thread.currentThread().join();
    }

    /**
     * Builds the login client for the platform's mock portal SSO, with its demo client registration.
     *
     * @param platform the running platform
     * @return the client
     */
    public static CitizenLoginClient client(MockGovPlatform platform) {
        return CitizenLoginClient.builder()
                .provider(OidcProvider.wso2(platform.baseUrl("/sso")))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET))
                .acrValues("LoA1")
                .build();
    }
}
