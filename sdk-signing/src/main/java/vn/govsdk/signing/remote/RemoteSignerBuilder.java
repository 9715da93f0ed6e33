package vn.govsdk.signing.remote;

import java.net.URI;
import java.time.Duration;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.signing.internal.remote.Pipelines;
import vn.govsdk.signing.internal.remote.ProviderProtocol;
import vn.govsdk.signing.internal.remote.RemoteSignerEngine;

/**
 * The settings every remote-signer builder shares, on top of the client vocabulary of
 * {@link ClientBuilder} (transport, retries, timeouts, clock): the provider's base URL, how many
 * digests one call carries, how long certificates are cached, the pacing of status polls and the
 * largest webhook body. The provider builders ({@link Sp769Signer.Builder}, {@link SmartCaCscSigner.Builder},
 * {@link MySignSigner.Builder}) add their credentials and paths.
 *
 * @param <B> the provider's builder type
 */
public abstract class RemoteSignerBuilder<B extends RemoteSignerBuilder<B>> extends ClientBuilder<B> {

    private final int maxDigestsLimit;
    private URI endpoint;
    private int maxDigests;
    private Duration certificateCacheTtl = Duration.ofHours(1);
    private Duration pollInterval;
    private int maxWebhookBytes = 1024 * 1024;
    private RemoteSigningStore transactionStore;

    RemoteSignerBuilder(int maxDigestsLimit, Duration pollInterval) {
        this.maxDigestsLimit = maxDigestsLimit;
        this.maxDigests = Math.min(50, maxDigestsLimit);
        this.pollInterval = pollInterval;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Sets the base URL the provider's paths are appended to.
     *
     * @param endpoint an absolute http or https URI
     * @return this builder
     * @throws InvalidInputException naming {@code endpoint} if the URI is not absolute http(s)
     */
    public B endpoint(URI endpoint) {
        Pipelines.endpoint(endpoint);
        this.endpoint = endpoint;
        return self();
    }

    /**
     * Sets how many digests one call carries; default 50. A larger request is split into the fewest
     * calls of this size.
     *
     * @param max from 1 to the provider's limit
     * @return this builder
     * @throws InvalidInputException naming {@code maxDigestsPerRequest} outside that range
     */
    public B maxDigestsPerRequest(int max) {
        if (max < 1 || max > maxDigestsLimit) {
            throw new InvalidInputException("maxDigestsPerRequest", "must be between 1 and " + maxDigestsLimit
                    + ", got " + max);
        }
        this.maxDigests = max;
        return self();
    }

    /**
     * Sets how long a user's certificate chain is cached; default one hour.
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public B certificateCacheTtl(Duration ttl) {
        this.certificateCacheTtl = positive("certificateCacheTtl", ttl);
        return self();
    }

    /**
     * Sets the wait between status polls (the provider's default pacing otherwise).
     *
     * @param interval a positive duration
     * @return this builder
     */
    public B pollInterval(Duration interval) {
        this.pollInterval = positive("pollInterval", interval);
        return self();
    }

    /**
     * Sets the largest webhook body accepted; default 1 MiB.
     *
     * @param bytes 1 KiB to 16 MiB
     * @return this builder
     */
    public B maxWebhookBytes(int bytes) {
        if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
            throw new InvalidInputException("maxWebhookBytes", "must be between 1024 and 16777216, got " + bytes);
        }
        this.maxWebhookBytes = bytes;
        return self();
    }

    /**
     * Sets where pending transactions and their outcomes are kept, so that a webhook reaching any
     * application instance completes the transaction another one started. By default each signer
     * keeps its own in memory ({@link RemoteSigningStore#inMemory()}), which is enough for one instance;
     * behind a load balancer give every instance {@link RemoteSigningStore#jdbc(javax.sql.DataSource)}
     * on one PostgreSQL database. The signer does not close it.
     *
     * @param store the store
     * @return this builder
     */
    public B transactionStore(RemoteSigningStore store) {
        if (store == null) {
            throw new InvalidInputException("transactionStore", "must not be null");
        }
        this.transactionStore = store;
        return self();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The store given, or this signer's own in-memory one (made once per builder). */
    RemoteSigningStore store() {
        if (transactionStore == null) {
            transactionStore = RemoteSigningStore.inMemory();
        }
        return transactionStore;
    }

    int maxDigests() {
        return maxDigests;
    }

    RemoteSignerEngine engine(ProviderProtocol protocol, ClientOptions options) {
        return new RemoteSignerEngine(protocol, options.clock(), options.sleeper(), certificateCacheTtl, pollInterval,
                maxWebhookBytes, store());
    }

    static Duration positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidInputException(field, "must be a positive duration, got " + d);
        }
        return d;
    }
}
