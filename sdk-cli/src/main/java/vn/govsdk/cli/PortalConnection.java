package vn.govsdk.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.dataexchange.portal.PortalClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.portal.PortalService;

/**
 * Options shared by the portal commands: the portal to talk to, and its credentials. Without
 * {@code --base-url} an embedded mock platform is started (synthetic credentials) and stopped at the end.
 */
final class PortalConnection {

    @Option(names = "--base-url", description = "the portal's adapter URL (default: an embedded mock platform's /dvcqg)")
    URI baseUrl;

    @Option(names = "--username", description = "portal account (default with --base-url: env GOVSDK_PORTAL_USERNAME)")
    String username;

    @Option(names = "--password-file", description = "file holding the portal password (or env GOVSDK_PORTAL_PASSWORD)")
    Path passwordFile;

    @Option(names = "--dstcode", description = "destination code (default with --base-url: env GOVSDK_PORTAL_DSTCODE)")
    String dstcode;

    @Option(names = "--unit-code", defaultValue = "000.00.00.H99", description = "unit code, madonvi (default: ${DEFAULT-VALUE})")
    String unitCode;

    @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED, description = "seed of the embedded mock (default: ${DEFAULT-VALUE})")
    long seed;

    /** An open connection: the client, and what to close. */
    static final class Open implements AutoCloseable {
        final PortalClient client;
        private final HttpTransport transport;
        private final MockGovPlatform platform;

        Open(PortalClient client, HttpTransport transport, MockGovPlatform platform) {
            this.client = client;
            this.transport = transport;
            this.platform = platform;
        }

        @Override
        public void close() {
            transport.close();
            if (platform != null) {
                platform.close();
            }
        }
    }

    Open open() {
        HttpTransport transport = HttpTransport.create();
        MockGovPlatform platform = null;
        try {
            PortalClient.Builder b = PortalClient.builder().httpClient(transport).unitCode(unitCode);
            if (baseUrl == null) {
                platform = MockServerRunner.defaultPlatform().seed(seed).build();
                b.endpoint(platform.baseUrl(PortalService.PREFIX))
                        .credentials(PortalService.USERNAME, Secret.of(PortalService.PASSWORD), PortalService.DSTCODE);
            } else {
                String user = username != null ? username : System.getenv("GOVSDK_PORTAL_USERNAME");
                String dst = dstcode != null ? dstcode : System.getenv("GOVSDK_PORTAL_DSTCODE");
                Secret password = passwordFile != null ? Secret.fromFile(passwordFile)
                        : System.getenv("GOVSDK_PORTAL_PASSWORD") != null ? Secret.fromEnvironment("GOVSDK_PORTAL_PASSWORD")
                        : null;
                if (user == null || dst == null || password == null) {
                    throw new InvalidInputException("credentials",
                            "--username, --password-file and --dstcode (or GOVSDK_PORTAL_* variables) are required with --base-url");
                }
                b.endpoint(baseUrl).credentials(user, password, dst);
            }
            return new Open(b.build(), transport, platform);
        } catch (RuntimeException e) {
            transport.close();
            if (platform != null) {
                platform.close();
            }
            throw e;
        }
    }

    static String read(Path file) throws IOException {
        if (Files.size(file) > 1024 * 1024) {
            throw new InvalidInputException("FILE", "must be at most 1 MiB");
        }
        return Files.readString(file);
    }
}
