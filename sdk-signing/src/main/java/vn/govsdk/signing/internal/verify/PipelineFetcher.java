package vn.govsdk.signing.internal.verify;

import java.net.URI;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.internal.http.GovHttpPipeline;

/**
 * Fetches OCSP answers, CRLs and issuer certificates through sdk-core's HTTP pipeline (retries, deadline,
 * logging), each call within the deadline the {@link GuardedFetcher} gives it. The pipeline must be built
 * without redirects and with the guard's name resolver.
 */
public final class PipelineFetcher implements GuardedFetcher.Deadlined {

    private static final MediaType OCSP_REQUEST = MediaType.get("application/ocsp-request");
    private static final Operation OCSP = Operation.read("signing.ocsp");
    private static final Operation CRL = Operation.read("signing.crl");
    private static final Operation CA_ISSUERS = Operation.read("signing.caIssuers");

    private final GovHttpPipeline pipeline;

    /**
     * Creates the fetcher.
     *
     * @param pipeline the pipeline
     */
    public PipelineFetcher(GovHttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public byte[] ocsp(URI url, byte[] request, Duration deadline) {
        Request r = new Request.Builder().url(httpUrl(url)).header("Accept", "application/ocsp-response")
                .post(RequestBody.create(request, OCSP_REQUEST)).build();
        return pipeline.execute(OCSP, r, deadline).body();
    }

    @Override
    public byte[] get(URI url, String what, Duration deadline) {
        Request r = new Request.Builder().url(httpUrl(url)).get().build();
        return pipeline.execute("crl".equals(what) ? CRL : CA_ISSUERS, r, deadline).body();
    }

    private static HttpUrl httpUrl(URI url) {
        HttpUrl u = HttpUrl.parse(url.toString());
        if (u == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return u;
    }
}
