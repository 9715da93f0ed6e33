package vn.govsdk.testkit;

import java.time.Duration;

/**
 * How the mock platform waits when a fault adds latency. Tests that only need to know that a delay
 * was asked for pass a sleeper that records the duration and returns at once, so that no test waits
 * on the wall clock.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for a duration.
     *
     * @param duration how long to wait, positive
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
