package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.SAXException;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;

/**
 * Every fault kind, installed from Java and over HTTP, observed through a real OkHttp client.
 */
class FaultsTest {

    /** Latency faults wait through this: it records and returns at once. */
    static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();
    static final CountingService COUNTING = new CountingService();

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b
            .seed(11)
            .sleeper(SLEPT::add)
            .service(new EchoService(), COUNTING, new XmlService()));

    /** Who installs the fault. */
    enum Driver { JAVA, HTTP }

    private final OkHttpClient client = Http.client();
    private MockGovPlatform platform;

    @BeforeEach
    void setUp() {
        platform = MOCK.platform();
        SLEPT.clear();
    }

    private void install(Driver driver, FaultRule rule, String json) {
        if (driver == Driver.JAVA) {
            platform.faults().add(rule);
        } else {
            Http.Result r = Http.post(client, platform.baseUrl("/__admin/faults"), json);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    private URI url(String path) {
        return platform.baseUrl(path);
    }

    private Response call(String path) throws IOException {
        return client.newCall(new Request.Builder().url(url(path).toString()).build()).execute();
    }

    // ------------------------------------------------------------------ status and Retry-After

    @ParameterizedTest
    @EnumSource(Driver.class)
    void statusFaultAnswersInPlaceOfTheService(Driver driver) {
        install(driver, FaultRule.on("/count", Fault.status(503)),
                "{\"prefix\":\"/count\",\"type\":\"status\",\"status\":503}");

        Http.Result r = Http.get(client, url("/count/anything"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("fault injected").contains("503");
        assertThat(COUNTING.handled()).as("the service is not called").isZero();
        assertThat(platform.journal().last().orElseThrow().fault()).contains("status 503");
        assertThat(platform.journal().last().orElseThrow().status()).isEqualTo(503);
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void statusFaultSendsRetryAfterAndItsOwnBody(Driver driver) {
        install(driver, FaultRule.on("/echo",
                        Fault.status(429, "application/json; charset=utf-8", "{\"maLoi\":\"429\"}")
                                .withRetryAfter(Duration.ofSeconds(7))),
                "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":429,\"retryAfter\":7,"
                        + "\"body\":\"{\\\"maLoi\\\":\\\"429\\\"}\"}");

        Http.Result r = Http.get(client, url("/echo/x"));

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.headers().get("Retry-After")).isEqualTo("7");
        assertThat(r.body()).isEqualTo("{\"maLoi\":\"429\"}");
        assertThat(r.headers().get("Content-Type")).startsWith("application/json");
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void retryAfterMayBeAnHttpDate(Driver driver) {
        String date = "Wed, 21 Oct 2026 07:28:00 GMT";
        install(driver, FaultRule.on("/echo", Fault.status(503).withRetryAfter(date)),
                "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503,\"retryAfter\":\"" + date + "\"}");

        Http.Result r = Http.get(client, url("/echo"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers().get("Retry-After")).isEqualTo(date);
    }

    // ------------------------------------------------------------------ latency

    @ParameterizedTest
    @EnumSource(Driver.class)
    void latencyDelaysThroughTheSleeperAndThenLetsTheServiceAnswer(Driver driver) {
        install(driver, FaultRule.on("/count", Fault.latency(Duration.ofMillis(1500))),
                "{\"prefix\":\"/count\",\"type\":\"latency\",\"latencyMs\":1500}");

        Http.Result r = Http.get(client, url("/count"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"handled\":1");
        assertThat(SLEPT).containsExactly(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void latencyCombinesWithAStatus(Driver driver) {
        install(driver, FaultRule.on("/echo", Fault.status(504).withLatency(Duration.ofSeconds(30))),
                "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":504,\"latencyMs\":30000}");

        Http.Result r = Http.get(client, url("/echo"));

        assertThat(r.status()).isEqualTo(504);
        assertThat(SLEPT).containsExactly(Duration.ofSeconds(30));
    }

    // ------------------------------------------------------------------ dropped connections

    @ParameterizedTest
    @EnumSource(Driver.class)
    void dropBeforeHeadersFailsTheCallWithoutCallingTheService(Driver driver) {
        install(driver, FaultRule.on("/count", Fault.dropBeforeHeaders()),
                "{\"prefix\":\"/count\",\"type\":\"drop_before_headers\"}");

        assertThatThrownBy(() -> call("/count").close()).isInstanceOf(IOException.class);

        assertThat(COUNTING.handled()).isZero();
        JournalEntry entry = platform.journal().last().orElseThrow();
        assertThat(entry.status()).as("no status was sent").isZero();
        assertThat(entry.fault()).contains("connection dropped before headers");
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void dropAfterHeadersDeliversTheStatusThenFailsTheBody(Driver driver) throws IOException {
        install(driver, FaultRule.on("/echo", Fault.dropAfterHeaders()),
                "{\"prefix\":\"/echo\",\"type\":\"drop-after-headers\"}");

        try (Response response = call("/echo/data")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void truncatedBodyFailsTheRead(Driver driver) throws IOException {
        install(driver, FaultRule.on("/echo", Fault.truncatedBody()),
                "{\"prefix\":\"/echo\",\"type\":\"truncated_body\"}");

        try (Response response = call("/echo/data")) {
            assertThat(response.code()).isEqualTo(200);
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void truncatedBodySendsExactlyTheAskedBytes(Driver driver) throws IOException {
        install(driver, FaultRule.on("/echo", Fault.truncatedBody(10)),
                "{\"prefix\":\"/echo\",\"type\":\"truncated_body\",\"bytes\":10}");

        try (Response response = call("/echo/data")) {
            long announced = response.body().contentLength();
            BufferedSource source = response.body().source();
            Buffer received = new Buffer();
            assertThatThrownBy(() -> {
                while (source.read(received, 8192) != -1) {
                    // keep reading until the cut
                }
            }).isInstanceOf(IOException.class);
            assertThat(received.size()).isEqualTo(10);
            assertThat(announced).isGreaterThan(10);
            assertThat(received.readUtf8()).isEqualTo("{\"service\"");
        }
    }

    // ------------------------------------------------------------------ malformed and slow bodies

    @ParameterizedTest
    @EnumSource(Driver.class)
    void malformedJsonBodyDoesNotParse(Driver driver) {
        Http.Result healthy = Http.get(client, url("/count"));
        assertThat(parsesAsJson(healthy.body())).isTrue();
        install(driver, FaultRule.on("/count", Fault.malformedBody()),
                "{\"prefix\":\"/count\",\"type\":\"malformed_body\"}");

        Http.Result r = Http.get(client, url("/count"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("Content-Type")).startsWith("application/json");
        assertThat(parsesAsJson(r.body())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void malformedXmlBodyDoesNotParse(Driver driver) throws Exception {
        Http.Result healthy = Http.get(client, url("/xml"));
        parseXml(healthy.body());
        install(driver, FaultRule.on("/xml", Fault.malformedBody()),
                "{\"prefix\":\"/xml\",\"type\":\"malformed_body\"}");

        Http.Result r = Http.get(client, url("/xml"));

        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(() -> parseXml(r.body())).isInstanceOf(SAXException.class);
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void malformedBodyMayBeGivenVerbatim(Driver driver) {
        install(driver, FaultRule.on("/echo", Fault.malformedBody("{\"ok\": tru}")),
                "{\"prefix\":\"/echo\",\"type\":\"malformed_body\",\"body\":\"{\\\"ok\\\": tru}\"}");

        Http.Result r = Http.get(client, url("/echo"));

        assertThat(r.body()).isEqualTo("{\"ok\": tru}");
        assertThat(parsesAsJson(r.body())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void slowBodyOutlastsAShortReadTimeout(Driver driver) throws IOException {
        install(driver, FaultRule.on("/echo", Fault.slowBody(1, Duration.ofSeconds(2))),
                "{\"prefix\":\"/echo\",\"type\":\"slow_body\",\"bytesPerPeriod\":1,\"periodMs\":2000}");
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(200)).build();

        try (Response response = impatient.newCall(new Request.Builder().url(url("/echo").toString()).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void slowBodyStillArrivesWhole(Driver driver) {
        String normal = Http.get(client, url("/echo/slow")).body();
        install(driver, FaultRule.on("/echo", Fault.slowBody(64, Duration.ofMillis(1))),
                "{\"prefix\":\"/echo\",\"type\":\"slow_body\",\"bytesPerPeriod\":64,\"periodMs\":1}");

        Http.Result r = Http.get(client, url("/echo/slow"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(normal);
        assertThat(platform.journal().last().orElseThrow().fault()).contains("slow body, 64 bytes per 1 ms");
    }

    // ------------------------------------------------------------------ sequences

    @ParameterizedTest
    @EnumSource(Driver.class)
    void failFirstNThenSucceed(Driver driver) {
        install(driver, FaultRule.builder().prefix("/count").fault(Fault.status(503)).failFirst(2).build(),
                "{\"prefix\":\"/count\",\"type\":\"status\",\"status\":503,\"failFirst\":2}");

        assertThat(Http.get(client, url("/count")).status()).isEqualTo(503);
        assertThat(Http.get(client, url("/count")).status()).isEqualTo(503);
        Http.Result third = Http.get(client, url("/count"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.body()).contains("\"handled\":1");

        ActiveFault fault = platform.faults().list().get(0);
        assertThat(fault.hits()).isEqualTo(2);
        assertThat(fault.exhausted()).isTrue();
        assertThat(Http.get(client, url("/__admin/faults")).body()).contains("\"exhausted\" : true");
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void failFirstNWithDroppedConnections(Driver driver) throws IOException {
        install(driver, FaultRule.builder().prefix("/count").fault(Fault.dropBeforeHeaders()).failFirst(2).build(),
                "{\"prefix\":\"/count\",\"type\":\"drop_before_headers\",\"failFirst\":2}");

        assertThatThrownBy(() -> call("/count").close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> call("/count").close()).isInstanceOf(IOException.class);
        try (Response third = call("/count")) {
            assertThat(third.code()).isEqualTo(200);
        }
        assertThat(COUNTING.handled()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void rulesLimitedToFirstNApplyOneAfterTheOther(Driver driver) throws IOException {
        install(driver, FaultRule.builder().prefix("/echo").fault(Fault.status(503)).failFirst(1).build(),
                "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503,\"failFirst\":1}");
        install(driver, FaultRule.builder().prefix("/echo").fault(Fault.dropBeforeHeaders()).failFirst(1).build(),
                "{\"prefix\":\"/echo\",\"type\":\"drop_before_headers\",\"failFirst\":1}");

        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(503);
        assertThatThrownBy(() -> call("/echo").close()).isInstanceOf(IOException.class);
        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ routes

    @ParameterizedTest
    @EnumSource(Driver.class)
    void rulesNarrowToAMethodAndAPathGlob(Driver driver) {
        install(driver, FaultRule.builder().prefix("/echo").path("/echo/a/*").method("post")
                        .fault(Fault.status(500)).build(),
                "{\"prefix\":\"/echo\",\"path\":\"/echo/a/*\",\"method\":\"POST\",\"type\":\"status\",\"status\":500}");

        assertThat(Http.post(client, url("/echo/a/b"), "{}").status()).isEqualTo(500);
        assertThat(Http.get(client, url("/echo/a/b")).status()).as("other method").isEqualTo(200);
        assertThat(Http.post(client, url("/echo/a/b/c"), "{}").status()).as("* stays in one segment").isEqualTo(200);
        assertThat(Http.post(client, url("/echo/z"), "{}").status()).as("other path").isEqualTo(200);
        assertThat(Http.post(client, url("/count/a/b"), "{}").status()).as("other service").isEqualTo(200);
    }

    @Test
    void doubleStarCrossesSegmentsAndSlashCoversEveryService() {
        platform.faults().add(FaultRule.builder().prefix("/").path("/**/deep/**").fault(Fault.status(502)).build());

        assertThat(Http.get(client, url("/echo/x/deep/y/z")).status()).isEqualTo(502);
        assertThat(Http.get(client, url("/count/deep/1")).status()).isEqualTo(502);
        assertThat(Http.get(client, url("/echo/shallow")).status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsAreNeverFaulted() {
        platform.faults().add("/", Fault.status(500));

        assertThat(Http.get(client, url("/__admin/health")).status()).isEqualTo(200);
        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(500);
        assertThatThrownBy(() -> FaultRule.on("/__admin", Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin");
    }

    // ------------------------------------------------------------------ administration over HTTP

    @Test
    void faultsAreListedRemovedAndClearedOverHttp() {
        Http.Result created = Http.post(client, url("/__admin/faults"),
                "{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503}");
        assertThat(created.status()).isEqualTo(201);
        String id = platform.faults().list().get(0).id();
        assertThat(created.body()).contains("\"id\" : \"" + id + "\"");
        Http.post(client, url("/__admin/faults"), "{\"prefix\":\"/count\",\"type\":\"latency\",\"latencyMs\":5}");

        Http.Result listed = Http.get(client, url("/__admin/faults"));
        assertThat(listed.body()).contains("\"prefix\" : \"/echo\"").contains("\"prefix\" : \"/count\"")
                .contains("\"latencyMs\" : 5");

        assertThat(Http.delete(client, url("/__admin/faults/" + id)).status()).isEqualTo(200);
        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(200);
        assertThat(platform.faults().list()).hasSize(1);
        assertThat(Http.delete(client, url("/__admin/faults/" + id)).status()).isEqualTo(404);

        assertThat(Http.delete(client, url("/__admin/faults")).status()).isEqualTo(200);
        assertThat(platform.faults().list()).isEmpty();
    }

    @Test
    void badFaultDefinitionsAreRefusedNamingTheField() {
        assertRefused("{\"prefix\":\"/echo\",\"type\":\"status\",\"statuss\":503}", "statuss");
        assertRefused("{\"prefix\":\"/echo\"}", "type is required");
        assertRefused("{\"prefix\":\"/echo\",\"type\":\"explode\"}", "explode");
        assertRefused("{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":700}", "status must be between 100 and 599");
        assertRefused("{\"prefix\":\"/echo\",\"type\":\"status\",\"status\":503,\"failFirst\":0}", "failFirst must be positive");
        assertRefused("{\"prefix\":\"/__admin\",\"type\":\"status\",\"status\":503}", "admin");
        assertRefused("{\"type\":\"status\",\"status\":503}", "prefix is required");
        assertRefused("{\"prefix\":\"/echo\",\"type\":\"slow_body\",\"periodMs\":5}", "bytesPerPeriod is required");
        assertRefused("not json", "not valid JSON");
        assertThat(platform.faults().list()).isEmpty();
    }

    private void assertRefused(String json, String expectedInMessage) {
        Http.Result r = Http.post(client, url("/__admin/faults"), json);
        assertThat(r.status()).as(json).isEqualTo(400);
        assertThat(r.body()).as(json).contains(expectedInMessage);
    }

    @Test
    void resetRemovesFaultsFromJavaAndOverHttp() {
        platform.faults().add("/echo", Fault.status(503));
        platform.reset();
        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(200);

        platform.faults().add("/echo", Fault.status(503));
        assertThat(Http.execute(client, new Request.Builder().url(url("/__admin/reset").toString())
                .post(RequestBody.create(new byte[0])).build()).status()).isEqualTo(200);
        assertThat(platform.faults().list()).isEmpty();
        assertThat(Http.get(client, url("/echo")).status()).isEqualTo(200);
    }

    @Test
    void faultValuesRefuseNonsense() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.latency(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.slowBody(0, Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropBeforeHeaders().withRetryAfter("1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Fault.status(503).withRetryAfter("1\r\nX-Evil: 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.builder().prefix("/echo").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fault");
        assertThat(Fault.status(503).withRetryAfter(Duration.ofSeconds(2)))
                .isEqualTo(Fault.status(503).withRetryAfter("2"))
                .hasToString("status 503, Retry-After 2");
    }

    private static boolean parsesAsJson(String text) {
        try {
            new ObjectMapper().readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static void parseXml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
