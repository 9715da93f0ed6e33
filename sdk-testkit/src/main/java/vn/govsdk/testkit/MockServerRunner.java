package vn.govsdk.testkit;

import java.util.List;
import java.util.function.Function;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/**
 * Starts the mock platform as a standalone server with every emulated system mounted; used by
 * {@code govsdk mock-server} and by anyone who wants the whole platform in one call.
 *
 * <pre>{@code
 * MockGovPlatform platform = MockServerRunner.start(8080, 42L, false);
 * log.info(MockServerRunner.summary(platform));   // base URL, services, admin page
 * // ... runs until platform.close()
 * }</pre>
 */
public final class MockServerRunner {

    private MockServerRunner() {
    }

    /**
     * Returns the services the standalone server mounts, as factories applied to the started
     * platform. Each government system's emulation is added here when it is written.
     *
     * @return the factories, in mounting order
     */
    public static List<Function<MockGovPlatform, MockService>> defaultServices() {
        return List.of(
                p -> new EchoService(),
                p -> new vn.govsdk.testkit.population.PopulationDbService(p),
                OpenIdProviderMock::dvcqgSso,
                OpenIdProviderMock::vneid,
                vn.govsdk.testkit.portal.PortalService::new,
                vn.govsdk.testkit.payment.PaymentPlatformService::new,
                vn.govsdk.testkit.payment.PayGovService::new,
                p -> new vn.govsdk.testkit.gateway.DataSharingGatewayService(p),
                p -> new vn.govsdk.testkit.gateway.XRoadService(),
                vn.govsdk.testkit.city.OpenDataService::new,
                vn.govsdk.testkit.city.CityDossierService::new,
                vn.govsdk.testkit.city.CivilRegistryService::new,
                vn.govsdk.testkit.city.CitizenFeedbackService::new,
                vn.govsdk.testkit.remotesigning.Sp769Service::smartCa,
                vn.govsdk.testkit.remotesigning.SmartCaCscService::new,
                vn.govsdk.testkit.remotesigning.MySignService::new,
                vn.govsdk.testkit.remotesigning.Sp769Service::eSign);
    }

    /**
     * Returns a builder with every default service mounted; set the port, seed and TLS on it, add
     * services of your own, then {@code build()}.
     *
     * @return the builder
     */
    public static MockGovPlatform.Builder defaultPlatform() {
        MockGovPlatform.Builder builder = MockGovPlatform.builder();
        for (Function<MockGovPlatform, MockService> factory : defaultServices()) {
            builder.service(factory);
        }
        return builder;
    }

    /**
     * Starts the standalone server with every default service.
     *
     * @param port the port, or 0 for any free port
     * @param seed the data seed
     * @param tls whether to serve HTTPS with a generated certificate
     * @return the running platform; close it to stop
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static MockGovPlatform start(int port, long seed, boolean tls) {
        return defaultPlatform().port(port).seed(seed).tls(tls).build();
    }

    /**
     * Describes a running platform for people: base URL, seed, services, admin page and the
     * endpoints most used with curl.
     *
     * @param platform the platform
     * @return several lines of text, ending with a line break
     */
    public static String summary(MockGovPlatform platform) {
        String base = platform.baseUrl().toString();
        String admin = platform.adminUrl().toString();
        StringBuilder s = new StringBuilder();
        s.append("govsdk mock platform\n");
        s.append("  base URL    ").append(base).append('\n');
        s.append("  seed        ").append(platform.seed()).append('\n');
        s.append("  HTTPS       ").append(platform.tls().isPresent()
                ? "on; trust the root certificate at " + admin + "tls/root.pem (clients must trust it, and only it)"
                : "off").append('\n');
        s.append("  services\n");
        if (platform.services().isEmpty()) {
            s.append("    (none)\n");
        }
        int width = 0;
        for (MockService service : platform.services()) {
            width = Math.max(width, service.pathPrefix().length());
        }
        for (MockService service : platform.services()) {
            s.append("    ").append(service.pathPrefix())
                    .append(" ".repeat(width - service.pathPrefix().length() + 2))
                    .append(service.name()).append("  ").append(platform.baseUrl(service.pathPrefix())).append('\n');
        }
        s.append("  admin page  ").append(admin).append('\n');
        s.append("  health      ").append(admin).append("health\n");
        s.append("  requests    ").append(admin).append("requests\n");
        s.append("  faults      ").append(admin).append("faults\n");
        s.append("  citizen 0   ").append(admin).append("data/citizens?index=0\n");
        return s.toString();
    }
}
