package vn.govsdk.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.signing.internal.verify.OnlineValidationDataSource;

/**
 * Gathers the validation data for a certificate chain when a signature is made at level B-LT: the
 * missing issuer certificates (from the certificates' AIA) and a fresh OCSP response, or failing that
 * the CRL, for each certificate below the root.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ValidationDataSource {

    /**
     * Collects the validation data for a chain.
     *
     * @param chain the chain, end-entity certificate first
     * @return the certificates and revocation answers to embed
     * @throws SigningException if the status of a certificate cannot be established (an LT signature
     *         without it would not verify offline), naming the certificate and the URLs tried
     */
    ValidationData collect(List<X509Certificate> chain);

    /**
     * Returns the source that fetches over the network with the defaults of {@link #builder()}: for
     * each certificate below the self-signed root, the missing issuer from the AIA caIssuers URL, a
     * verified and current OCSP response from the AIA OCSP URL or, failing that, the CRL from the CRL
     * distribution point.
     *
     * @return the source, with a transport shared by all sources made this way
     */
    static ValidationDataSource online() {
        return builder().build();
    }

    /**
     * Returns a builder for the online source.
     *
     * @return the builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds the online {@link ValidationDataSource}. */
    final class Builder {
        private static volatile HttpTransport shared;

        private HttpTransport transport;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Timeouts timeouts = Timeouts.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the HTTP transport; by default one shared by the online sources.
         *
         * @param transport the transport; never closed by the source
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets the retry policy of the OCSP, CRL and caIssuers requests.
         *
         * @param retryPolicy the policy; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the timeouts of those requests.
         *
         * @param timeouts the timeouts; default {@link Timeouts#defaults()}
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * Sets the clock that judges whether an answer is current.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the source.
         *
         * @return the source, thread-safe
         */
        public ValidationDataSource build() {
            return new OnlineValidationDataSource(transport != null ? transport : sharedTransport(), retryPolicy,
                    timeouts, clock);
        }

        private static HttpTransport sharedTransport() {
            HttpTransport t = shared;
            if (t == null) {
                synchronized (Builder.class) {
                    t = shared;
                    if (t == null) {
                        t = HttpTransport.create();
                        shared = t;
                    }
                }
            }
            return t;
        }
    }
}
