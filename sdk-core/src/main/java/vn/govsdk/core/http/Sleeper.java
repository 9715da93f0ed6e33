package vn.govsdk.core.http;

import java.time.Duration;

/**
 * Waits between attempts and between polls. The seam exists so that tests replace real waiting
 * with a recording fake that advances a fake {@link java.time.Clock}; production code uses
 * {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the sleeper that really waits, with {@link Thread#sleep(long, int)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        };
    }
}
