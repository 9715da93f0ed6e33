package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.util.List;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;

/** The tour: the ordered steps of {@code govsdk demo}. */
public final class Tour {

    private Tour() {
    }

    /**
     * Returns every step, in the order the tour runs them.
     *
     * @return the steps
     */
    public static List<TourStep> steps() {
        return List.of(new IdentifierStep(), new ProvinceStep(), new TransportStep(), new PopulationLookupStep(),
                new CitizenLoginStep(), new SigningStep(), new VisiblePdfSignatureStep(), new RemoteSigningStep(),
                new RealTaxMessageStep(), new DossierSyncStep(),
                new BusinessLookupStep(), new OpenDataExportStep(), new CityServicesStep());
    }

    /**
     * Runs the steps and prints a summary.
     *
     * @param steps the steps to run
     * @param seed the seed of the synthetic data
     * @param out where to print
     * @return {@code true} if every step succeeded
     */
    public static boolean run(List<TourStep> steps, long seed, PrintWriter out) {
        int failed = 0;
        int n = 0;
        try (MockGovPlatform platform = MockServerRunner.defaultPlatform().seed(seed).build()) {
            TourContext context = new TourContext(seed, platform);
            out.println("govsdk tour: " + steps.size() + (steps.size() == 1 ? " step" : " steps") + " on the embedded mock platform at "
                    + platform.baseUrl() + " (synthetic data, seed " + seed + "; no real system is contacted)");
            for (TourStep step : steps) {
                n++;
                out.println();
                out.println("[" + n + "/" + steps.size() + "] " + step.title());
                try {
                    step.run(context, out);
                } catch (Exception e) {
                    failed++;
                    out.println("  FAILED: " + e);
                }
                platform.reset();
                out.flush();
            }
        }
        out.println();
        out.println(failed == 0 ? "tour complete: " + steps.size() + (steps.size() == 1 ? " step" : " steps") + " passed"
                : "tour finished with " + failed + " failed step(s)");
        return failed == 0;
    }
}
