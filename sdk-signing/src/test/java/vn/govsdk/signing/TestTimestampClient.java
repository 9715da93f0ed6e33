package vn.govsdk.signing;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.timestamp.TimestampToken;

/**
 * A minimal test-only RFC 3161 client for the mock platform's TSA at {@code /pki/tsa} (loopback): one
 * POST, certificate requested, random nonce. Counts its calls.
 */
public final class TestTimestampClient implements TimestampClient {

    private final URI tsa;
    private static final OkHttpClient HTTP = new OkHttpClient();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger calls = new AtomicInteger();

    public TestTimestampClient(URI tsa) {
        this.tsa = tsa;
    }

    /** The shared platform's TSA. */
    public static TestTimestampClient shared() {
        return new TestTimestampClient(TestPlatform.shared().pki().endpoints().tsa());
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public TimestampToken timestamp(DigestAlgorithm algorithm, byte[] digest) {
        calls.incrementAndGet();
        try {
            TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
            gen.setCertReq(true);
            TimeStampRequest req = gen.generate(new ASN1ObjectIdentifier(algorithm.oid()), digest,
                    new BigInteger(64, random));
            byte[] body;
            try (Response resp = HTTP.newCall(new Request.Builder().url(tsa.toString())
                    .post(RequestBody.create(req.getEncoded(), MediaType.get("application/timestamp-query"))).build()).execute()) {
                if (resp.code() != 200) {
                    throw new IllegalStateException("TSA answered HTTP " + resp.code());
                }
                body = resp.body().bytes();
            }
            TimeStampResponse tsr = new TimeStampResponse(body);
            tsr.validate(req);
            if (tsr.getTimeStampToken() == null) {
                throw new IllegalStateException("TSA refused: " + tsr.getStatusString());
            }
            return TimestampToken.parse(tsr.getTimeStampToken().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("test TSA call failed: " + e.getMessage(), e);
        }
    }
}
