package vn.govsdk.core.internal.http;

import okhttp3.OkHttpClient;
import vn.govsdk.core.http.HttpTransport;

/**
 * Reaches the {@link OkHttpClient} inside a public {@link HttpTransport} without putting an OkHttp
 * type in that class's public signature. {@code HttpTransport} installs the bridge when it is
 * initialised.
 */
public final class TransportAccess {

    /** What {@link HttpTransport} lends to internal code. */
    public interface Bridge {
        /**
         * Returns the client inside a transport.
         *
         * @param transport the transport
         * @return its client
         */
        OkHttpClient client(HttpTransport transport);

        /**
         * Wraps an application-owned client.
         *
         * @param client the client
         * @return a transport that never closes it
         */
        HttpTransport wrap(OkHttpClient client);
    }

    private static volatile Bridge bridge;

    private TransportAccess() {
    }

    /**
     * Installs the bridge; called once by {@link HttpTransport}.
     *
     * @param b the bridge
     */
    public static void install(Bridge b) {
        synchronized (TransportAccess.class) {
            if (bridge != null) {
                throw new IllegalStateException("bridge already installed");
            }
            bridge = b;
        }
    }

    /**
     * Returns the client inside a transport.
     *
     * @param transport the transport
     * @return its client
     */
    public static OkHttpClient client(HttpTransport transport) {
        return bridge().client(transport);
    }

    /**
     * Wraps an application-owned client.
     *
     * @param client the client
     * @return a transport that never closes it
     */
    public static HttpTransport wrap(OkHttpClient client) {
        return bridge().wrap(client);
    }

    private static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                Class.forName(HttpTransport.class.getName(), true, HttpTransport.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            b = bridge;
        }
        return b;
    }
}
