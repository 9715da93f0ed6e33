package vn.govsdk.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sync outbox, {@code govsdk.outbox.*}: where it keeps its messages and how it delivers them. Its
 * store is the application's {@code DataSource} when there is exactly one (PostgreSQL in production,
 * shared by every instance), else an embedded H2 database in {@code h2-directory}. Set
 * {@code govsdk.outbox.enabled=true} to get the outbox with every default.
 */
@ConfigurationProperties(prefix = OutboxProperties.PREFIX)
public class OutboxProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "govsdk.outbox";

    /** Whether the outbox is made. It is configured when any govsdk.outbox.* property is set; false leaves it out. */
    private boolean enabled = true;

    /** Whether the application's DataSource (when there is exactly one) holds the outbox table. */
    private boolean useDataSource = true;

    /** Prefix of the table name (govsdk_outbox) in the application's database. */
    private String tablePrefix = "";

    /** Directory of the embedded H2 store, used when there is no DataSource. */
    private Path h2Directory = Path.of("govsdk-outbox");

    /** Attempts a message gets before it is dead-lettered, 1 to 1000 (SDK default 10). */
    private Integer maxAttempts;

    /** Messages one claim takes at most, 1 to 1000 (SDK default 50). */
    private Integer batchSize;

    /** Threads that deliver at once, each to a different dossier, 1 to 256 (SDK default 4). */
    private Integer deliveryThreads;

    /** How often the dispatcher looks for due messages when no enqueue woke it (SDK default 1 s). */
    private Duration pollInterval;

    /** How long a claim lasts; longer than any delivery takes (SDK default 5 min). */
    private Duration leaseDuration;

    /**
     * How long shutdown may spend delivering the messages that are due before the outbox stops; what is
     * left stays in the store for the next start. Zero stops at once.
     */
    private Duration shutdownDrainTimeout = Duration.ofSeconds(10);

    /** Creates the defaults, for binding. */
    public OutboxProperties() {
    }

    /**
     * Tells whether the outbox is made when configured.
     *
     * @return {@code true} unless switched off
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Switches the outbox on or off.
     *
     * @param enabled {@code false} to leave it out
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Tells whether the application's data source is used.
     *
     * @return {@code true} unless switched off
     */
    public boolean isUseDataSource() {
        return useDataSource;
    }

    /**
     * Sets whether the application's data source is used.
     *
     * @param useDataSource {@code false} for the embedded H2 store even when there is a data source
     */
    public void setUseDataSource(boolean useDataSource) {
        this.useDataSource = useDataSource;
    }

    /**
     * Returns the table prefix.
     *
     * @return the prefix, empty by default
     */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * Sets the table prefix.
     *
     * @param tablePrefix empty, or lower-case letters, digits and {@code _}, starting with a letter
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    /**
     * Returns the H2 directory.
     *
     * @return the directory, {@code govsdk-outbox} (relative to the working directory) by default
     */
    public Path getH2Directory() {
        return h2Directory;
    }

    /**
     * Sets the H2 directory.
     *
     * @param h2Directory the directory
     */
    public void setH2Directory(Path h2Directory) {
        this.h2Directory = h2Directory;
    }

    /**
     * Returns the attempt limit.
     *
     * @return the limit, or {@code null} for the SDK's default
     */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Sets the attempt limit.
     *
     * @param maxAttempts 1 to 1000
     */
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /**
     * Returns the batch size.
     *
     * @return the size, or {@code null} for the SDK's default
     */
    public Integer getBatchSize() {
        return batchSize;
    }

    /**
     * Sets the batch size.
     *
     * @param batchSize 1 to 1000
     */
    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    /**
     * Returns the number of delivery threads.
     *
     * @return the number, or {@code null} for the SDK's default
     */
    public Integer getDeliveryThreads() {
        return deliveryThreads;
    }

    /**
     * Sets the number of delivery threads.
     *
     * @param deliveryThreads 1 to 256
     */
    public void setDeliveryThreads(Integer deliveryThreads) {
        this.deliveryThreads = deliveryThreads;
    }

    /**
     * Returns the poll interval.
     *
     * @return the interval, or {@code null} for the SDK's default
     */
    public Duration getPollInterval() {
        return pollInterval;
    }

    /**
     * Sets the poll interval.
     *
     * @param pollInterval 1 ms to 10 min
     */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * Returns the lease duration.
     *
     * @return the duration, or {@code null} for the SDK's default
     */
    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * Returns the shutdown drain timeout.
     *
     * @return the timeout, 10 s by default
     */
    public Duration getShutdownDrainTimeout() {
        return shutdownDrainTimeout;
    }

    /**
     * Sets the shutdown drain timeout.
     *
     * @param shutdownDrainTimeout zero or a positive duration
     */
    public void setShutdownDrainTimeout(Duration shutdownDrainTimeout) {
        this.shutdownDrainTimeout = shutdownDrainTimeout;
    }

    /**
     * Sets the lease duration.
     *
     * @param leaseDuration 100 ms to 1 h
     */
    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }
}
