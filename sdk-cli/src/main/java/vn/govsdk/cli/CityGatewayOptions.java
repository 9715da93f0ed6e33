package vn.govsdk.cli;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.MockGovPlatform;

/**
 * Options of the city gateway commands: the gateway, its token endpoint and client. Without
 * {@code --base-url} an embedded mock platform is used with its synthetic client.
 */
final class CityGatewayOptions {

    @Option(names = "--base-url", description = "the gateway's URL (default: an embedded mock platform)")
    URI baseUrl;

    @Option(names = "--token-url", description = "the token endpoint (default: <base-url>/token)")
    URI tokenUrl;

    @Option(names = "--client-id", description = "the gateway client id (default with --base-url: env GOVSDK_GATEWAY_CLIENT_ID)")
    String clientId;

    @Option(names = "--client-secret-file", description = "file holding the client secret (or env GOVSDK_GATEWAY_CLIENT_SECRET)")
    Path clientSecretFile;

    @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED, description = "seed of the embedded mock (default: ${DEFAULT-VALUE})")
    long seed;

    /** The gateway URL and credentials for a real gateway (with {@code --base-url}). */
    GatewayAuth credentials() {
        String id = clientId != null ? clientId : System.getenv("GOVSDK_GATEWAY_CLIENT_ID");
        Secret secret = clientSecretFile != null ? Secret.fromFile(clientSecretFile)
                : System.getenv("GOVSDK_GATEWAY_CLIENT_SECRET") != null
                        ? Secret.fromEnvironment("GOVSDK_GATEWAY_CLIENT_SECRET") : null;
        if (id == null || secret == null) {
            throw new InvalidInputException("credentials",
                    "--client-id and --client-secret-file (or GOVSDK_GATEWAY_CLIENT_* variables) are required with --base-url");
        }
        URI token = tokenUrl != null ? tokenUrl : URI.create(baseUrl.toString().replaceAll("/+$", "") + "/token");
        return GatewayAuth.clientCredentials(token, id, secret);
    }
}
