package vn.govsdk.core.auth;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The national public-service portal's (DVCQG, Cổng Dịch vụ công quốc gia) session login.
 *
 * <p>Before the first call the SDK posts {@code {"username":…,"password":…}} as JSON to
 * {@link #authUri()} with the header {@code dstcode: <dstcode>}. The answer
 * {@code {"session":"…","error_code":0}} opens a session ({@code error_code} may be {@code 0} or
 * {@code "00"}: it is compared as a number); any other code is reported as
 * {@link vn.govsdk.core.AuthenticationFailedException} carrying that code. Then every call gets the
 * {@code dstcode} header, and every request body that is a JSON object gets the member
 * {@code "session"} (added first, or replaced).
 *
 * <p>The session is kept until the portal says it has expired: HTTP 401, or a JSON answer whose
 * {@code error_code} is one of {@link #expiredSessionCodes()}. The SDK then logs in again, once for
 * all threads, and sends that call once more; a second refusal is reported as
 * {@link vn.govsdk.core.AuthenticationFailedException}. No public source names the code the portal
 * uses for an expired session, so by default the set is empty and only HTTP 401 triggers a new
 * login; add your deployment's codes with {@link Builder#expiredSessionCodes(Set)}.
 *
 * <p>Immutable and thread-safe; {@code toString()} shows no password.
 */
public final class PortalSession implements GatewayAuth {

    /** The default name of the destination-code header, {@code dstcode}. */
    public static final String DEFAULT_DSTCODE_HEADER = "dstcode";
    /** The default JSON member carrying the session, {@code session}. */
    public static final String DEFAULT_SESSION_MEMBER = "session";

    private final URI authUri;
    private final String username;
    private final Secret password;
    private final String dstcode;
    private final String dstcodeHeader;
    private final String sessionMember;
    private final Set<String> expiredSessionCodes;

    private PortalSession(Builder b) {
        this.authUri = Checks.httpUri(b.authUri, "authUri");
        this.username = Checks.text(b.username, "username");
        this.password = Checks.required(b.password, "password");
        this.dstcode = Checks.headerSafe(b.dstcode, "dstcode");
        this.dstcodeHeader = Checks.headerName(b.dstcodeHeader, "dstcodeHeader");
        this.sessionMember = Checks.text(b.sessionMember, "sessionMember");
        this.expiredSessionCodes = Set.copyOf(b.expiredSessionCodes);
    }

    /**
     * Starts a builder; {@code authUri}, {@code username}, {@code password} and {@code dstcode} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the login endpoint ({@code adapter_url} + {@code auth_endpoint}).
     *
     * @return the login URI
     */
    public URI authUri() {
        return authUri;
    }

    /**
     * Returns the account name.
     *
     * @return the user name
     */
    public String username() {
        return username;
    }

    /**
     * Returns the account password.
     *
     * @return the password
     */
    public Secret password() {
        return password;
    }

    /**
     * Returns the destination code sent in the {@code dstcode} header.
     *
     * @return the destination code
     */
    public String dstcode() {
        return dstcode;
    }

    /**
     * Returns the name of the destination-code header.
     *
     * @return {@code dstcode} unless set
     */
    public String dstcodeHeader() {
        return dstcodeHeader;
    }

    /**
     * Returns the JSON member that carries the session, in the login answer and in request bodies.
     *
     * @return {@code session} unless set
     */
    public String sessionMember() {
        return sessionMember;
    }

    /**
     * Returns the {@code error_code} values that mean the session is invalid or has expired;
     * numeric codes are compared as numbers ({@code "05"} equals {@code 5}).
     *
     * @return the codes; empty unless set
     */
    public Set<String> expiredSessionCodes() {
        return expiredSessionCodes;
    }

    /**
     * Compares all settings.
     *
     * @param other another object
     * @return whether {@code other} has the same settings and password
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PortalSession)) {
            return false;
        }
        PortalSession o = (PortalSession) other;
        return authUri.equals(o.authUri) && username.equals(o.username) && password.equals(o.password)
                && dstcode.equals(o.dstcode) && dstcodeHeader.equals(o.dstcodeHeader)
                && sessionMember.equals(o.sessionMember) && expiredSessionCodes.equals(o.expiredSessionCodes);
    }

    /**
     * Returns a hash of the settings that are not secrets.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(authUri, username, dstcode, dstcodeHeader, sessionMember, expiredSessionCodes);
    }

    /**
     * Describes the settings; the password shows as {@code ***} and the user name is masked.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PortalSession[authUri=" + PersonalDataMasker.standard().maskText(authUri.toString())
                + ", username=" + PersonalDataMasker.maskIdentifier(username)
                + ", password=" + PersonalDataMasker.SECRET_MASK + ", dstcode=" + dstcode
                + ", expiredSessionCodes=" + expiredSessionCodes + "]";
    }

    /** Builds {@link PortalSession}; not thread-safe. */
    public static final class Builder {
        private URI authUri;
        private String username;
        private Secret password;
        private String dstcode;
        private String dstcodeHeader = DEFAULT_DSTCODE_HEADER;
        private String sessionMember = DEFAULT_SESSION_MEMBER;
        private Set<String> expiredSessionCodes = Set.of();

        private Builder() {
        }

        /**
         * Sets the login endpoint (required): the deployment's {@code adapter_url} followed by its
         * {@code auth_endpoint}.
         *
         * @param authUri an absolute http or https URI
         * @return this builder
         */
        public Builder authUri(URI authUri) {
            this.authUri = authUri;
            return this;
        }

        /**
         * Sets the account name (required).
         *
         * @param username the account name issued by the portal
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the account password (required).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the destination code sent in the {@code dstcode} header on the login and on every call (required).
         *
         * @param dstcode the destination code issued for the deployment
         * @return this builder
         */
        public Builder dstcode(String dstcode) {
            this.dstcode = dstcode;
            return this;
        }

        /**
         * Sets the name of the destination-code header; {@code dstcode} by default.
         *
         * @param headerName an HTTP header name
         * @return this builder
         */
        public Builder dstcodeHeader(String headerName) {
            this.dstcodeHeader = headerName;
            return this;
        }

        /**
         * Sets the JSON member that carries the session; {@code session} by default.
         *
         * @param member the member name
         * @return this builder
         */
        public Builder sessionMember(String member) {
            this.sessionMember = member;
            return this;
        }

        /**
         * Sets the {@code error_code} values that mean the session is invalid or has expired; empty
         * by default, so that only HTTP 401 triggers a new login.
         *
         * @param codes the codes, for example {@code Set.of("401")}
         * @return this builder
         */
        public Builder expiredSessionCodes(Set<String> codes) {
            Checks.required(codes, "expiredSessionCodes");
            Set<String> copy = new LinkedHashSet<>();
            for (String code : codes) {
                if (code == null || code.isBlank()) {
                    throw new InvalidInputException("expiredSessionCodes", "must not contain blank codes");
                }
                copy.add(code.trim());
            }
            this.expiredSessionCodes = copy;
            return this;
        }

        /**
         * Builds the scheme.
         *
         * @return the scheme
         * @throws vn.govsdk.core.InvalidInputException naming the first missing or invalid setting
         */
        public PortalSession build() {
            return new PortalSession(this);
        }
    }
}
