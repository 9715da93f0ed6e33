package vn.govsdk.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The citizen login client (OpenID Connect relying party for the public-service portal's SSO and VNeID),
 * {@code govsdk.login.*}: where the provider is (exactly one of {@code issuer} for discovery,
 * {@code wso2-server} for the portal's SSO paths, {@code keycloak-server} with {@code keycloak-realm} for
 * VNeID's), the client's registration, and the key that signs the {@code state}.
 */
@ConfigurationProperties(prefix = LoginProperties.PREFIX)
public class LoginProperties extends ClientProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "govsdk.login";

    /** Issuer whose /.well-known/openid-configuration is read (discovery). */
    private URI issuer;

    /** Base URL of a WSO2 Identity Server (the public-service portal's SSO). */
    private URI wso2Server;

    /** Base URL of a Keycloak server (VNeID's realm paths); with keycloak-realm. */
    private URI keycloakServer;

    /** Realm of the Keycloak server. */
    private String keycloakRealm;

    /** Client id registered with the provider (required). */
    private String clientId;

    /** Client secret registered with the provider (required). */
    @NestedConfigurationProperty
    private final SecretSource clientSecret = new SecretSource();

    /**
     * Key (at least 32 characters) that signs the state; set the same one on every instance of the application,
     * or a login begun on one instance fails on another. A random key per start when unset.
     */
    @NestedConfigurationProperty
    private final SecretSource stateKey = new SecretSource();

    /** Scopes to request; openid is always among them (SDK default: openid). */
    private List<String> scopes = new ArrayList<>();

    /** acr_values to request, for example the level of assurance the procedure needs. */
    private String acrValues;

    /** How long a begun login stays valid (SDK default 10 min). */
    private Duration stateLifetime;

    /** Clock skew tolerated in ID-token times (SDK default 60 s). */
    private Duration clockSkew;

    /** Creates unset properties, for binding. */
    public LoginProperties() {
    }

    /**
     * Returns the discovery issuer.
     *
     * @return the issuer, or {@code null}
     */
    public URI getIssuer() {
        return issuer;
    }

    /**
     * Sets the discovery issuer.
     *
     * @param issuer an absolute http or https URI
     */
    public void setIssuer(URI issuer) {
        this.issuer = issuer;
    }

    /**
     * Returns the WSO2 server.
     *
     * @return the URL, or {@code null}
     */
    public URI getWso2Server() {
        return wso2Server;
    }

    /**
     * Sets the WSO2 server.
     *
     * @param wso2Server an absolute http or https URI
     */
    public void setWso2Server(URI wso2Server) {
        this.wso2Server = wso2Server;
    }

    /**
     * Returns the Keycloak server.
     *
     * @return the URL, or {@code null}
     */
    public URI getKeycloakServer() {
        return keycloakServer;
    }

    /**
     * Sets the Keycloak server.
     *
     * @param keycloakServer an absolute http or https URI
     */
    public void setKeycloakServer(URI keycloakServer) {
        this.keycloakServer = keycloakServer;
    }

    /**
     * Returns the Keycloak realm.
     *
     * @return the realm, or {@code null}
     */
    public String getKeycloakRealm() {
        return keycloakRealm;
    }

    /**
     * Sets the Keycloak realm.
     *
     * @param keycloakRealm the realm
     */
    public void setKeycloakRealm(String keycloakRealm) {
        this.keycloakRealm = keycloakRealm;
    }

    /**
     * Returns the client id.
     *
     * @return the id, or {@code null}
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets the client id.
     *
     * @param clientId the id
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Returns where the client secret comes from.
     *
     * @return never {@code null}
     */
    public SecretSource getClientSecret() {
        return clientSecret;
    }

    /**
     * Returns where the state key comes from.
     *
     * @return never {@code null}
     */
    public SecretSource getStateKey() {
        return stateKey;
    }

    /**
     * Returns the scopes.
     *
     * @return the scopes, never {@code null}
     */
    public List<String> getScopes() {
        return scopes;
    }

    /**
     * Sets the scopes.
     *
     * @param scopes the scopes
     */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : scopes;
    }

    /**
     * Returns the acr_values.
     *
     * @return the value, or {@code null}
     */
    public String getAcrValues() {
        return acrValues;
    }

    /**
     * Sets the acr_values.
     *
     * @param acrValues the value
     */
    public void setAcrValues(String acrValues) {
        this.acrValues = acrValues;
    }

    /**
     * Returns the state lifetime.
     *
     * @return the lifetime, or {@code null} for the SDK's default
     */
    public Duration getStateLifetime() {
        return stateLifetime;
    }

    /**
     * Sets the state lifetime.
     *
     * @param stateLifetime a positive duration
     */
    public void setStateLifetime(Duration stateLifetime) {
        this.stateLifetime = stateLifetime;
    }

    /**
     * Returns the clock skew.
     *
     * @return the skew, or {@code null} for the SDK's default
     */
    public Duration getClockSkew() {
        return clockSkew;
    }

    /**
     * Sets the clock skew.
     *
     * @param clockSkew zero or a positive duration
     */
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }
}
