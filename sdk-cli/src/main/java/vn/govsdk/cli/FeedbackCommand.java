package vn.govsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.dataexchange.city.CitizenFeedbackClient;
import vn.govsdk.dataexchange.city.FeedbackAttachment;
import vn.govsdk.dataexchange.city.FeedbackCategory;
import vn.govsdk.dataexchange.city.FeedbackReport;
import vn.govsdk.dataexchange.city.FeedbackStatus;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.city.CitizenFeedbackService;

/** {@code govsdk feedback submit|status}: the city hotline 1022 (phản ánh kiến nghị). */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "The city hotline 1022: submit a citizen report or follow one.",
        subcommands = {FeedbackCommand.SubmitCommand.class, FeedbackCommand.StatusCommand.class})
final class FeedbackCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs an action with a client, an embedded mock when no --base-url is given. */
    static int withClient(CityGatewayOptions options, CommandLine.Model.CommandSpec spec,
            java.util.function.Function<CitizenFeedbackClient, Integer> action) {
        MockGovPlatform platform = null;
        try {
            CitizenFeedbackClient.Builder b = CitizenFeedbackClient.builder();
            if (options.baseUrl == null) {
                platform = MockServerRunner.defaultPlatform().seed(options.seed).build();
                b.endpoint(platform.baseUrl(CitizenFeedbackService.PREFIX)).credentials(GatewayAuth.clientCredentials(
                        platform.baseUrl(CitizenFeedbackService.TOKEN_PATH), CitizenFeedbackService.CLIENT_ID,
                        Secret.of(CitizenFeedbackService.CLIENT_SECRET)));
            } else {
                b.endpoint(options.baseUrl).credentials(options.credentials());
            }
            try (CitizenFeedbackClient client = b.build()) {
                return action.apply(client);
            }
        } catch (GovSdkException e) {
            return ProceduresCommand.fail(spec, e);
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    static void print(PrintWriter out, FeedbackStatus s) {
        out.println(s.reportId() + "\t" + s.state() + " (" + s.rawState() + ")\t" + s.category() + "\tward " + s.wardCode()
                + (s.receivedAt() == null ? "" : "\treceived " + s.receivedAt()));
    }

    /** {@code govsdk feedback submit}. */
    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a report; prints its id and state.")
    static final class SubmitCommand implements Callable<Integer> {
        @Mixin
        CityGatewayOptions options;

        @Option(names = "--category", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        FeedbackCategory category;

        @Option(names = "--ward", required = true, description = "the five-digit ward code")
        String ward;

        @Option(names = "--lat", required = true, description = "latitude")
        double latitude;

        @Option(names = "--lon", required = true, description = "longitude")
        double longitude;

        @Option(names = "--description", required = true, description = "what is reported")
        String description;

        @Option(names = "--attach", description = "a file to attach (repeatable; image/jpeg, image/png or application/pdf)")
        List<Path> attachments = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            FeedbackReport report;
            try {
                FeedbackReport.Builder b = FeedbackReport.builder().category(category).wardCode(ward)
                        .location(latitude, longitude).description(description);
                for (Path p : attachments) {
                    String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    String type = name.endsWith(".png") ? "image/png" : name.endsWith(".pdf") ? "application/pdf" : "image/jpeg";
                    b.attachment(new FeedbackAttachment(p.getFileName().toString(), type, Files.readAllBytes(p)));
                }
                report = b.build();
            } catch (InvalidInputException e) {
                return ProceduresCommand.fail(spec, e);
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: cannot read attachment: " + e.getMessage());
                return GovSdkCommand.USAGE;
            }
            return withClient(options, spec, client -> {
                print(spec.commandLine().getOut(), client.submit(report));
                return GovSdkCommand.OK;
            });
        }
    }

    /** {@code govsdk feedback status ID}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a report's handling state.")
    static final class StatusCommand implements Callable<Integer> {
        @Mixin
        CityGatewayOptions options;

        @Parameters(paramLabel = "ID", description = "the report id (mã phản ánh)")
        String id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withClient(options, spec, client -> {
                print(spec.commandLine().getOut(), client.getStatus(id));
                return GovSdkCommand.OK;
            });
        }
    }
}
