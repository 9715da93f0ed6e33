package vn.govsdk.core.auth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The population database's (C06, Cơ sở dữ liệu quốc gia về dân cư) timestamped Basic scheme.
 * On every call the SDK takes the current time {@code t} from the client's clock, in
 * {@link #timestampUnit()} since the epoch, and sends
 * <pre>
 * Authorization: Basic base64(username + ":" + sha256_hex(url + username + t + secretKey))
 * Timestamp:     t
 * X-Road-Client: &lt;xRoadClient&gt;     (when set)
 * ApiKey:        &lt;apiKey&gt;          (when set)
 * </pre>
 * where {@code sha256_hex} is lowercase hex of SHA-256 over the UTF-8 bytes and {@code url} is the
 * configured {@linkplain #authenticationUrl() authentication URL} ({@code urlXacThuc}) or, when none
 * is configured, the URL of the request itself. Header names are configurable.
 *
 * <p><b>Timestamp unit.</b> Integrators differ: the C# client sends epoch milliseconds, the PHP
 * client epoch seconds. The default is {@link TimestampUnit#MILLISECONDS}, because the C# client is
 * the one that sends the full header set this scheme describes ({@code X-Road-Client},
 * {@code ApiKey}), and because with milliseconds two calls in the same second still get different
 * passwords, which a server that refuses replayed passwords requires. Set
 * {@link TimestampUnit#SECONDS} where the deployment expects seconds.
 *
 * <p>Immutable and thread-safe; {@code toString()} shows neither the secret key nor the API key.
 */
public final class PopulationDbBasic implements GatewayAuth {

    /** The unit of the {@code Timestamp} header and of the timestamp in the hashed text. */
    public enum TimestampUnit {
        /** Whole seconds since the epoch, as the PHP integrator client sends. */
        SECONDS,
        /** Milliseconds since the epoch, as the C# integrator client sends. The default. */
        MILLISECONDS
    }

    /** The default name of the timestamp header, {@code Timestamp}. */
    public static final String DEFAULT_TIMESTAMP_HEADER = "Timestamp";
    /** The default name of the X-Road client header, {@code X-Road-Client}. */
    public static final String DEFAULT_X_ROAD_CLIENT_HEADER = "X-Road-Client";
    /** The default name of the API key header, {@code ApiKey}. */
    public static final String DEFAULT_API_KEY_HEADER = "ApiKey";

    private final String username;
    private final Secret secretKey;
    private final URI authenticationUrl;
    private final String xRoadClient;
    private final Secret apiKey;
    private final TimestampUnit timestampUnit;
    private final String timestampHeader;
    private final String xRoadClientHeader;
    private final String apiKeyHeader;

    private PopulationDbBasic(Builder b) {
        this.username = Checks.headerSafe(b.username, "username");
        if (username.indexOf(':') >= 0) {
            throw new InvalidInputException("username", "must not contain ':' (Basic authentication separates user and password with it)");
        }
        this.secretKey = Checks.required(b.secretKey, "secretKey");
        this.authenticationUrl = b.authenticationUrl == null ? null : Checks.httpUri(b.authenticationUrl, "authenticationUrl");
        this.xRoadClient = b.xRoadClient == null ? null : Checks.headerSafe(b.xRoadClient, "xRoadClient");
        this.apiKey = b.apiKey;
        if (apiKey != null) {
            Checks.headerSafe(apiKey.value(), "apiKey");
        }
        this.timestampUnit = Checks.required(b.timestampUnit, "timestampUnit");
        this.timestampHeader = Checks.headerName(b.timestampHeader, "timestampHeader");
        this.xRoadClientHeader = Checks.headerName(b.xRoadClientHeader, "xRoadClientHeader");
        this.apiKeyHeader = Checks.headerName(b.apiKeyHeader, "apiKeyHeader");
    }

    /**
     * Starts a builder; {@code username} and {@code secretKey} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the user name issued by the population database.
     *
     * @return the user name
     */
    public String username() {
        return username;
    }

    /**
     * Returns the secret key hashed into each password.
     *
     * @return the secret key
     */
    public Secret secretKey() {
        return secretKey;
    }

    /**
     * Returns the authentication URL ({@code urlXacThuc}) hashed into each password.
     *
     * @return the URL, or empty when the request's own URL is hashed
     */
    public Optional<URI> authenticationUrl() {
        return Optional.ofNullable(authenticationUrl);
    }

    /**
     * Returns the X-Road client identifier ({@code instance/memberClass/memberCode/subsystem}).
     *
     * @return the identifier, if the header is sent
     */
    public Optional<String> xRoadClient() {
        return Optional.ofNullable(xRoadClient);
    }

    /**
     * Returns the API key.
     *
     * @return the key, if the header is sent
     */
    public Optional<Secret> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /**
     * Returns the timestamp unit.
     *
     * @return {@link TimestampUnit#MILLISECONDS} unless set
     */
    public TimestampUnit timestampUnit() {
        return timestampUnit;
    }

    /**
     * Returns the name of the timestamp header.
     *
     * @return {@code Timestamp} unless set
     */
    public String timestampHeader() {
        return timestampHeader;
    }

    /**
     * Returns the name of the X-Road client header.
     *
     * @return {@code X-Road-Client} unless set
     */
    public String xRoadClientHeader() {
        return xRoadClientHeader;
    }

    /**
     * Returns the name of the API key header.
     *
     * @return {@code ApiKey} unless set
     */
    public String apiKeyHeader() {
        return apiKeyHeader;
    }

    /**
     * Compares all settings.
     *
     * @param other another object
     * @return whether {@code other} has the same settings and secrets
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PopulationDbBasic)) {
            return false;
        }
        PopulationDbBasic o = (PopulationDbBasic) other;
        return username.equals(o.username) && secretKey.equals(o.secretKey)
                && Objects.equals(authenticationUrl, o.authenticationUrl) && Objects.equals(xRoadClient, o.xRoadClient)
                && Objects.equals(apiKey, o.apiKey) && timestampUnit == o.timestampUnit
                && timestampHeader.equals(o.timestampHeader) && xRoadClientHeader.equals(o.xRoadClientHeader)
                && apiKeyHeader.equals(o.apiKeyHeader);
    }

    /**
     * Returns a hash of the settings that are not secrets.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(username, authenticationUrl, xRoadClient, timestampUnit, timestampHeader);
    }

    /**
     * Describes the settings; keys show as {@code ***} and the user name is masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PopulationDbBasic[username=" + PersonalDataMasker.maskIdentifier(username)
                + ", secretKey=" + PersonalDataMasker.SECRET_MASK
                + ", authenticationUrl=" + (authenticationUrl == null ? "(request URL)"
                        : PersonalDataMasker.standard().maskText(authenticationUrl.toString()))
                + (xRoadClient == null ? "" : ", xRoadClient=" + xRoadClient)
                + (apiKey == null ? "" : ", apiKey=" + PersonalDataMasker.SECRET_MASK)
                + ", timestampUnit=" + timestampUnit + "]";
    }

    /** Builds {@link PopulationDbBasic}; not thread-safe. */
    public static final class Builder {
        private String username;
        private Secret secretKey;
        private URI authenticationUrl;
        private String xRoadClient;
        private Secret apiKey;
        private TimestampUnit timestampUnit = TimestampUnit.MILLISECONDS;
        private String timestampHeader = DEFAULT_TIMESTAMP_HEADER;
        private String xRoadClientHeader = DEFAULT_X_ROAD_CLIENT_HEADER;
        private String apiKeyHeader = DEFAULT_API_KEY_HEADER;

        private Builder() {
        }

        /**
         * Sets the user name (required); it must not contain {@code ':'}.
         *
         * @param username the user name issued by the population database
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the secret key hashed into each password (required).
         *
         * @param secretKey the secret key
         * @return this builder
         */
        public Builder secretKey(Secret secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /**
         * Sets the authentication URL ({@code urlXacThuc}) hashed into each password, exactly as the
         * population database issued it. Without it, the full URL of each request is hashed.
         *
         * @param authenticationUrl an absolute http or https URL, or {@code null} for the request URL
         * @return this builder
         */
        public Builder authenticationUrl(URI authenticationUrl) {
            this.authenticationUrl = authenticationUrl;
            return this;
        }

        /**
         * Sets the X-Road client identifier sent in the {@code X-Road-Client} header; not sent when unset.
         *
         * @param xRoadClient for example {@code VN/GOV/000.00.00.H29/DVC}
         * @return this builder
         */
        public Builder xRoadClient(String xRoadClient) {
            this.xRoadClient = xRoadClient;
            return this;
        }

        /**
         * Sets the API key sent in the {@code ApiKey} header; not sent when unset.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets the timestamp unit; {@link TimestampUnit#MILLISECONDS} by default (see the class comment).
         *
         * @param timestampUnit the unit
         * @return this builder
         */
        public Builder timestampUnit(TimestampUnit timestampUnit) {
            this.timestampUnit = timestampUnit;
            return this;
        }

        /**
         * Sets the name of the timestamp header; {@code Timestamp} by default.
         *
         * @param headerName an HTTP header name
         * @return this builder
         */
        public Builder timestampHeader(String headerName) {
            this.timestampHeader = headerName;
            return this;
        }

        /**
         * Sets the name of the X-Road client header; {@code X-Road-Client} by default.
         *
         * @param headerName an HTTP header name
         * @return this builder
         */
        public Builder xRoadClientHeader(String headerName) {
            this.xRoadClientHeader = headerName;
            return this;
        }

        /**
         * Sets the name of the API key header; {@code ApiKey} by default.
         *
         * @param headerName an HTTP header name
         * @return this builder
         */
        public Builder apiKeyHeader(String headerName) {
            this.apiKeyHeader = headerName;
            return this;
        }

        /**
         * Builds the scheme.
         *
         * @return the scheme
         * @throws vn.govsdk.core.InvalidInputException naming the first missing or invalid setting
         */
        public PopulationDbBasic build() {
            return new PopulationDbBasic(this);
        }
    }
}
