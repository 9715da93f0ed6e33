package vn.govsdk.spring.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * What every client's properties share: {@code enabled}, {@code timeouts.*} and {@code retry.*}.
 * Designed for extension by the properties classes of this package only.
 */
public abstract class ClientProperties {

    /**
     * Whether this system's bean is made. A system is configured when any of its properties is set;
     * false leaves it out even then.
     */
    private boolean enabled = true;

    /** Timeouts of this system's calls. */
    @NestedConfigurationProperty
    private final TimeoutProperties timeouts = new TimeoutProperties();

    /** Retry policy of this system's calls. */
    @NestedConfigurationProperty
    private final RetryProperties retry = new RetryProperties();

    /** For subclasses. */
    protected ClientProperties() {
    }

    /**
     * Tells whether the system's bean is made when it is configured.
     *
     * @return {@code true} unless switched off
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Switches the system's bean on or off.
     *
     * @param enabled {@code false} to leave it out
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the timeouts.
     *
     * @return the timeouts, never {@code null}
     */
    public TimeoutProperties getTimeouts() {
        return timeouts;
    }

    /**
     * Returns the retry policy.
     *
     * @return the policy, never {@code null}
     */
    public RetryProperties getRetry() {
        return retry;
    }
}
