package vn.govsdk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code govsdk} command: the tour, the mock platform, identifier checks, and (as later modules
 * arrive) signing, verification and data exchange from the shell.
 *
 * <p>Exit codes follow the command contract: 0 success, 1 a negative result (invalid or
 * indeterminate signature), 2 bad usage or unreadable input.
 */
@Command(name = "govsdk",
        mixinStandardHelpOptions = true,
        versionProvider = GovSdkCommand.Version.class,
        description = "Vietnamese digital-government integration from the shell: "
                + "the tour, the mock platform, identifier checks, citizen login, signing and verification.",
        subcommands = {DemoCommand.class, MockServerCommand.class, IdCommand.class, CitizenCommand.class,
                ProceduresCommand.class, DossierCommand.class, OpenDataCommand.class, FeedbackCommand.class, CivilCommand.class,
                SignCommand.class, VerifyCommand.class, TrustCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class GovSdkCommand implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a negative result (for example an invalid signature). */
    public static final int NEGATIVE = 1;
    /** Exit code for bad usage or unreadable input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command with the given arguments and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command with the given arguments and output streams, for tests and embedding.
     *
     * @param out where normal output goes
     * @param err where errors go
     * @param args the command-line arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new GovSdkCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = GovSdkCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                // falls through to the manifest
            }
            String v = p.getProperty("version");
            if (v == null || v.startsWith("${")) {
                v = GovSdkCommand.class.getPackage().getImplementationVersion();
            }
            return new String[] {"govsdk " + (v == null ? "(version unknown: not built by Maven)" : v)};
        }
    }
}
