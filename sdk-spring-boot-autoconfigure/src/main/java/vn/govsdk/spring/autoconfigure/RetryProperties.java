package vn.govsdk.spring.autoconfigure;

import java.time.Duration;

/**
 * Retry policy of one client ({@code <prefix>.retry.*}); an unset value keeps the SDK's default
 * ({@link vn.govsdk.core.http.RetryPolicy#defaults()}: 3 retries, base delay 200 ms, delay cap 10 s,
 * longest honoured {@code Retry-After} 60 s). Only operations that are safe to repeat are ever retried.
 */
public class RetryProperties {

    /** How many times a request may be sent again after its first attempt, 0 to 10 (SDK default 3). */
    private Integer maxRetries;

    /** Base of the full-jitter exponential backoff (SDK default 200 ms). */
    private Duration baseDelay;

    /** Cap on a single backoff wait (SDK default 10 s). */
    private Duration maxDelay;

    /** Longest server-suggested wait (Retry-After) honoured; a longer one ends the retries (SDK default 60 s). */
    private Duration maxRetryAfter;

    /** Creates an unset policy, for property binding. */
    public RetryProperties() {
    }

    /**
     * Returns the number of retries.
     *
     * @return the number, or {@code null} for the SDK's default
     */
    public Integer getMaxRetries() {
        return maxRetries;
    }

    /**
     * Sets the number of retries.
     *
     * @param maxRetries 0 to 10
     */
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    /**
     * Returns the base delay.
     *
     * @return the delay, or {@code null} for the SDK's default
     */
    public Duration getBaseDelay() {
        return baseDelay;
    }

    /**
     * Sets the base delay.
     *
     * @param baseDelay a positive duration
     */
    public void setBaseDelay(Duration baseDelay) {
        this.baseDelay = baseDelay;
    }

    /**
     * Returns the delay cap.
     *
     * @return the cap, or {@code null} for the SDK's default
     */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    /**
     * Sets the delay cap.
     *
     * @param maxDelay a positive duration
     */
    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    /**
     * Returns the longest honoured {@code Retry-After}.
     *
     * @return the duration, or {@code null} for the SDK's default
     */
    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Sets the longest honoured {@code Retry-After}.
     *
     * @param maxRetryAfter zero or a positive duration
     */
    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }
}
