package vn.govsdk.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import vn.govsdk.dataexchange.city.OpenDataClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.OpenDataService;

/**
 * Records per second read from the mock open-data portal's 1,000,000-row resource, 20 pages of 1000
 * records an invocation: through {@link OpenDataClient#stream} (DKAN form, records mapped to a record
 * class), against a raw {@code OkHttpClient} loop over the same pages that parses each page with
 * Jackson and maps each record to the same class. Same platform, same connection pool, same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class OpenDataStreamBenchmark {

    private static final int PAGES = 20;
    private static final int PAGE = 1000;

    /** The caller's record class. */
    public record Report(String ma_phuong, String ten_phuong, LocalDate ngay, String linh_vuc, int so_luong) {
    }

    private MockGovPlatform platform;
    private OkHttpClient okHttp;
    private OpenDataClient client;
    private HttpUrl base;
    private ObjectMapper mapper;

    /** Starts the mock platform and builds both readers over one OkHttpClient. */
    @Setup(Level.Trial)
    public void setUp() {
        platform = MockGovPlatform.builder().seed(1).journalCapacity(64).service(p -> new OpenDataService(p)).build();
        okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES)).build();
        HttpTransport transport = OkHttpTransport.wrap(okHttp);
        client = OpenDataClient.builder().endpoint(platform.baseUrl(OpenDataService.PREFIX)).httpClient(transport)
                .pageSize(PAGE).build();
        base = HttpUrl.get(platform.baseUrl(OpenDataService.PREFIX + "/api/action/datastore/search.json").toString());
        mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        platform.close();
        okHttp.connectionPool().evictAll();
        okHttp.dispatcher().executorService().shutdown();
    }

    /**
     * Through the client.
     *
     * @param bh the sink
     */
    @Benchmark
    @OperationsPerInvocation(PAGES * PAGE)
    public void client(Blackhole bh) {
        int n = 0;
        for (Report r : client.stream(OpenDataService.BIG_RESOURCE, Report.class)) {
            bh.consume(r);
            if (++n == PAGES * PAGE) {
                break;
            }
        }
    }

    /**
     * A raw OkHttp loop over the same pages.
     *
     * @param bh the sink
     * @throws IOException on a transport failure
     */
    @Benchmark
    @OperationsPerInvocation(PAGES * PAGE)
    public void rawOkHttp(Blackhole bh) throws IOException {
        for (int p = 0; p < PAGES; p++) {
            HttpUrl url = base.newBuilder().addQueryParameter("resource_id", OpenDataService.BIG_RESOURCE)
                    .addQueryParameter("limit", Integer.toString(PAGE))
                    .addQueryParameter("offset", Integer.toString(p * PAGE)).build();
            try (Response response = okHttp.newCall(new Request.Builder().url(url).get().build()).execute();
                    InputStream in = response.body().byteStream()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
                JsonNode records = mapper.readTree(in).get("result").get("records");
                for (JsonNode r : records) {
                    bh.consume(mapper.treeToValue(r, Report.class));
                }
            }
        }
    }
}
