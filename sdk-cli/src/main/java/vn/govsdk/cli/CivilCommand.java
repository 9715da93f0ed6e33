package vn.govsdk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.dataexchange.city.CivilRegistryClient;
import vn.govsdk.dataexchange.city.ExtractKind;
import vn.govsdk.dataexchange.city.ExtractReceipt;
import vn.govsdk.dataexchange.city.ExtractStatus;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.city.CivilRegistryService;

/** {@code govsdk civil extract|status}: civil-registration extracts (trích lục hộ tịch). */
@Command(name = "civil", mixinStandardHelpOptions = true,
        description = "Civil registration (hộ tịch): request an extract (trích lục) or follow a request.",
        subcommands = {CivilCommand.ExtractCommand.class, CivilCommand.StatusCommand.class})
final class CivilCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    interface Action {
        int run(CivilRegistryClient client, boolean embedded);
    }

    static int withClient(CityGatewayOptions options, CommandLine.Model.CommandSpec spec, Action action) {
        MockGovPlatform platform = null;
        try {
            CivilRegistryClient.Builder b = CivilRegistryClient.builder();
            if (options.baseUrl == null) {
                platform = MockServerRunner.defaultPlatform().seed(options.seed).build();
                b.endpoint(platform.baseUrl(CivilRegistryService.PREFIX)).credentials(GatewayAuth.clientCredentials(
                        platform.baseUrl(CivilRegistryService.TOKEN_PATH), CivilRegistryService.CLIENT_ID,
                        Secret.of(CivilRegistryService.CLIENT_SECRET)));
            } else {
                b.endpoint(options.baseUrl).credentials(options.credentials());
            }
            try (CivilRegistryClient client = b.build()) {
                return action.run(client, platform != null);
            }
        } catch (GovSdkException e) {
            return ProceduresCommand.fail(spec, e);
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    static void print(PrintWriter out, ExtractStatus s) {
        out.println(s.requestId() + "\t" + s.state() + " (" + s.rawState() + ")" + (s.reason() == null ? "" : "\t" + s.reason()));
        s.result().ifPresent(e -> out.println("  " + e));
    }

    /** Who the extract is about: a citizen ID or a register number. */
    static final class Subject {
        @Option(names = "--citizen-id", required = true, description = "the person's 12-digit citizen ID")
        String citizenId;

        @Option(names = "--register-number", required = true, description = "the register number (số đăng ký)")
        String registerNumber;
    }

    /** {@code govsdk civil extract}. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Request an extract; with --follow, check its status until it is finished.")
    static final class ExtractCommand implements Callable<Integer> {
        @Mixin
        CityGatewayOptions options;

        @Option(names = "--kind", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        ExtractKind kind;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Subject subject;

        @Option(names = "--purpose", required = true, description = "why the extract is needed (mục đích)")
        String purpose;

        @Option(names = "--follow", description = "check the status until finished (at most 10 checks)")
        boolean follow;

        @Option(names = "--interval", defaultValue = "2", description = "seconds between checks with a real gateway (default: ${DEFAULT-VALUE})")
        int interval;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withClient(options, spec, (client, embedded) -> {
                PrintWriter out = spec.commandLine().getOut();
                ExtractReceipt receipt = subject.citizenId != null
                        ? client.requestExtract(kind, subject.citizenId, purpose)
                        : client.requestExtractByRegisterNumber(kind, subject.registerNumber, purpose);
                out.println(receipt.requestId() + "\t" + receipt.state());
                if (follow) {
                    for (int i = 0; i < 10; i++) {
                        if (!embedded && interval > 0) {
                            try {
                                Thread.sleep(interval * 1000L);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return GovSdkCommand.USAGE;
                            }
                        }
                        ExtractStatus s = client.getExtractStatus(receipt.requestId());
                        print(out, s);
                        if (s.state().isFinal()) {
                            return s.result().isPresent() ? GovSdkCommand.OK : GovSdkCommand.NEGATIVE;
                        }
                    }
                }
                return GovSdkCommand.OK;
            });
        }
    }

    /** {@code govsdk civil status ID}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show an extract request's status.")
    static final class StatusCommand implements Callable<Integer> {
        @Mixin
        CityGatewayOptions options;

        @Parameters(paramLabel = "ID", description = "the request id (mã yêu cầu)")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withClient(options, spec, (client, embedded) -> {
                print(spec.commandLine().getOut(), client.getExtractStatus(id));
                return GovSdkCommand.OK;
            });
        }
    }
}
