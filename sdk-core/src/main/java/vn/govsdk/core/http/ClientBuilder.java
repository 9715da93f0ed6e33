package vn.govsdk.core.http;

import java.time.Clock;
import vn.govsdk.core.InvalidInputException;

/**
 * The part of the builder vocabulary every govsdk client shares: {@code httpClient},
 * {@code retryPolicy}, {@code timeouts}, {@code clock} and {@code sleeper}. Each client's builder
 * extends it and adds what is its own (endpoint, credentials, codes); {@link #clientOptions()} hands
 * the shared settings to the client as one value.
 *
 * <p>Designed for extension by the builders of govsdk's clients; not thread-safe, like any builder.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

    private HttpTransport transport;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    /** For subclasses. */
    protected ClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return value;
    }

    /**
     * Sets the transport (connection pool, TLS, proxy) to share; the client never closes it. By
     * default the client creates its own transport and closes it when the client is closed.
     *
     * @param transport the transport
     * @return this builder
     */
    public B httpClient(HttpTransport transport) {
        this.transport = notNull("httpClient", transport);
        return self();
    }

    /**
     * Sets the retry policy; default {@link RetryPolicy#defaults()}. Only operations that are safe to
     * repeat are ever retried.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = notNull("retryPolicy", retryPolicy);
        return self();
    }

    /**
     * Sets the timeouts; default {@link Timeouts#defaults()}.
     *
     * @param timeouts the timeouts
     * @return this builder
     */
    public B timeouts(Timeouts timeouts) {
        this.timeouts = notNull("timeouts", timeouts);
        return self();
    }

    /**
     * Sets the clock for token expiry, deadlines and timestamps; default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        this.clock = notNull("clock", clock);
        return self();
    }

    /**
     * Sets how the client waits between retries and polls (a seam for tests); default sleeping.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public B sleeper(Sleeper sleeper) {
        this.sleeper = notNull("sleeper", sleeper);
        return self();
    }

    /**
     * Takes every shared setting from one value, for example to configure several clients alike or
     * to pass a builder's settings on to a client it wraps.
     *
     * @param options the settings; a {@code null} transport means the client creates its own
     * @return this builder
     */
    public B options(ClientOptions options) {
        notNull("options", options);
        this.transport = options.transport();
        return retryPolicy(options.retryPolicy()).timeouts(options.timeouts()).clock(options.clock())
                .sleeper(options.sleeper());
    }

    /**
     * Returns the shared settings as they stand, for the subclass's {@code build()}.
     *
     * @return the settings
     */
    protected final ClientOptions clientOptions() {
        return new ClientOptions(transport, retryPolicy, timeouts, clock, sleeper);
    }
}
