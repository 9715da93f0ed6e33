package vn.govsdk.signing.verify;

import java.time.Duration;
import vn.govsdk.core.InvalidInputException;

/**
 * What the verifier may fetch over the network for one verification. The URLs come from certificates
 * inside the document (AIA caIssuers, OCSP, CRL distribution points), that is from whoever made the
 * document, so each fetch is bounded: only {@code http} and {@code https}, no redirect followed, at most
 * {@link #maxFetches()} requests and {@link #timeBudget()} of wall-clock time per verification (each
 * request's deadline is what is left of it), and by default no address in a private, loopback,
 * link-local, unique-local or multicast range, so that a document cannot make the verifier probe the
 * department's own network. An issuer certificate is fetched only to build a chain; revocation is
 * fetched only for a chain that reached a trust anchor. Every fetch is logged at DEBUG with its reason.
 * Immutable.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.builder()
 *         .fetchPolicy(FetchPolicy.builder().maxFetches(12).timeBudget(Duration.ofSeconds(20)).build())
 *         .build();
 * }</pre>
 */
public final class FetchPolicy {

    private static final FetchPolicy DEFAULTS = builder().build();

    private final int maxFetches;
    private final Duration timeBudget;
    private final boolean privateAddressesAllowed;

    private FetchPolicy(Builder b) {
        this.maxFetches = b.maxFetches;
        this.timeBudget = b.timeBudget;
        this.privateAddressesAllowed = b.privateAddressesAllowed;
    }

    /**
     * Returns the defaults: 8 fetches, 10 seconds, public addresses only.
     *
     * @return the default policy
     */
    public static FetchPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many requests one verification may make (cached answers cost none).
     *
     * @return the limit
     */
    public int maxFetches() {
        return maxFetches;
    }

    /**
     * Returns how much wall-clock time one verification may spend fetching.
     *
     * @return the budget
     */
    public Duration timeBudget() {
        return timeBudget;
    }

    /**
     * Returns whether addresses in private, loopback and link-local ranges may be fetched from.
     *
     * @return {@code true} when they may (for a CA inside a closed network, or a mock platform on loopback)
     */
    public boolean privateAddressesAllowed() {
        return privateAddressesAllowed;
    }

    /**
     * Describes the policy.
     *
     * @return the limits
     */
    @Override
    public String toString() {
        return "FetchPolicy[maxFetches=" + maxFetches + ", timeBudget=" + timeBudget + ", privateAddresses="
                + (privateAddressesAllowed ? "allowed" : "refused") + "]";
    }

    /** Builds a {@link FetchPolicy}. */
    public static final class Builder {
        private int maxFetches = 8;
        private Duration timeBudget = Duration.ofSeconds(10);
        private boolean privateAddressesAllowed;

        private Builder() {
        }

        /**
         * Sets how many requests one verification may make (default 8).
         *
         * @param maxFetches 0 (nothing is fetched) to 100
         * @return this builder
         * @throws InvalidInputException outside that range
         */
        public Builder maxFetches(int maxFetches) {
            if (maxFetches < 0 || maxFetches > 100) {
                throw new InvalidInputException("maxFetches", "must be 0 to 100, got " + maxFetches);
            }
            this.maxFetches = maxFetches;
            return this;
        }

        /**
         * Sets how much wall-clock time one verification may spend fetching (default 10 seconds).
         *
         * @param timeBudget positive, at most 10 minutes
         * @return this builder
         * @throws InvalidInputException when null, not positive or longer
         */
        public Builder timeBudget(Duration timeBudget) {
            if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()
                    || timeBudget.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new InvalidInputException("timeBudget", "must be positive and at most 10 minutes, got " + timeBudget);
            }
            this.timeBudget = timeBudget;
            return this;
        }

        /**
         * Sets whether private, loopback, link-local and unique-local addresses may be fetched from
         * (default {@code false}). Turn it on for CAs that answer inside a closed network, and for tests
         * against the mock platform on 127.0.0.1.
         *
         * @param allowed whether they may
         * @return this builder
         */
        public Builder allowPrivateAddresses(boolean allowed) {
            this.privateAddressesAllowed = allowed;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public FetchPolicy build() {
            return new FetchPolicy(this);
        }
    }
}
