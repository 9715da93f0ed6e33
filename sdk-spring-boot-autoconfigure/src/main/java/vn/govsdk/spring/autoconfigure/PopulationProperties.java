package vn.govsdk.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import vn.govsdk.core.auth.PopulationDbBasic;

/**
 * The National Population Database (Cơ sở dữ liệu quốc gia về dân cư, C06) client,
 * {@code govsdk.population.*}: the endpoint, the credentials of one route (direct: {@code direct.*};
 * through a provincial data-sharing platform (LGSP): {@code lgsp.*}) and the caller fields every request
 * carries (MaDVC, MaTichHop, MaCanBo, MaDonVi).
 */
@ConfigurationProperties(prefix = PopulationProperties.PREFIX)
public class PopulationProperties extends ClientProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "govsdk.population";

    /** SOAP endpoint: the service URL (direct route) or the LGSP adapter's URL for it (required). */
    private URI endpoint;

    /** Credentials of the direct route: the timestamped SHA-256 Basic scheme with X-Road headers. */
    private final Direct direct = new Direct();

    /** Credentials of the route through a provincial data-sharing platform (LGSP). */
    private final Lgsp lgsp = new Lgsp();

    /** Public-service code (MaDVC) every request carries (required). */
    private String serviceCode;

    /** Integration code (MaTichHop) every request carries (required). */
    private String integrationCode;

    /** Officer account (mã cán bộ, MaCanBo) the requests are made on behalf of (required). */
    private String officerAccount;

    /** Unit code (MaDonVi) of the requesting unit. */
    private String unitCode;

    /** Interval between polls of an asynchronous (batch) request (SDK default 2 s). */
    private Duration pollInterval;

    /** Creates unset properties, for binding. */
    public PopulationProperties() {
    }

    /**
     * Returns the endpoint.
     *
     * @return the endpoint, or {@code null}
     */
    public URI getEndpoint() {
        return endpoint;
    }

    /**
     * Sets the endpoint.
     *
     * @param endpoint an absolute http or https URI
     */
    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Returns the direct route's credentials.
     *
     * @return never {@code null}
     */
    public Direct getDirect() {
        return direct;
    }

    /**
     * Returns the LGSP route's credentials.
     *
     * @return never {@code null}
     */
    public Lgsp getLgsp() {
        return lgsp;
    }

    /**
     * Returns the public-service code (MaDVC).
     *
     * @return the code, or {@code null}
     */
    public String getServiceCode() {
        return serviceCode;
    }

    /**
     * Sets the public-service code (MaDVC).
     *
     * @param serviceCode the code
     */
    public void setServiceCode(String serviceCode) {
        this.serviceCode = serviceCode;
    }

    /**
     * Returns the integration code (MaTichHop).
     *
     * @return the code, or {@code null}
     */
    public String getIntegrationCode() {
        return integrationCode;
    }

    /**
     * Sets the integration code (MaTichHop).
     *
     * @param integrationCode the code
     */
    public void setIntegrationCode(String integrationCode) {
        this.integrationCode = integrationCode;
    }

    /**
     * Returns the officer account (MaCanBo).
     *
     * @return the account, or {@code null}
     */
    public String getOfficerAccount() {
        return officerAccount;
    }

    /**
     * Sets the officer account (MaCanBo).
     *
     * @param officerAccount the account
     */
    public void setOfficerAccount(String officerAccount) {
        this.officerAccount = officerAccount;
    }

    /**
     * Returns the unit code (MaDonVi).
     *
     * @return the code, or {@code null}
     */
    public String getUnitCode() {
        return unitCode;
    }

    /**
     * Sets the unit code (MaDonVi).
     *
     * @param unitCode the code
     */
    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
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
     * @param pollInterval a positive duration
     */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** The direct route's credentials, {@code govsdk.population.direct.*}. */
    public static class Direct {

        /** User name issued by the population database; setting it selects the direct route. */
        private String username;

        /** Secret key hashed into each password. */
        @NestedConfigurationProperty
        private final SecretSource secretKey = new SecretSource();

        /** Authentication URL (urlXacThuc) hashed into each password; the request URL when unset. */
        private URI authenticationUrl;

        /** X-Road client identifier (instance/memberClass/memberCode/subsystem) sent in the X-Road-Client header. */
        private String xroadClient;

        /** API key sent in the ApiKey header. */
        @NestedConfigurationProperty
        private final SecretSource apiKey = new SecretSource();

        /** Unit of the Timestamp header (SDK default MILLISECONDS). */
        private PopulationDbBasic.TimestampUnit timestampUnit;

        /** Creates unset credentials, for binding. */
        public Direct() {
        }

        /**
         * Returns the user name.
         *
         * @return the user name, or {@code null}
         */
        public String getUsername() {
            return username;
        }

        /**
         * Sets the user name.
         *
         * @param username the user name
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /**
         * Returns where the secret key comes from.
         *
         * @return never {@code null}
         */
        public SecretSource getSecretKey() {
            return secretKey;
        }

        /**
         * Returns the authentication URL.
         *
         * @return the URL, or {@code null}
         */
        public URI getAuthenticationUrl() {
            return authenticationUrl;
        }

        /**
         * Sets the authentication URL.
         *
         * @param authenticationUrl an absolute http or https URL
         */
        public void setAuthenticationUrl(URI authenticationUrl) {
            this.authenticationUrl = authenticationUrl;
        }

        /**
         * Returns the X-Road client identifier.
         *
         * @return the identifier, or {@code null}
         */
        public String getXroadClient() {
            return xroadClient;
        }

        /**
         * Sets the X-Road client identifier.
         *
         * @param xroadClient the identifier
         */
        public void setXroadClient(String xroadClient) {
            this.xroadClient = xroadClient;
        }

        /**
         * Returns where the API key comes from.
         *
         * @return never {@code null}
         */
        public SecretSource getApiKey() {
            return apiKey;
        }

        /**
         * Returns the timestamp unit.
         *
         * @return the unit, or {@code null} for the SDK's default
         */
        public PopulationDbBasic.TimestampUnit getTimestampUnit() {
            return timestampUnit;
        }

        /**
         * Sets the timestamp unit.
         *
         * @param timestampUnit the unit
         */
        public void setTimestampUnit(PopulationDbBasic.TimestampUnit timestampUnit) {
            this.timestampUnit = timestampUnit;
        }
    }

    /** The LGSP route's credentials, {@code govsdk.population.lgsp.*}. */
    public static class Lgsp {

        /** Token endpoint of the platform (OAuth2 client credentials). */
        private URI tokenUri;

        /** Client id (WSO2 consumer key); setting it selects the LGSP route. */
        private String clientId;

        /** Client secret (WSO2 consumer secret). */
        @NestedConfigurationProperty
        private final SecretSource clientSecret = new SecretSource();

        /** OAuth2 scope to request, if any. */
        private String scope;

        /** Access key of the lgspaccesstoken header. */
        private String accessKey;

        /** Secret key of the lgspaccesstoken header. */
        @NestedConfigurationProperty
        private final SecretSource secretKey = new SecretSource();

        /** Application name of the lgspaccesstoken header. */
        private String appName;

        /** Partner code of the lgspaccesstoken header. */
        private String partnerCode;

        /** Customer partner code of the lgspaccesstoken header (empty unless set). */
        private String partnerCodeCus;

        /** Creates unset credentials, for binding. */
        public Lgsp() {
        }

        /**
         * Returns the token endpoint.
         *
         * @return the URI, or {@code null}
         */
        public URI getTokenUri() {
            return tokenUri;
        }

        /**
         * Sets the token endpoint.
         *
         * @param tokenUri an absolute http or https URI
         */
        public void setTokenUri(URI tokenUri) {
            this.tokenUri = tokenUri;
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
         * Returns the scope.
         *
         * @return the scope, or {@code null}
         */
        public String getScope() {
            return scope;
        }

        /**
         * Sets the scope.
         *
         * @param scope the scope
         */
        public void setScope(String scope) {
            this.scope = scope;
        }

        /**
         * Returns the access key.
         *
         * @return the key, or {@code null}
         */
        public String getAccessKey() {
            return accessKey;
        }

        /**
         * Sets the access key.
         *
         * @param accessKey the key
         */
        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        /**
         * Returns where the LGSP secret key comes from.
         *
         * @return never {@code null}
         */
        public SecretSource getSecretKey() {
            return secretKey;
        }

        /**
         * Returns the application name.
         *
         * @return the name, or {@code null}
         */
        public String getAppName() {
            return appName;
        }

        /**
         * Sets the application name.
         *
         * @param appName the name
         */
        public void setAppName(String appName) {
            this.appName = appName;
        }

        /**
         * Returns the partner code.
         *
         * @return the code, or {@code null}
         */
        public String getPartnerCode() {
            return partnerCode;
        }

        /**
         * Sets the partner code.
         *
         * @param partnerCode the code
         */
        public void setPartnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
        }

        /**
         * Returns the customer partner code.
         *
         * @return the code, or {@code null}
         */
        public String getPartnerCodeCus() {
            return partnerCodeCus;
        }

        /**
         * Sets the customer partner code.
         *
         * @param partnerCodeCus the code
         */
        public void setPartnerCodeCus(String partnerCodeCus) {
            this.partnerCodeCus = partnerCodeCus;
        }
    }
}
