package vn.govsdk.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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
import org.w3c.dom.Document;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.identity.population.CallOptions;
import vn.govsdk.identity.population.PopulationRegistryClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.population.PopulationDbService;

/**
 * Citizen lookups (TraCuuThongTinCongDan) by 32 concurrent callers: through
 * {@link PopulationRegistryClient} on the direct route, against the same SOAP call made with a raw
 * {@code OkHttpClient}: the same request body bytes (captured from the client's first call), the same
 * signed headers computed per call, a namespace-aware DOM parse with DTDs disallowed, the same mock
 * platform and connection pool, in the same run. The client's extra work: a fresh request id and
 * streaming-written envelope per call, the hardened parser, a typed record, correlation id, retry
 * policy and masked logging.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(32)
public class PopulationLookupBenchmark {

    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");

    private MockGovPlatform platform;
    private OkHttpClient okHttp;
    private PopulationRegistryClient client;
    private CitizenId citizen;
    private String url;
    private byte[] body;
    private DocumentBuilderFactory dom;

    /** Starts the mock platform and builds both callers over one OkHttpClient. */
    @Setup(Level.Trial)
    public void setUp() throws ParserConfigurationException {
        platform = MockGovPlatform.builder().seed(1).journalCapacity(64).service(PopulationDbService::new).build();
        okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES)).build();
        HttpTransport transport = OkHttpTransport.wrap(okHttp);
        client = PopulationRegistryClient.builder()
                .endpoint(platform.baseUrl(PopulationDbService.DIRECT_PATH))
                .credentials(PopulationDbBasic.builder().username(PopulationDbService.DIRECT_USERNAME)
                        .secretKey(Secret.of(PopulationDbService.DIRECT_SECRET_KEY))
                        .xRoadClient(PopulationDbService.X_ROAD_CLIENT).build())
                .callOptions(CallOptions.builder().serviceCode("VPCP").integrationCode("037").officerAccount("bench").build())
                .httpClient(transport)
                .build();
        citizen = CitizenId.of(platform.data().citizen(123).citizenId());
        client.lookupCitizen(citizen);
        body = platform.journal().lastTo(PopulationDbService.DIRECT_PATH).orElseThrow().request().body();
        url = platform.baseUrl(PopulationDbService.DIRECT_PATH).toString();
        dom = DocumentBuilderFactory.newInstance();
        dom.setNamespaceAware(true);
        dom.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dom.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        platform.journal().clear();
    }

    /** Stops the platform and the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        platform.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    /**
     * The baseline: the same SOAP call by hand.
     *
     * @return the citizen's name from the answer
     * @throws Exception if the call fails
     */
    @Benchmark
    public String rawOkHttp() throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        String password = sha256Hex(url + PopulationDbService.DIRECT_USERNAME + timestamp
                + PopulationDbService.DIRECT_SECRET_KEY);
        Request request = new Request.Builder().url(url)
                .header("Authorization", Credentials.basic(PopulationDbService.DIRECT_USERNAME, password,
                        StandardCharsets.UTF_8))
                .header("Timestamp", timestamp)
                .header("X-Road-Client", PopulationDbService.X_ROAD_CLIENT)
                .header("SOAPAction", "\"http://dancuquocgia.bca/TraCuuThongTinCongDan\"")
                .post(RequestBody.create(body, XML)).build();
        try (Response response = okHttp.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            try (InputStream in = response.body().byteStream()) {
                Document doc = dom.newDocumentBuilder().parse(in);
                return doc.getElementsByTagNameNS("http://dancuquocgia.bca", "HoVaTen").item(0).getTextContent();
            }
        }
    }

    /**
     * The same lookup through the client.
     *
     * @return the citizen's name from the record
     */
    @Benchmark
    public String client() {
        return client.lookupCitizen(citizen).fullName();
    }

    private static String sha256Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
