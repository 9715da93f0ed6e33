package vn.govsdk.identity.internal.login;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.ResponseDecodingException;

/**
 * The provider's signing keys, fetched on first use and kept until a token names a key id they do
 * not hold; then fetched again once (concurrent callers share one fetch). Thread-safe.
 */
public final class JwksCache {

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final Supplier<String> fetcher;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;

    /** One fetched key set and its generation number. */
    record Snapshot(JWKSet keys, long generation) {
    }

    /**
     * Creates the cache.
     *
     * @param fetcher fetches the JWKS document's text (through the client's HTTP pipeline)
     */
    public JwksCache(Supplier<String> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * Returns the cached keys, fetching them the first time.
     *
     * @return the current snapshot
     */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            if (snapshot == null) {
                snapshot = new Snapshot(fetch(), 1);
            }
            return snapshot;
        }
    }

    /**
     * Fetches the keys again, unless another caller already did since {@code seen} was read.
     *
     * @param seen the snapshot the caller found lacking
     * @return a snapshot newer than {@code seen}
     */
    Snapshot refreshAfter(Snapshot seen) {
        synchronized (lock) {
            Snapshot s = snapshot;
            if (s != null && s.generation() > seen.generation()) {
                return s;
            }
            long next = (s == null ? 0 : s.generation()) + 1;
            snapshot = new Snapshot(fetch(), next);
            LOG.debug("refetched the provider's JWKS (generation {}): {} keys", next, snapshot.keys().size());
            return snapshot;
        }
    }

    private JWKSet fetch() {
        String text = fetcher.get();
        try {
            return JWKSet.parse(text);
        } catch (ParseException e) {
            throw new ResponseDecodingException("the provider's JWKS is not a valid JSON Web Key Set: " + e.getMessage(),
                    null);
        }
    }
}
