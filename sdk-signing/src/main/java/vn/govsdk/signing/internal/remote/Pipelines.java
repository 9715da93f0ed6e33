package vn.govsdk.signing.internal.remote;

import java.net.URI;
import okhttp3.HttpUrl;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.ClientOptions;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.internal.http.GovHttpPipeline;

/** Builds the transport and pipeline of a remote signer from its builder's settings. */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * The transport to use and whether it is owned.
     *
     * @param transport the transport
     * @param owned whether the signer created it and must close it
     * @param pipeline the pipeline builder on it
     */
    public record Setup(HttpTransport transport, boolean owned, GovHttpPipeline.Builder pipeline) {

        /**
         * Returns the transport to close with the signer.
         *
         * @return the owned transport, or {@code null}
         */
        public HttpTransport toClose() {
            return owned ? transport : null;
        }
    }

    /**
     * Creates the setup.
     *
     * @param options the builder's shared settings
     * @return the setup
     */
    public static Setup create(ClientOptions options) {
        boolean owned = options.sharedTransport().isEmpty();
        HttpTransport t = owned ? HttpTransport.create() : options.transport();
        return new Setup(t, owned, GovHttpPipeline.builder(t).options(options));
    }

    /**
     * Checks and converts an endpoint.
     *
     * @param endpoint the URI
     * @return the URL
     */
    public static HttpUrl endpoint(URI endpoint) {
        if (endpoint == null) {
            throw new InvalidInputException("endpoint", "must be set");
        }
        HttpUrl url = endpoint.getScheme() == null ? null : HttpUrl.parse(endpoint.toString());
        if (url == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new InvalidInputException("endpoint", "must be an absolute http or https URI");
        }
        return url;
    }
}
