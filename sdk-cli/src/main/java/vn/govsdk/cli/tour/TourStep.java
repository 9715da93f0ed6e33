package vn.govsdk.cli.tour;

import java.io.PrintWriter;

/** One step of the tour: a heading, and a body that shows one capability on the mock platform. */
public interface TourStep {

    /**
     * Returns the short name used by {@code govsdk demo --step}.
     *
     * @return the step name
     */
    String name();

    /**
     * Returns the heading printed before the step.
     *
     * @return the heading
     */
    String title();

    /**
     * Runs the step, printing what it shows.
     *
     * @param context the running platform and shared state of the tour
     * @param out where to print
     * @throws Exception if the step fails; the tour reports it and carries on
     */
    void run(TourContext context, PrintWriter out) throws Exception;
}
