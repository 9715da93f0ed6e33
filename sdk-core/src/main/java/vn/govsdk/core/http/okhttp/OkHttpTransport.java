package vn.govsdk.core.http.okhttp;

import okhttp3.OkHttpClient;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.internal.http.TransportAccess;

/**
 * Adapter from an application's own {@link OkHttpClient} to an {@link HttpTransport}. This is the
 * one place where an OkHttp type appears in govsdk's public API, as in {@code azure-core-http-okhttp}.
 *
 * <p>Clients built on the wrapped transport derive their own settings with
 * {@link OkHttpClient#newBuilder()}, so they share the application's connection pool, dispatcher,
 * interceptors and event listeners. The SDK never closes the application's client: closing the
 * returned transport only stops govsdk from using it.
 */
public final class OkHttpTransport {

    private OkHttpTransport() {
    }

    /**
     * Wraps an application-owned client.
     *
     * @param client the client; stays open after the returned transport is closed
     * @return a transport that the SDK never closes the client of
     */
    public static HttpTransport wrap(OkHttpClient client) {
        if (client == null) {
            throw new InvalidInputException("client", "must not be null");
        }
        return TransportAccess.wrap(client);
    }
}
