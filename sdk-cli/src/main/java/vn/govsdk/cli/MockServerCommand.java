package vn.govsdk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;

/** {@code govsdk mock-server}: runs the mock government platform until stopped. */
@Command(name = "mock-server", mixinStandardHelpOptions = true,
        description = {"Run the mock government platform until stopped (Ctrl-C): every emulated system "
                + "on one port, under its own path prefix, with deterministic synthetic data.",
                "Prints the base URL, the mounted services and the admin page."})
final class MockServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "port to listen on; 0 picks a free one (default)")
    private int port;

    @Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED, description = "seed of the synthetic data (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--tls", description = "serve HTTPS with a generated certificate (trust its root, nothing else)")
    private boolean tls;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("invalid: --port must be between 0 and 65535, got " + port);
            return GovSdkCommand.USAGE;
        }
        MockGovPlatform platform;
        try {
            platform = MockServerRunner.start(port, seed, tls);
        } catch (java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("cannot start: " + e.getMessage());
            return GovSdkCommand.USAGE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stop.countDown();
        }, "govsdk-mock-server-shutdown"));
        out.print(MockServerRunner.summary(platform));
        if (platform.tls().isPresent()) {
            try {
                java.nio.file.Path pem = java.nio.file.Files.createTempFile("govsdk-mock-root-", ".pem");
                platform.tls().get().writeRootCertificatePem(pem);
                out.println("Root certificate written to " + pem + " (curl --cacert " + pem + " ...)");
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("cannot write the root certificate: " + e.getMessage());
            }
        }
        out.println("Ready. Press Ctrl-C to stop.");
        out.flush();
        stop.await();
        return GovSdkCommand.OK;
    }
}
