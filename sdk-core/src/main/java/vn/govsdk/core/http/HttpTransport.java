package vn.govsdk.core.http;

import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.http.TransportAccess;

/**
 * The HTTP connection machinery that govsdk clients are built with: a connection pool, threads and
 * TLS settings. Share one transport between clients so they share connections.
 *
 * <p>{@link #create()} and {@link #builder()} make a transport the SDK owns: {@link #close()}
 * shuts its threads down and evicts its connections. To use an {@code OkHttpClient} you already
 * have, use {@code vn.govsdk.core.http.okhttp.OkHttpTransport.wrap(client)}: the SDK then never
 * closes that client.
 *
 * <p>Thread-safe. Closing is idempotent; a closed transport refuses new calls.
 */
public final class HttpTransport implements AutoCloseable {

    static {
        TransportAccess.install(new TransportAccess.Bridge() {
            @Override
            public OkHttpClient client(HttpTransport transport) {
                return transport.client;
            }

            @Override
            public HttpTransport wrap(OkHttpClient client) {
                return new HttpTransport(client, false);
            }
        });
    }

    private final OkHttpClient client;
    private final boolean owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpTransport(OkHttpClient client, boolean owned) {
        this.client = Objects.requireNonNull(client, "client");
        this.owned = owned;
    }

    /**
     * Creates a transport with the platform's trust store and no proxy, owned by the SDK.
     *
     * @return a new transport; close it when done
     */
    public static HttpTransport create() {
        return builder().build();
    }

    /**
     * Returns a builder for an SDK-owned transport with custom trust material or a proxy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether the SDK created this transport and therefore closes it.
     *
     * @return {@code true} for transports made by {@link #create()} or {@link #builder()}
     */
    public boolean isOwned() {
        return owned;
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes the transport. For an SDK-owned transport, shuts down its dispatcher threads and
     * evicts its pooled connections; for a wrapped client, only marks this handle closed and leaves
     * the client untouched. Calls in flight are not cancelled.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && owned) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + (owned ? "owned" : "wrapped") + (isClosed() ? ", closed" : "") + "]";
    }

    /** Builds an SDK-owned {@link HttpTransport}. */
    public static final class Builder {
        private SSLSocketFactory sslSocketFactory;
        private X509TrustManager trustManager;
        private KeyManager[] keyManagers;
        private Proxy proxy;

        private Builder() {
        }

        /**
         * Trusts the roots of the given trust manager instead of the platform's, for example a
         * government or test CA. Hostnames are still verified.
         *
         * @param trustManager the trust manager, from a {@code TrustManagerFactory}
         * @return this builder
         */
        public Builder trustManager(X509TrustManager trustManager) {
            if (trustManager == null) {
                throw new InvalidInputException("trustManager", "must not be null");
            }
            this.trustManager = trustManager;
            this.sslSocketFactory = null;
            return this;
        }

        /**
         * Presents a client certificate for mutual TLS (as X-Road security servers and some gateways
         * demand), from a key store such as a PKCS#12 file loaded with {@code KeyStore.getInstance("PKCS12")}.
         * Combines with {@link #trustManager(X509TrustManager)}; without it the platform's roots are
         * trusted. Replaces a socket factory set with {@link #sslSocketFactory}.
         *
         * @param keyStore the key store holding the client's private key and certificate chain
         * @param password the key's password (the array is not kept)
         * @return this builder
         * @throws InvalidInputException if the key store is null or its key cannot be read with the password
         */
        public Builder clientCertificate(KeyStore keyStore, char[] password) {
            if (keyStore == null) {
                throw new InvalidInputException("keyStore", "must not be null");
            }
            try {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keyStore, password);
                this.keyManagers = factory.getKeyManagers();
                this.sslSocketFactory = null;
                return this;
            } catch (GeneralSecurityException e) {
                throw new InvalidInputException("keyStore", "must hold a private key readable with the password given ("
                        + e.getClass().getSimpleName() + ")");
            }
        }

        /**
         * Uses the given TLS socket factory and trust manager, for example one built from an
         * {@code SSLContext} that also holds a client certificate for mutual TLS.
         *
         * @param sslSocketFactory the socket factory
         * @param trustManager the trust manager the factory was built with
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
            if (sslSocketFactory == null) {
                throw new InvalidInputException("sslSocketFactory", "must not be null");
            }
            if (trustManager == null) {
                throw new InvalidInputException("trustManager", "must not be null");
            }
            this.sslSocketFactory = sslSocketFactory;
            this.trustManager = trustManager;
            this.keyManagers = null;
            return this;
        }

        /**
         * Sends every request through the given proxy.
         *
         * @param proxy the proxy, or {@link Proxy#NO_PROXY}
         * @return this builder
         */
        public Builder proxy(Proxy proxy) {
            if (proxy == null) {
                throw new InvalidInputException("proxy", "must not be null");
            }
            this.proxy = proxy;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return a new transport owned by the SDK; close it when done
         */
        public HttpTransport build() {
            OkHttpClient.Builder b = new OkHttpClient.Builder();
            if (sslSocketFactory != null) {
                b.sslSocketFactory(sslSocketFactory, trustManager);
            } else if (trustManager != null || keyManagers != null) {
                try {
                    X509TrustManager trust = trustManager != null ? trustManager : platformTrustManager();
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(keyManagers, new TrustManager[] {trust}, null);
                    b.sslSocketFactory(context.getSocketFactory(), trust);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("TLS is not available in this JVM", e);
                }
            }
            if (proxy != null) {
                b.proxy(proxy);
            }
            return new HttpTransport(b.build(), true);
        }

        private static X509TrustManager platformTrustManager() throws GeneralSecurityException {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    return (X509TrustManager) tm;
                }
            }
            throw new GeneralSecurityException("no X509TrustManager in the platform");
        }
    }
}
