package vn.govsdk.signing;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;

/**
 * The SDK's own HTTP {@link TimestampClient} for the mock platform's TSA at {@code /pki/tsa} (loopback),
 * wrapped to count the calls a signer makes.
 */
public final class TestTimestampClient implements TimestampClient {

    private final TimestampClient client;
    private final AtomicInteger calls = new AtomicInteger();

    public TestTimestampClient(URI tsa) {
        this.client = TimestampClient.builder().authority(tsa).retryPolicy(RetryPolicy.none()).build();
    }

    /** A client of the shared platform's TSA. */
    public static TestTimestampClient shared() {
        return new TestTimestampClient(TestPlatform.shared().pki().endpoints().tsa());
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public TimestampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        calls.incrementAndGet();
        return client.timestamp(algorithm, digest);
    }
}
