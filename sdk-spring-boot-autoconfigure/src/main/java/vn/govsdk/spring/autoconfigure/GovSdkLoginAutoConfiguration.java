package vn.govsdk.spring.autoconfigure;

import static vn.govsdk.spring.autoconfigure.LoginProperties.PREFIX;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.identity.login.OidcProvider;
import vn.govsdk.spring.autoconfigure.internal.ConditionalOnGovSdkSystem;
import vn.govsdk.spring.autoconfigure.internal.Settings;

/**
 * The citizen login client (public-service portal SSO or VNeID) as a bean, from {@code govsdk.login.*},
 * when it is configured. It keeps every check the SDK makes (PKCE, signed state, nonce, ID-token
 * validation against the JWKS). An application's own {@link CitizenLoginClient} bean takes its place. A
 * Spring Security login on top of it is not part of this configuration yet.
 */
@AutoConfiguration(after = GovSdkHttpAutoConfiguration.class)
@ConditionalOnClass(CitizenLoginClient.class)
@ConditionalOnGovSdkSystem(PREFIX)
@EnableConfigurationProperties(LoginProperties.class)
public final class GovSdkLoginAutoConfiguration {

    /** For Spring. */
    public GovSdkLoginAutoConfiguration() {
    }

    /**
     * Makes the login client on the shared transport.
     *
     * @param properties the bound properties
     * @param transport the shared transport
     * @return the client
     * @throws InvalidConfigurationPropertyValueException naming the first missing or refused property
     */
    @Bean
    @ConditionalOnMissingBean
    public CitizenLoginClient govsdkCitizenLoginClient(LoginProperties properties, HttpTransport transport) {
        CitizenLoginClient.Builder b = CitizenLoginClient.builder().httpClient(transport);
        provider(properties, b);
        b.clientId(Settings.required(PREFIX + ".client-id", properties.getClientId(), PREFIX))
                .clientSecret(Settings.secret(PREFIX + ".client-secret", properties.getClientSecret(), PREFIX));
        if (properties.getStateKey().isSet()) {
            Settings.apply(PREFIX + ".state-key", Settings.secret(PREFIX + ".state-key", properties.getStateKey(), PREFIX),
                    b::stateKey);
        }
        if (!properties.getScopes().isEmpty()) {
            Settings.apply(PREFIX + ".scopes", properties.getScopes().toArray(String[]::new), b::scopes);
        }
        Settings.apply(PREFIX + ".acr-values", properties.getAcrValues(), b::acrValues);
        Settings.apply(PREFIX + ".state-lifetime", properties.getStateLifetime(), b::stateLifetime);
        Settings.apply(PREFIX + ".clock-skew", properties.getClockSkew(), b::clockSkew);
        b.timeouts(Settings.timeouts(PREFIX, properties.getTimeouts()))
                .retryPolicy(Settings.retryPolicy(PREFIX, properties.getRetry()));
        return Settings.build(PREFIX, b::build);
    }

    private static void provider(LoginProperties p, CitizenLoginClient.Builder b) {
        int set = (p.getIssuer() != null ? 1 : 0) + (p.getWso2Server() != null ? 1 : 0)
                + (p.getKeycloakServer() != null ? 1 : 0);
        if (set != 1) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + ".issuer", p.getIssuer(),
                    "set exactly one of " + PREFIX + ".issuer (discovery), " + PREFIX + ".wso2-server or "
                            + PREFIX + ".keycloak-server (with " + PREFIX + ".keycloak-realm)");
        }
        if (p.getIssuer() != null) {
            Settings.apply(PREFIX + ".issuer", p.getIssuer(), b::discovery);
        } else if (p.getWso2Server() != null) {
            b.provider(Settings.build(PREFIX + ".wso2-server", () -> OidcProvider.wso2(p.getWso2Server())));
        } else {
            String realm = Settings.required(PREFIX + ".keycloak-realm", p.getKeycloakRealm(), PREFIX);
            b.provider(Settings.build(PREFIX + ".keycloak-server",
                    () -> OidcProvider.keycloak(p.getKeycloakServer(), realm)));
        }
    }
}
