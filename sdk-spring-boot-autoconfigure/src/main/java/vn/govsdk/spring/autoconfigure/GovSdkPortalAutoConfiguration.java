package vn.govsdk.spring.autoconfigure;

import static vn.govsdk.spring.autoconfigure.PortalProperties.PREFIX;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.dataexchange.portal.PortalClient;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;
import vn.govsdk.spring.autoconfigure.internal.Settings;

/**
 * The national public-service portal (DVCQG) client as a bean, from {@code govsdk.portal.*}, when that
 * system is configured. An application's own {@link PortalClient} bean takes its place.
 */
@AutoConfiguration(after = GovSdkHttpAutoConfiguration.class)
@ConditionalOnClass(PortalClient.class)
@ConditionalOnGovSdkSystem(PREFIX)
@EnableConfigurationProperties(PortalProperties.class)
public final class GovSdkPortalAutoConfiguration {

    /** For Spring. */
    public GovSdkPortalAutoConfiguration() {
    }

    /**
     * Makes the client on the shared transport.
     *
     * @param properties the bound properties
     * @param transport the shared transport
     * @return the client
     * @throws InvalidConfigurationPropertyValueException naming the first missing or refused property
     */
    @Bean
    @ConditionalOnMissingBean
    public PortalClient govsdkPortalClient(PortalProperties properties, HttpTransport transport) {
        PortalClient.Builder b = PortalClient.builder().httpClient(transport)
                .endpoint(Settings.required(PREFIX + ".endpoint", properties.getEndpoint(), PREFIX))
                .credentials(Settings.required(PREFIX + ".username", properties.getUsername(), PREFIX),
                        Settings.secret(PREFIX + ".password", properties.getPassword(), PREFIX),
                        Settings.required(PREFIX + ".dstcode", properties.getDstcode(), PREFIX))
                .unitCode(Settings.required(PREFIX + ".unit-code", properties.getUnitCode(), PREFIX))
                .timeouts(Settings.timeouts(PREFIX, properties.getTimeouts()))
                .retryPolicy(Settings.retryPolicy(PREFIX, properties.getRetry()));
        if (properties.getAuthPath() != null) {
            b.authPath(properties.getAuthPath());
        }
        if (properties.getIntegrationPath() != null) {
            b.integrationPath(properties.getIntegrationPath());
        }
        if (properties.getSharePath() != null) {
            b.sharePath(properties.getSharePath());
        }
        if (properties.getPageSize() != null) {
            b.pageSize(properties.getPageSize());
        }
        // The portal's builder checks everything in build(); its field names are the properties' names.
        return Settings.buildByField(PREFIX, b::build);
    }
}
