package vn.govsdk.spring.autoconfigure;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG) client,
 * {@code govsdk.portal.*}: the adapter URL, the account and destination code of the session login, and
 * the unit code every call carries.
 */
@ConfigurationProperties(prefix = PortalProperties.PREFIX)
public class PortalProperties extends ClientProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "govsdk.portal";

    /** The portal's adapter URL (adapter_url, required). */
    private URI endpoint;

    /** Account of the session login (required). */
    private String username;

    /** Password of the session login (required). */
    @NestedConfigurationProperty
    private final SecretSource password = new SecretSource();

    /** Destination code sent in the dstcode header (required). */
    private String dstcode;

    /** Unit code (madonvi) issued by the portal (required). */
    private String unitCode;

    /** Login path (auth_endpoint) under the endpoint (SDK default /auth). */
    private String authPath;

    /** Integration path (integration_endpoint: writes and sync) under the endpoint (SDK default /integration). */
    private String integrationPath;

    /** Share path (share_endpoint: catalogue reads) under the endpoint (SDK default /share). */
    private String sharePath;

    /** Page size of the procedure catalogue listing, 1 to 1000 (SDK default 50). */
    private Integer pageSize;

    /** Creates unset properties, for binding. */
    public PortalProperties() {
    }

    /**
     * Returns the adapter URL.
     *
     * @return the URL, or {@code null}
     */
    public URI getEndpoint() {
        return endpoint;
    }

    /**
     * Sets the adapter URL.
     *
     * @param endpoint an absolute http or https URI
     */
    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Returns the account.
     *
     * @return the account, or {@code null}
     */
    public String getUsername() {
        return username;
    }

    /**
     * Sets the account.
     *
     * @param username the account
     */
    public void setUsername(String username) {
        this.username = username;
    }

    /**
     * Returns where the password comes from.
     *
     * @return never {@code null}
     */
    public SecretSource getPassword() {
        return password;
    }

    /**
     * Returns the destination code.
     *
     * @return the code, or {@code null}
     */
    public String getDstcode() {
        return dstcode;
    }

    /**
     * Sets the destination code.
     *
     * @param dstcode the code
     */
    public void setDstcode(String dstcode) {
        this.dstcode = dstcode;
    }

    /**
     * Returns the unit code.
     *
     * @return the code, or {@code null}
     */
    public String getUnitCode() {
        return unitCode;
    }

    /**
     * Sets the unit code.
     *
     * @param unitCode the code
     */
    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    /**
     * Returns the login path.
     *
     * @return the path, or {@code null} for the SDK's default
     */
    public String getAuthPath() {
        return authPath;
    }

    /**
     * Sets the login path.
     *
     * @param authPath a path starting with {@code /}
     */
    public void setAuthPath(String authPath) {
        this.authPath = authPath;
    }

    /**
     * Returns the integration path.
     *
     * @return the path, or {@code null} for the SDK's default
     */
    public String getIntegrationPath() {
        return integrationPath;
    }

    /**
     * Sets the integration path.
     *
     * @param integrationPath a path starting with {@code /}
     */
    public void setIntegrationPath(String integrationPath) {
        this.integrationPath = integrationPath;
    }

    /**
     * Returns the share path.
     *
     * @return the path, or {@code null} for the SDK's default
     */
    public String getSharePath() {
        return sharePath;
    }

    /**
     * Sets the share path.
     *
     * @param sharePath a path starting with {@code /}
     */
    public void setSharePath(String sharePath) {
        this.sharePath = sharePath;
    }

    /**
     * Returns the page size.
     *
     * @return the size, or {@code null} for the SDK's default
     */
    public Integer getPageSize() {
        return pageSize;
    }

    /**
     * Sets the page size.
     *
     * @param pageSize 1 to 1000
     */
    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }
}
