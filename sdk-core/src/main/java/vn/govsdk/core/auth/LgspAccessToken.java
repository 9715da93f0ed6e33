package vn.govsdk.core.auth;

import java.util.Objects;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The VNPT LGSP {@code lgspaccesstoken} header (data-sharing platform, nền tảng chia sẻ dữ liệu):
 * base64 of the JSON object
 * <pre>{"AccessKey":…,"SecretKey":…,"AppName":…,"PartnerCode":…,"PartnerCodeCus":…}</pre>
 * with its members in exactly that order, UTF-8, no white space, standard base64 with padding.
 * The same header goes on every call.
 *
 * <p>VNPT gateways usually also want a Bearer token from client credentials, whose token request
 * carries this header too: configure {@code GatewayAuth.combine(lgspAccessToken, clientCredentials)}.
 *
 * <p>Immutable and thread-safe; {@code toString()} shows neither key.
 */
public final class LgspAccessToken implements GatewayAuth {

    /** The default header name, {@code lgspaccesstoken}. */
    public static final String DEFAULT_HEADER_NAME = "lgspaccesstoken";

    private final String accessKey;
    private final Secret secretKey;
    private final String appName;
    private final String partnerCode;
    private final String partnerCodeCus;
    private final String headerName;

    private LgspAccessToken(Builder b) {
        this.accessKey = Checks.text(b.accessKey, "accessKey");
        this.secretKey = Checks.required(b.secretKey, "secretKey");
        this.appName = Checks.text(b.appName, "appName");
        this.partnerCode = Checks.text(b.partnerCode, "partnerCode");
        this.partnerCodeCus = Checks.required(b.partnerCodeCus, "partnerCodeCus");
        this.headerName = Checks.headerName(b.headerName, "headerName");
    }

    /**
     * Starts a builder; {@code accessKey}, {@code secretKey}, {@code appName} and
     * {@code partnerCode} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the {@code AccessKey} member. Treated as a credential: never shown by {@code toString()}.
     *
     * @return the access key
     */
    public String accessKey() {
        return accessKey;
    }

    /**
     * Returns the {@code SecretKey} member.
     *
     * @return the secret key
     */
    public Secret secretKey() {
        return secretKey;
    }

    /**
     * Returns the {@code AppName} member, the application registered at the gateway.
     *
     * @return the application name
     */
    public String appName() {
        return appName;
    }

    /**
     * Returns the {@code PartnerCode} member, the calling agency's code at the gateway.
     *
     * @return the partner code
     */
    public String partnerCode() {
        return partnerCode;
    }

    /**
     * Returns the {@code PartnerCodeCus} member, the code of the agency whose service is called.
     *
     * @return the code, empty when not configured (the member is then sent as {@code ""})
     */
    public String partnerCodeCus() {
        return partnerCodeCus;
    }

    /**
     * Returns the header name.
     *
     * @return {@code lgspaccesstoken} unless set
     */
    public String headerName() {
        return headerName;
    }

    /**
     * Compares all settings.
     *
     * @param other another object
     * @return whether {@code other} has the same settings and keys
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LgspAccessToken)) {
            return false;
        }
        LgspAccessToken o = (LgspAccessToken) other;
        return Secret.of(accessKey).equals(Secret.of(o.accessKey)) && secretKey.equals(o.secretKey)
                && appName.equals(o.appName) && partnerCode.equals(o.partnerCode)
                && partnerCodeCus.equals(o.partnerCodeCus) && headerName.equals(o.headerName);
    }

    /**
     * Returns a hash of the settings that are not credentials.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(appName, partnerCode, partnerCodeCus, headerName);
    }

    /**
     * Describes the settings; both keys show as {@code ***}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "LgspAccessToken[headerName=" + headerName + ", accessKey=" + PersonalDataMasker.SECRET_MASK
                + ", secretKey=" + PersonalDataMasker.SECRET_MASK + ", appName=" + appName + ", partnerCode="
                + partnerCode + ", partnerCodeCus=" + partnerCodeCus + "]";
    }

    /** Builds {@link LgspAccessToken}; not thread-safe. */
    public static final class Builder {
        private String accessKey;
        private Secret secretKey;
        private String appName;
        private String partnerCode;
        private String partnerCodeCus = "";
        private String headerName = DEFAULT_HEADER_NAME;

        private Builder() {
        }

        /**
         * Sets the {@code AccessKey} (required).
         *
         * @param accessKey the access key issued by the gateway
         * @return this builder
         */
        public Builder accessKey(String accessKey) {
            this.accessKey = accessKey;
            return this;
        }

        /**
         * Sets the {@code SecretKey} (required).
         *
         * @param secretKey the secret key issued by the gateway
         * @return this builder
         */
        public Builder secretKey(Secret secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /**
         * Sets the {@code AppName} (required).
         *
         * @param appName the application name registered at the gateway
         * @return this builder
         */
        public Builder appName(String appName) {
            this.appName = appName;
            return this;
        }

        /**
         * Sets the {@code PartnerCode} (required).
         *
         * @param partnerCode the calling agency's code
         * @return this builder
         */
        public Builder partnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
            return this;
        }

        /**
         * Sets the {@code PartnerCodeCus}; sent as {@code ""} when not set.
         *
         * @param partnerCodeCus the code of the agency whose service is called
         * @return this builder
         */
        public Builder partnerCodeCus(String partnerCodeCus) {
            this.partnerCodeCus = partnerCodeCus == null ? "" : partnerCodeCus;
            return this;
        }

        /**
         * Sets the header name; {@code lgspaccesstoken} by default.
         *
         * @param headerName an HTTP header name
         * @return this builder
         */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /**
         * Builds the scheme.
         *
         * @return the scheme
         * @throws vn.govsdk.core.InvalidInputException naming the first missing or invalid setting
         */
        public LgspAccessToken build() {
            return new LgspAccessToken(this);
        }
    }
}
