package vn.govsdk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.govsdk.cli.tour.Tour;
import vn.govsdk.cli.tour.TourStep;
import vn.govsdk.testkit.MockGovPlatform;

/** {@code govsdk demo}: the tour of every capability, end to end, on the embedded mock platform. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The tour: every capability of govsdk, end to end, on the embedded mock platform.",
                "Starts the mock platform on a free loopback port, runs each step, and stops it.",
                "Contacts no real government system."})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--seed", defaultValue = "" + MockGovPlatform.DEFAULT_SEED,
            description = "seed of the synthetic data (default: ${DEFAULT-VALUE})")
    private long seed;

    @CommandLine.Option(names = "--step", paramLabel = "NAME",
            description = "run only the steps whose name contains NAME")
    private String only;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<TourStep> steps = Tour.steps().stream()
                .filter(s -> only == null || s.name().contains(only))
                .toList();
        if (steps.isEmpty()) {
            // Checked before the mock platform starts.
            spec.commandLine().getErr().println("invalid: --step " + only + " names no step of the tour; the steps are: "
                    + String.join(", ", Tour.steps().stream().map(TourStep::name).toList()));
            return GovSdkCommand.USAGE;
        }
        return Tour.run(steps, seed, out) ? GovSdkCommand.OK : GovSdkCommand.NEGATIVE;
    }
}
