package vn.govsdk.dataexchange.outbox;

import java.time.Duration;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * How long a message waits before its next attempt: exponential backoff with jitter and a cap.
 *
 * <p>After failed attempt {@code n} (counted from 1) the ceiling is
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, and the wait is {@code ceiling * (1 - jitter * r)} with
 * {@code r} uniform in {@code [0, 1)}: jitter 0 waits exactly the ceiling, jitter 1 is "full jitter".
 * A {@link vn.govsdk.core.RateLimitedException} that carries a longer {@code Retry-After} waits that
 * long instead. The next attempt time is stored with the message, so the backoff holds across
 * restarts.
 *
 * <p>Immutable and thread-safe.
 */
public final class OutboxBackoff {

    private static final OutboxBackoff DEFAULTS = builder().build();

    private final Duration baseDelay;
    private final Duration maxDelay;
    private final double jitter;

    private OutboxBackoff(Builder b) {
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
    }

    /**
     * Returns the default backoff: base 1 s, cap 10 min, jitter 0.5.
     *
     * @return the defaults
     */
    public static OutboxBackoff defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the wait after the first failed attempt, before jitter.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * Returns the longest wait.
     *
     * @return the cap
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Returns the share of the wait that is randomised.
     *
     * @return a number from 0 to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Computes the wait after a failed attempt.
     *
     * @param failedAttempts how many attempts have failed, at least 1
     * @param random a number in {@code [0, 1)}
     * @return the wait before the next attempt
     */
    public Duration delayAfter(int failedAttempts, double random) {
        if (failedAttempts < 1) {
            throw new InvalidInputException("failedAttempts", "must be at least 1, got " + failedAttempts);
        }
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        long ceiling = cap;
        int shift = failedAttempts - 1;
        if (shift < 62 && base <= (cap >> Math.min(shift, 62))) {
            ceiling = Math.min(cap, base << shift);
        }
        double r = Math.min(Math.max(random, 0.0), 1.0);
        return Duration.ofMillis(Math.round(ceiling * (1.0 - jitter * r)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxBackoff b && b.baseDelay.equals(baseDelay) && b.maxDelay.equals(maxDelay)
                && b.jitter == jitter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseDelay, maxDelay, jitter);
    }

    @Override
    public String toString() {
        return "OutboxBackoff[baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + ", jitter=" + jitter + "]";
    }

    /** Builds an {@link OutboxBackoff}; every value is checked when it is set. */
    public static final class Builder {
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(10);
        private double jitter = 0.5;

        private Builder() {
        }

        /**
         * Sets the wait after the first failed attempt.
         *
         * @param baseDelay at least 1 ms
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = atLeastOneMilli("baseDelay", baseDelay);
            return this;
        }

        /**
         * Sets the longest wait.
         *
         * @param maxDelay at least 1 ms
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = atLeastOneMilli("maxDelay", maxDelay);
            return this;
        }

        /**
         * Sets the share of the wait that is randomised.
         *
         * @param jitter from 0 (no randomness) to 1 (full jitter)
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new InvalidInputException("jitter", "must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Builds the backoff.
         *
         * @return the backoff
         * @throws InvalidInputException if the base delay exceeds the cap
         */
        public OutboxBackoff build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new InvalidInputException("baseDelay", "must not exceed maxDelay (" + maxDelay + ")");
            }
            return new OutboxBackoff(this);
        }

        private static Duration atLeastOneMilli(String field, Duration d) {
            if (d == null || d.toMillis() < 1) {
                throw new InvalidInputException(field, "must be at least 1 ms, got " + d);
            }
            return d;
        }
    }
}
