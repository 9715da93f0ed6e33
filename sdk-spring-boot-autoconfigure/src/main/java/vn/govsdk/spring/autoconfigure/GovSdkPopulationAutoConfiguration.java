package vn.govsdk.spring.autoconfigure;

import static vn.govsdk.spring.autoconfigure.PopulationProperties.PREFIX;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.identity.population.CallOptions;
import vn.govsdk.identity.population.PopulationRegistryClient;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;
import vn.govsdk.spring.autoconfigure.internal.Settings;

/**
 * The National Population Database (C06) client as a bean, from {@code govsdk.population.*}, when that
 * system is configured; the route (direct or LGSP) follows from which credentials are set. An
 * application's own {@link PopulationRegistryClient} bean takes its place.
 */
@AutoConfiguration(after = GovSdkHttpAutoConfiguration.class)
@ConditionalOnClass(PopulationRegistryClient.class)
@ConditionalOnGovSdkSystem(PREFIX)
@EnableConfigurationProperties(PopulationProperties.class)
public final class GovSdkPopulationAutoConfiguration {

    /** For Spring. */
    public GovSdkPopulationAutoConfiguration() {
    }

    /**
     * Makes the client on the shared transport (which it never closes).
     *
     * @param properties the bound properties
     * @param transport the shared transport
     * @return the client
     * @throws InvalidConfigurationPropertyValueException naming the first missing or refused property
     */
    @Bean
    @ConditionalOnMissingBean
    public PopulationRegistryClient govsdkPopulationRegistryClient(PopulationProperties properties,
            HttpTransport transport) {
        PopulationRegistryClient.Builder b = PopulationRegistryClient.builder().httpClient(transport);
        Settings.apply(PREFIX + ".endpoint", Settings.required(PREFIX + ".endpoint", properties.getEndpoint(), PREFIX),
                b::endpoint);
        credentials(properties, b);
        b.callOptions(callOptions(properties));
        Settings.apply(PREFIX + ".poll-interval", properties.getPollInterval(), b::pollInterval);
        b.timeouts(Settings.timeouts(PREFIX, properties.getTimeouts()))
                .retryPolicy(Settings.retryPolicy(PREFIX, properties.getRetry()));
        return Settings.build(PREFIX, b::build);
    }

    private static void credentials(PopulationProperties p, PopulationRegistryClient.Builder b) {
        PopulationProperties.Direct d = p.getDirect();
        PopulationProperties.Lgsp l = p.getLgsp();
        boolean direct = d.getUsername() != null;
        boolean lgsp = l.getClientId() != null;
        if (direct && lgsp) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".lgsp.client-id", l.getClientId(),
                    "set the credentials of one route only: " + PREFIX + ".direct.* or " + PREFIX + ".lgsp.*");
        }
        if (lgsp) {
            b.credentials(lgspToken(l), lgspAccessToken(l));
            return;
        }
        String at = PREFIX + ".direct.";
        Settings.required(at + "username", d.getUsername(), PREFIX);
        PopulationDbBasic.Builder c = PopulationDbBasic.builder().username(d.getUsername())
                .secretKey(Settings.secret(at + "secret-key", d.getSecretKey(), PREFIX))
                .apiKey(Settings.optionalSecret(at + "api-key", d.getApiKey(), PREFIX));
        Settings.apply(at + "authentication-url", d.getAuthenticationUrl(), c::authenticationUrl);
        Settings.apply(at + "xroad-client", d.getXroadClient(), c::xRoadClient);
        Settings.apply(at + "timestamp-unit", d.getTimestampUnit(), c::timestampUnit);
        b.credentials(Settings.build(PREFIX + ".direct", c::build));
    }

    private static ClientCredentials lgspToken(PopulationProperties.Lgsp l) {
        String at = PREFIX + ".lgsp.";
        ClientCredentials.Builder c = ClientCredentials.builder()
                .tokenUri(Settings.required(at + "token-uri", l.getTokenUri(), PREFIX))
                .clientId(l.getClientId())
                .clientSecret(Settings.secret(at + "client-secret", l.getClientSecret(), PREFIX));
        Settings.apply(at + "scope", l.getScope(), c::scope);
        return Settings.build(PREFIX + ".lgsp", c::build);
    }

    private static LgspAccessToken lgspAccessToken(PopulationProperties.Lgsp l) {
        String at = PREFIX + ".lgsp.";
        LgspAccessToken.Builder t = LgspAccessToken.builder()
                .accessKey(Settings.required(at + "access-key", l.getAccessKey(), PREFIX))
                .secretKey(Settings.secret(at + "secret-key", l.getSecretKey(), PREFIX))
                .appName(Settings.required(at + "app-name", l.getAppName(), PREFIX))
                .partnerCode(Settings.required(at + "partner-code", l.getPartnerCode(), PREFIX))
                .partnerCodeCus(l.getPartnerCodeCus());
        return Settings.build(PREFIX + ".lgsp", t::build);
    }

    private static CallOptions callOptions(PopulationProperties p) {
        CallOptions.Builder c = CallOptions.builder();
        Settings.apply(PREFIX + ".service-code", Settings.required(PREFIX + ".service-code", p.getServiceCode(), PREFIX),
                c::serviceCode);
        Settings.apply(PREFIX + ".integration-code",
                Settings.required(PREFIX + ".integration-code", p.getIntegrationCode(), PREFIX), c::integrationCode);
        Settings.apply(PREFIX + ".officer-account",
                Settings.required(PREFIX + ".officer-account", p.getOfficerAccount(), PREFIX), c::officerAccount);
        Settings.apply(PREFIX + ".unit-code", p.getUnitCode(), c::unitCode);
        return Settings.build(PREFIX, c::build);
    }
}
