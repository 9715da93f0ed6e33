package vn.govsdk.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;

/**
 * Request throughput of the mock platform on loopback with 64 concurrent clients: a small JSON answer
 * from a mounted service (routing, fault check, journal) against the same answer from a bare
 * MockWebServer with a trivial dispatcher. Both on HTTP/1.1 with TCP_NODELAY, same OkHttp client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(64)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MockPlatformBenchmark {

    private MockGovPlatform platform;
    private MockWebServer bare;
    private OkHttpClient client;
    private HttpUrl platformUrl;
    private HttpUrl bareUrl;

    /** Starts both servers. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        platform = MockServerRunner.defaultPlatform().seed(1).build();
        platformUrl = HttpUrl.get(platform.baseUrl("/echo/health").toString());
        bare = new MockWebServer();
        bare.setServerSocketFactory(new TransportBenchmark.NoDelayServerSocketFactory());
        bare.setProtocols(java.util.List.of(okhttp3.Protocol.HTTP_1_1));
        bare.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body("{\"method\":\"GET\",\"path\":\"/echo/health\"}").build();
            }
        });
        bare.start();
        bareUrl = bare.url("/echo/health");
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        client = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(128, 5, TimeUnit.MINUTES)).build();
    }

    /** Stops both servers. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        platform.close();
        bare.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private int get(HttpUrl url) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            r.body().bytes();
            if (r.code() != 200) {
                throw new IOException("HTTP " + r.code());
            }
            return r.code();
        }
    }

    /**
     * The platform: routing, fault rules, journal, echo service.
     *
     * @return the status
     * @throws IOException on failure
     */
    @Benchmark
    public int mockPlatform() throws IOException {
        return get(platformUrl);
    }

    /**
     * The baseline: a bare MockWebServer answering the same body.
     *
     * @return the status
     * @throws IOException on failure
     */
    @Benchmark
    public int bareMockWebServer() throws IOException {
        return get(bareUrl);
    }
}
