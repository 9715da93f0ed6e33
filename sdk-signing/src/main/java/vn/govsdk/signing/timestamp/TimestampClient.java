package vn.govsdk.signing.timestamp;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Sleeper;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.internal.timestamp.HttpTimestampClient;

/**
 * Obtains RFC 3161 timestamp tokens for a digest from one or more timestamp authorities (TSA).
 *
 * <p>Signers call {@link #timestamp(DigestAlgorithm, byte[])} with the hash of the signature value
 * to reach level B-T. Implementations must be thread-safe; a call may block for as long as the
 * authority takes to answer (the government TSA has been measured at 2 to 131 seconds).
 */
public interface TimestampClient {

    /**
     * Asks for a timestamp token over a digest.
     *
     * @param algorithm the algorithm that produced {@code digest}
     * @param digest the message imprint to timestamp, for example the SHA-256 of a signature value
     * @return the token, checked to cover {@code digest}
     * @throws vn.govsdk.core.InvalidInputException if the digest length does not match the algorithm
     * @throws TimestampException if no authority granted a valid token
     */
    TimestampToken timestamp(DigestAlgorithm algorithm, byte[] digest);

    /**
     * Returns a builder for the RFC 3161 client over HTTP: one or more authorities tried in order,
     * long timeouts (default 180 s per request), bounded retries (default 3 attempts per authority) and
     * limited concurrency (default 4 requests in flight per client).
     *
     * @return the builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the HTTP timestamp client ({@code application/timestamp-query} over HTTP POST, RFC 3161
     * section 3.4). Every answer is checked before it is returned: status granted, the nonce echoed,
     * the message imprint and its algorithm equal to the request, the requested policy, and the token's
     * signature made by the TSA certificate it carries, whose only extended key usage is a critical
     * {@code timeStamping}.
     */
    final class Builder {
        /** The default time one request may take, retries included: 180 s (the government TSA took up to 131 s). */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
        /** The default number of requests in flight per client. */
        public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

        private final List<URI> authorities = new ArrayList<>();
        private String policy;
        private boolean requestCertificate = true;
        private HttpTransport transport;
        private Duration timeout = DEFAULT_TIMEOUT;
        private RetryPolicy retryPolicy = HttpTimestampClient.DEFAULT_RETRY_POLICY;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private GatewayAuth auth;

        private Builder() {
        }

        /**
         * Adds a timestamp authority (TSA) URL. Authorities are tried in the order they were added; the
         * next one is asked when one cannot be reached, times out, answers an HTTP error, refuses the
         * request or answers with a token that fails the checks.
         *
         * @param url an absolute {@code http} or {@code https} URL, for example
         *        {@code http://tsa.ca.gov.vn}
         * @return this builder
         * @throws InvalidInputException naming {@code authority} if the URL is not absolute http(s) or
         *         carries user info
         */
        public Builder authority(URI url) {
            if (url == null || !url.isAbsolute() || url.getHost() == null
                    || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                throw new InvalidInputException("authority", "must be an absolute http or https URL, got " + url);
            }
            if (url.getRawUserInfo() != null) {
                throw new InvalidInputException("authority", "must not carry user info (it would reach logs and "
                        + "messages); give credentials with auth(GatewayAuth)");
            }
            authorities.add(url);
            return this;
        }

        /**
         * Sets the policy to request ({@code reqPolicy}); the answer must carry the same policy.
         * Without it the authority chooses, and any policy is accepted.
         *
         * @param oid the dotted policy OID
         * @return this builder
         * @throws InvalidInputException naming {@code policy} if it is not a dotted OID
         */
        public Builder policy(String oid) {
            if (oid == null || !oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw new InvalidInputException("policy", "must be a dotted OID such as 2.999.704.2.1, got " + oid);
            }
            this.policy = oid;
            return this;
        }

        /**
         * Sets whether to ask for the authority's certificate in the token ({@code certReq}, default
         * {@code true}). When asked for, an answer without it is refused.
         *
         * @param requestCertificate whether to ask
         * @return this builder
         */
        public Builder requestCertificate(boolean requestCertificate) {
            this.requestCertificate = requestCertificate;
            return this;
        }

        /**
         * Sets the HTTP transport (connection pool, proxy, TLS trust); by default a shared one.
         *
         * @param transport the transport; the client never closes it
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets how long one request to one authority may take, retries included (default 180 s). The
         * same limit bounds the wait for a free request slot (see {@link #maxConcurrentRequests(int)}).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws InvalidInputException naming {@code timeout} if it is not positive
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidInputException("timeout", "must be a positive duration, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the retry policy applied to each authority (default: 3 attempts in all, jittered
         * exponential backoff from 1 s, at most 10 s apart). Timestamp requests are safe to repeat.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets how many requests this client sends at the same time (default 4), shared fairly by all
         * its callers; a caller that cannot get a slot within the {@linkplain #timeout(Duration) timeout}
         * fails with a {@link TimestampException}.
         *
         * @param max at least 1
         * @return this builder
         * @throws InvalidInputException naming {@code maxConcurrentRequests} if below 1
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new InvalidInputException("maxConcurrentRequests", "must be at least 1, got " + max);
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /**
         * Sets the clock that measures deadlines and durations.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the client waits between retries (a seam for tests).
         *
         * @param sleeper the sleeper; default {@link Sleeper#system()}
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets credentials for authorities that require them (most public TSAs do not).
         *
         * @param auth the credentials
         * @return this builder
         */
        public Builder auth(GatewayAuth auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client, immutable and thread-safe
         * @throws InvalidInputException naming {@code authority} if no authority was given
         */
        public TimestampClient build() {
            if (authorities.isEmpty()) {
                throw new InvalidInputException("authority", "at least one timestamp authority URL is required");
            }
            return new HttpTimestampClient(new HttpTimestampClient.Settings(List.copyOf(authorities), policy,
                    requestCertificate, transport, timeout, retryPolicy, maxConcurrentRequests, clock, sleeper, auth));
        }
    }
}
