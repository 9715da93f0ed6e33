package vn.govsdk.spring.autoconfigure;

import static vn.govsdk.spring.autoconfigure.OutboxProperties.PREFIX;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import vn.govsdk.dataexchange.outbox.OutboxDelivery;
import vn.govsdk.dataexchange.outbox.OutboxStore;
import vn.govsdk.dataexchange.outbox.SyncOutbox;
import vn.govsdk.dataexchange.portal.PortalClient;
import vn.govsdk.dataexchange.portal.PortalOutbox;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;
import vn.govsdk.spring.autoconfigure.internal.OutboxLifecycle;
import vn.govsdk.spring.autoconfigure.internal.Settings;

/**
 * The sync outbox as a managed component, from {@code govsdk.outbox.*}, when it is configured: its store
 * is the application's {@link DataSource} when there is exactly one (else the embedded H2 store), it
 * delivers through the portal client (or the application's own {@link OutboxDelivery} bean), starts with
 * the context and, on shutdown, delivers what is due (for at most {@code shutdown-drain-timeout}) and
 * stops, letting deliveries under way finish. Each bean gives way to the
 * application's own of the same type.
 */
@AutoConfiguration(after = GovSdkPortalAutoConfiguration.class, afterName = {
        // Spring Boot 3.x and 4.x names of the DataSource auto-configuration.
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(SyncOutbox.class)
@ConditionalOnGovSdkSystem(PREFIX)
@EnableConfigurationProperties(OutboxProperties.class)
public final class GovSdkOutboxAutoConfiguration {

    /** For Spring. */
    public GovSdkOutboxAutoConfiguration() {
    }

    /**
     * Opens the store: the table {@code <table-prefix>govsdk_outbox} in the application's data source, or
     * the embedded H2 database in {@code govsdk.outbox.h2-directory}. Closed with the context (a data source
     * is never closed by it).
     *
     * @param properties the bound properties
     * @param dataSources the application's data source, if it has exactly one
     * @return the store
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public OutboxStore govsdkOutboxStore(OutboxProperties properties, ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = properties.isUseDataSource() ? dataSources.getIfUnique() : null;
        if (dataSource != null) {
            return Settings.build(PREFIX + ".table-prefix", () -> OutboxStore.jdbc(dataSource, properties.getTablePrefix()));
        }
        return Settings.build(PREFIX + ".h2-directory", () -> OutboxStore.h2(
                Settings.required(PREFIX + ".h2-directory", properties.getH2Directory(), PREFIX)));
    }

    /**
     * Delivers through the portal client.
     *
     * @param portal the portal client, from {@code govsdk.portal.*} or the application
     * @return the delivery
     * @throws InvalidConfigurationPropertyValueException naming {@code govsdk.portal.endpoint} when there is
     *     neither a portal client nor an {@code OutboxDelivery} bean
     */
    @Bean
    @ConditionalOnMissingBean
    public OutboxDelivery govsdkOutboxDelivery(ObjectProvider<PortalClient> portal) {
        PortalClient client = portal.getIfUnique();
        if (client == null) {
            throw new InvalidConfigurationPropertyValueException(PortalProperties.PREFIX + ".endpoint", null,
                    "the outbox (" + PREFIX + ".*) delivers to the portal: configure " + PortalProperties.PREFIX
                            + ".* or define an OutboxDelivery bean");
        }
        return PortalOutbox.delivery(client);
    }

    /**
     * Builds the outbox, not yet started (the lifecycle bean starts it with the context).
     *
     * @param properties the bound properties
     * @param store the store
     * @param delivery the delivery
     * @return the outbox
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SyncOutbox govsdkSyncOutbox(OutboxProperties properties, OutboxStore store, OutboxDelivery delivery) {
        SyncOutbox.Builder b = SyncOutbox.builder().store(store).delivery(delivery);
        Settings.apply(PREFIX + ".max-attempts", properties.getMaxAttempts(), b::maxAttempts);
        Settings.apply(PREFIX + ".batch-size", properties.getBatchSize(), b::batchSize);
        Settings.apply(PREFIX + ".delivery-threads", properties.getDeliveryThreads(), b::deliveryThreads);
        Settings.apply(PREFIX + ".poll-interval", properties.getPollInterval(), b::pollInterval);
        Settings.apply(PREFIX + ".lease-duration", properties.getLeaseDuration(), b::leaseDuration);
        return Settings.build(PREFIX, b::build);
    }

    /**
     * Starts the outbox (the application's or this configuration's) with the context, and drains and
     * stops it on shutdown, in a phase below the web server's.
     *
     * @param outbox the outbox
     * @param properties the bound properties
     * @return the lifecycle
     * @throws InvalidConfigurationPropertyValueException naming {@code govsdk.outbox.shutdown-drain-timeout}
     *     when it is negative
     */
    @Bean
    public SmartLifecycle govsdkSyncOutboxLifecycle(SyncOutbox outbox, OutboxProperties properties) {
        Duration drain = Settings.required(PREFIX + ".shutdown-drain-timeout",
                properties.getShutdownDrainTimeout(), PREFIX);
        if (drain.isNegative()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".shutdown-drain-timeout", drain,
                    "must be zero or positive");
        }
        return new OutboxLifecycle(outbox, drain);
    }
}
