package vn.govsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
import org.openjdk.jmh.annotations.Warmup;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import vn.govsdk.core.internal.http.GovHttpPipeline;

/**
 * A small JSON GET through every interceptor the SDK installs (correlation id, operation tag,
 * deadline, retry, masked logging at its default level) against the same call through a raw
 * {@code OkHttpClient}: same MockWebServer, same connection pool, same JSON mapping, same JVM.
 * Target: the SDK adds at most 10% at the median ({@code ·p0.50} of the sample-time mode).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class TransportBenchmark {

    private static final String BODY = "{\"error_code\":0,\"result\":{\"MaHoSo\":\"000.00.01.H29-250701-0001\","
            + "\"TrangThai\":4,\"NgayTiepNhan\":\"20250701083000\",\"DonViXuLy\":\"Sở Tư pháp\"}}";

    /** The decoded shape of the answer. */
    public record Answer(int error_code, Result result) {
        /** The result member. */
        public record Result(String MaHoSo, int TrangThai, String NgayTiepNhan, String DonViXuLy) {
        }
    }

    private MockWebServer server;
    private OkHttpClient okHttp;
    private GovHttpPipeline pipeline;
    private ObjectMapper mapper;
    private HttpUrl url;
    private Operation operation;

    /** Starts the server and builds both clients over one OkHttpClient. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = new MockWebServer();
        // MockWebServer writes the head and the body of a response separately; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK (about 40 ms on Linux),
        // which would hide everything being measured. Both benchmarks share this server.
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "application/json; charset=utf-8")
                        .body(BODY)
                        .build();
            }
        });
        server.start();
        url = server.url("/dvcqg/hoso");
        okHttp = new OkHttpClient();
        HttpTransport transport = OkHttpTransport.wrap(okHttp);
        pipeline = GovHttpPipeline.builder(transport).build();
        mapper = new ObjectMapper();
        operation = Operation.read("benchmark.getDossier");
    }

    /** Accepts connections with TCP_NODELAY set. */
    static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    /**
     * The baseline: the raw OkHttp call and the same Jackson mapping.
     *
     * @return the decoded answer
     * @throws IOException if the call fails
     */
    @Benchmark
    public Answer rawOkHttp() throws IOException {
        try (Response response = okHttp.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), Answer.class);
        }
    }

    /**
     * The same call through the SDK pipeline.
     *
     * @return the decoded answer
     */
    @Benchmark
    public Answer sdkPipeline() {
        return pipeline.getJson(operation, url, Answer.class);
    }
}
