package vn.govsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.verify.CertificateInfo;
import vn.govsdk.signing.verify.TrustAnchors;

/**
 * {@code govsdk trust}: the certificates {@code govsdk verify} trusts. The bundle in the jar never changes;
 * a department extends it for its own runs with {@code trust add}, which keeps the certificate in the
 * user's configuration directory ({@code $GOVSDK_CONFIG_DIR}, else {@code ~/.config/govsdk}, folder
 * {@code trust/}), read by every later {@code govsdk verify}.
 */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {"The certificates govsdk verify trusts: the bundled Vietnamese roots and CA intermediates, "
                + "the historic (first-generation) PKI on request, and certificates you add."},
        subcommands = {TrustCommand.ListCommand.class, TrustCommand.AddCommand.class})
final class TrustCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The folder {@code trust add} writes to and {@code verify} reads. */
    static Path userTrustDirectory() {
        String dir = System.getProperty("govsdk.config.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("GOVSDK_CONFIG_DIR");
        }
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".config", "govsdk");
        return base.resolve("trust");
    }

    /** The certificates added with {@code trust add}, or null when none was ever added. */
    static TrustAnchors userTrust() {
        Path dir = userTrustDirectory();
        return Files.isDirectory(dir) ? TrustAnchors.fromDirectory(dir) : null;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every trusted certificate with its role, validity and SHA-256 fingerprint.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--historic", description = "also list the historic (first-generation) PKI, trusted by "
                + "govsdk verify --historic-trust for signatures whose time is proven")
        private boolean historic;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TrustAnchors d = TrustAnchors.defaults();
            print(out, "root", d.anchors());
            print(out, "intermediate", d.intermediates());
            if (historic) {
                TrustAnchors h = TrustAnchors.historic();
                print(out, "historic root", h.anchors());
                print(out, "historic intermediate", h.intermediates());
            }
            TrustAnchors user = userTrust();
            if (user != null) {
                print(out, "added (" + userTrustDirectory() + ")", user.anchors());
            }
            return GovSdkCommand.OK;
        }

        private static void print(PrintWriter out, String role, List<X509Certificate> certs) {
            for (X509Certificate c : certs) {
                CertificateInfo i = CertificateInfo.of(c);
                out.println(role + " | " + i.commonName() + " | " + i.notBefore() + " to " + i.notAfter()
                        + (i.notAfter().isBefore(java.time.Instant.now()) ? " (expired)" : "") + " | SHA-256 "
                        + i.sha256Fingerprint());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Trust a root or CA certificate for every later govsdk verify of this user: it is kept in "
                    + "$GOVSDK_CONFIG_DIR/trust (default ~/.config/govsdk/trust), never in the jar."})
    static final class AddCommand implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "a PEM or DER certificate of a CA")
        private Path file;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<X509Certificate> certs = TrustAnchors.fromPem(file).anchors();
                if (certs.size() != 1 || certs.get(0).getBasicConstraints() < 0) {
                    err.println("invalid: FILE must hold exactly one CA certificate (basic constraints cA), got "
                            + certs.size() + " certificate(s)");
                    return GovSdkCommand.USAGE;
                }
                CertificateInfo c = CertificateInfo.of(certs.get(0));
                Path dir = Files.createDirectories(userTrustDirectory());
                // DER, named by its fingerprint: adding the same certificate twice keeps one file.
                Path target = dir.resolve(c.sha256Fingerprint().replace(":", "").substring(0, 16) + ".cer");
                Files.write(target, c.certificate().getEncoded());
                out.println("trusted for later govsdk verify runs: " + c.commonName() + " (SHA-256 "
                        + c.sha256Fingerprint() + "), kept in " + target);
                return GovSdkCommand.OK;
            } catch (InvalidInputException e) {
                err.println("invalid: " + e.getMessage());
                return GovSdkCommand.USAGE;
            } catch (IOException | java.security.cert.CertificateEncodingException e) {
                err.println("cannot add " + file + ": " + e.getMessage());
                return GovSdkCommand.USAGE;
            }
        }
    }
}
