package vn.govsdk.core.http;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The transport settings every govsdk client shares, as one immutable value made by
 * {@link ClientBuilder}: the transport, retry policy, timeouts, clock and sleeper.
 *
 * @param transport the transport the caller gave, or {@code null} when the client is to create (and
 *     later close) its own
 * @param retryPolicy the retry policy
 * @param timeouts the timeouts
 * @param clock the clock for token expiry, deadlines and timestamps
 * @param sleeper how the client waits between retries and polls
 */
public record ClientOptions(HttpTransport transport, RetryPolicy retryPolicy, Timeouts timeouts, Clock clock,
        Sleeper sleeper) {

    /**
     * Checks that every setting but the transport is present.
     *
     * @param transport the transport, or {@code null}
     * @param retryPolicy the retry policy
     * @param timeouts the timeouts
     * @param clock the clock
     * @param sleeper the sleeper
     */
    public ClientOptions {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Returns the transport the caller gave, which the client must never close.
     *
     * @return the caller's transport, or empty when the client creates its own
     */
    public Optional<HttpTransport> sharedTransport() {
        return Optional.ofNullable(transport);
    }
}
