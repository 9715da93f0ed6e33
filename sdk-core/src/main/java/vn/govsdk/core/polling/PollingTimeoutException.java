package vn.govsdk.core.polling;

import vn.govsdk.core.GovSdkException;

/**
 * A long-running operation was still in progress when the poller's deadline, or the time given to
 * {@link Poller#await(java.time.Duration)}, ran out. The remote operation may still complete; after
 * an {@code await(Duration)} timeout within the overall deadline the same poller can be awaited again.
 */
public final class PollingTimeoutException extends GovSdkException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out, without personal data
     */
    public PollingTimeoutException(String message) {
        super(message);
    }
}
