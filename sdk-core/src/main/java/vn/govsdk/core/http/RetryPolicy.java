package vn.govsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * When and how long the SDK waits before sending a request again.
 *
 * <p>A request is retried only when its {@link Operation} is {@linkplain Operation#safeToRetry()
 * safe to repeat}, and only after a connection failure, a timeout or another I/O failure before a
 * response arrived, or an answer with status 408, 429, 502, 503 or 504. Every other status
 * (including 500) is returned to the caller at once.
 *
 * <p>Between attempts it waits with full-jitter exponential backoff: before retry {@code n}
 * (counted from 0) the wait is a random duration in {@code [0, min(maxDelay, baseDelay * 2^n))}.
 * When the server sends {@code Retry-After} (delta-seconds or an HTTP date), that wait is used
 * instead; if it is longer than {@link #maxRetryAfter()}, or longer than what remains of the call
 * deadline ({@link Timeouts#callDeadline()}), the SDK stops retrying and fails at once, so the
 * caller learns of it now rather than after a long wait.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /**
     * Returns the default policy: 3 retries, base delay 200 ms, delay cap 10 s, longest honoured
     * {@code Retry-After} 60 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy that never retries.
     *
     * @return the policy with zero retries
     */
    public static RetryPolicy none() {
        return NONE;
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
     * Returns a builder starting from this policy.
     *
     * @return a new builder with this policy's values
     */
    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).baseDelay(baseDelay).maxDelay(maxDelay)
                .maxRetryAfter(maxRetryAfter);
    }

    /**
     * Returns how many times a request may be sent again after its first attempt.
     *
     * @return the number of retries; 0 means a single attempt
     */
    public int maxRetries() {
        return maxRetries;
    }

    /**
     * Returns the base of the exponential backoff.
     *
     * @return the base delay
     */
    public Duration baseDelay() {
        return baseDelay;
    }

    /**
     * Returns the cap on a single backoff wait.
     *
     * @return the longest backoff wait
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Returns the longest {@code Retry-After} the SDK waits for; a longer one ends the retries.
     *
     * @return the longest honoured server-suggested wait
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Tells whether an answer with this HTTP status may be retried (for a safe operation).
     *
     * @param status an HTTP status code
     * @return {@code true} for 408, 429, 502, 503 and 504
     */
    public boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxRetries == maxRetries && p.baseDelay.equals(baseDelay)
                && p.maxDelay.equals(maxDelay) && p.maxRetryAfter.equals(maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, baseDelay, maxDelay, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; every value is checked when it is set. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets how many times a request may be sent again after its first attempt.
         *
         * @param maxRetries 0 to 10
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new InvalidInputException("maxRetries", "must be between 0 and 10, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the base of the exponential backoff.
         *
         * @param baseDelay a positive duration
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = positive("baseDelay", baseDelay);
            return this;
        }

        /**
         * Sets the cap on a single backoff wait.
         *
         * @param maxDelay a positive duration
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive("maxDelay", maxDelay);
            return this;
        }

        /**
         * Sets the longest server-suggested wait ({@code Retry-After}) the SDK honours.
         *
         * @param maxRetryAfter zero or a positive duration
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                throw new InvalidInputException("maxRetryAfter", "must be zero or positive");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         */
        public RetryPolicy build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new InvalidInputException("baseDelay", "must not exceed maxDelay (" + maxDelay + ")");
            }
            return new RetryPolicy(this);
        }

        static Duration positive(String field, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidInputException(field, "must be a positive duration, got " + d);
            }
            return d;
        }
    }
}
