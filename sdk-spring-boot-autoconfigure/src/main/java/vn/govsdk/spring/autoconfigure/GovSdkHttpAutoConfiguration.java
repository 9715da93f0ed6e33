package vn.govsdk.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;

/**
 * The one {@link HttpTransport} (connection pool, dispatcher threads, TLS) that every govsdk client of the
 * context shares, made when any govsdk system is configured. The context closes it on shutdown. An
 * application's own {@code HttpTransport} bean (for example {@code OkHttpTransport.wrap(client)}, or one
 * with a government CA and a client certificate) takes its place.
 */
@AutoConfiguration
@ConditionalOnGovSdkSystem({PopulationProperties.PREFIX, LoginProperties.PREFIX, PortalProperties.PREFIX,
        SignatureVerifierProperties.PREFIX, OutboxProperties.PREFIX})
public final class GovSdkHttpAutoConfiguration {

    /** For Spring. */
    public GovSdkHttpAutoConfiguration() {
    }

    /**
     * Makes the shared transport, with the platform's trust store; closed with the context.
     *
     * @return the transport
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public HttpTransport govsdkHttpTransport() {
        return HttpTransport.create();
    }
}
