package vn.govsdk.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.govsdk.signing.verify.RevocationChecking;

/**
 * The signature verifier, {@code govsdk.signing.verifier.*}: revocation checking, what one verification
 * may fetch, and trust beyond the bundled Vietnamese roots. Timeouts and retries apply to its OCSP, CRL
 * and issuer-certificate fetches. Set {@code govsdk.signing.verifier.enabled=true} to get the verifier
 * with every default.
 */
@ConfigurationProperties(prefix = SignatureVerifierProperties.PREFIX)
public class SignatureVerifierProperties extends ClientProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "govsdk.signing.verifier";

    /**
     * Revocation checking: ONLINE (OCSP, then the CRL; fails closed), OFFLINE (no network request; at best
     * INDETERMINATE) or OFF (not checked; every report says so).
     */
    private RevocationChecking revocation = RevocationChecking.ONLINE;

    /** Most fetches (OCSP, CRL, issuer certificates) one verification may make (SDK default 8). */
    private Integer maxFetches;

    /** Wall-clock budget of the fetches of one verification (SDK default 10 s). */
    private Duration fetchTimeBudget;

    /** Whether fetches may go to private and loopback addresses (SDK default false; for test platforms only). */
    private Boolean allowPrivateAddresses;

    /**
     * Whether Vietnam's first-generation PKI (2008 to 2024) is trusted as time-bound anchors: a chain to it
     * counts only for a signature whose time a trusted timestamp proves.
     */
    private boolean historicTrust;

    /** PEM (or DER) files of further trust anchors, added to the bundled roots. */
    private List<Path> trustPem = new ArrayList<>();

    /** Creates the defaults, for binding. */
    public SignatureVerifierProperties() {
    }

    /**
     * Returns the revocation checking mode.
     *
     * @return the mode
     */
    public RevocationChecking getRevocation() {
        return revocation;
    }

    /**
     * Sets the revocation checking mode.
     *
     * @param revocation the mode
     */
    public void setRevocation(RevocationChecking revocation) {
        this.revocation = revocation;
    }

    /**
     * Returns the fetch limit per verification.
     *
     * @return the limit, or {@code null} for the SDK's default
     */
    public Integer getMaxFetches() {
        return maxFetches;
    }

    /**
     * Sets the fetch limit per verification.
     *
     * @param maxFetches the limit
     */
    public void setMaxFetches(Integer maxFetches) {
        this.maxFetches = maxFetches;
    }

    /**
     * Returns the fetch time budget per verification.
     *
     * @return the budget, or {@code null} for the SDK's default
     */
    public Duration getFetchTimeBudget() {
        return fetchTimeBudget;
    }

    /**
     * Sets the fetch time budget per verification.
     *
     * @param fetchTimeBudget a positive duration
     */
    public void setFetchTimeBudget(Duration fetchTimeBudget) {
        this.fetchTimeBudget = fetchTimeBudget;
    }

    /**
     * Returns whether private addresses may be fetched.
     *
     * @return the setting, or {@code null} for the SDK's default (no)
     */
    public Boolean getAllowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /**
     * Sets whether private addresses may be fetched.
     *
     * @param allowPrivateAddresses {@code true} only against a test platform
     */
    public void setAllowPrivateAddresses(Boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /**
     * Tells whether the historic PKI is trusted (time-bound).
     *
     * @return {@code false} unless set
     */
    public boolean isHistoricTrust() {
        return historicTrust;
    }

    /**
     * Sets whether the historic PKI is trusted (time-bound).
     *
     * @param historicTrust {@code true} to trust it
     */
    public void setHistoricTrust(boolean historicTrust) {
        this.historicTrust = historicTrust;
    }

    /**
     * Returns the files of further trust anchors.
     *
     * @return the files, never {@code null}
     */
    public List<Path> getTrustPem() {
        return trustPem;
    }

    /**
     * Sets the files of further trust anchors.
     *
     * @param trustPem the files
     */
    public void setTrustPem(List<Path> trustPem) {
        this.trustPem = trustPem == null ? new ArrayList<>() : trustPem;
    }
}
