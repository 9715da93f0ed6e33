package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.data.SyntheticCitizen;

/** Routing, mounting, the admin page and data endpoints, determinism. */
class MockGovPlatformTest {
    private final OkHttpClient client = Http.client();
    private final List<MockGovPlatform> started = new ArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    private MockGovPlatform start(MockGovPlatform.Builder builder) {
        MockGovPlatform p = builder.build();
        started.add(p);
        return p;
    }

    @AfterEach
    void stopAll() {
        started.forEach(MockGovPlatform::close);
    }

    @Test
    void routesByLongestPrefixAndAnswers404WithThePrefixes() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder()
                .service(new EchoService(), new EchoService("/echo/inner"), new CountingService()));

        assertThat(mapper.readTree(Http.get(client, p.baseUrl("/echo/inner/x")).body()).get("path").asText())
                .isEqualTo("/echo/inner/x");
        assertThat(p.journal().last().orElseThrow().serviceName()).contains("Echo (diagnostic)");
        assertThat(Http.get(client, p.baseUrl("/count")).status()).isEqualTo(200);
        assertThat(Http.get(client, p.baseUrl("/counter")).status()).as("prefixes match whole segments").isEqualTo(404);

        Http.Result missing = Http.get(client, p.baseUrl("/c06/api"));
        assertThat(missing.status()).isEqualTo(404);
        JsonNode body = mapper.readTree(missing.body());
        assertThat(body.get("message").asText()).contains("/c06/api");
        assertThat(body.get("services").findValuesAsText("prefix")).containsExactly("/pki", "/echo", "/echo/inner", "/count");
        assertThat(body.get("admin").asText()).isEqualTo("/__admin/");
    }

    @Test
    void echoReflectsTheRequestAndCanAnswerAnyStatus() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder().service(new EchoService()));
        Request request = new Request.Builder().url(p.baseUrl("/echo/a%20b?x=1&x=2&y").toString())
                .header("X-Test", "xin chao").post(RequestBody.create("{\"k\":\"v\"}", Http.JSON)).build();

        JsonNode echo = mapper.readTree(Http.execute(client, request).body());

        assertThat(echo.get("method").asText()).isEqualTo("POST");
        assertThat(echo.get("path").asText()).isEqualTo("/echo/a b");
        assertThat(echo.get("query").get("x").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(echo.get("query").get("y").toString()).isEqualTo("[\"\"]");
        assertThat(echo.get("headers").get("x-test").get(0).asText()).isEqualTo("xin chao");
        assertThat(echo.get("body").asText()).isEqualTo("{\"k\":\"v\"}");
        assertThat(Http.get(client, p.baseUrl("/echo?status=418")).status()).isEqualTo(418);
        assertThat(Http.get(client, p.baseUrl("/echo?status=abc")).status()).isEqualTo(400);
    }

    @Test
    void servicesMadeFromThePlatformReachItsDataAndAddress() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder().seed(5).service(CitizenDirectoryService::new));

        CitizenDirectoryService service = (CitizenDirectoryService) p.service("/people").orElseThrow();
        assertThat(service.platform()).isSameAs(p);
        JsonNode person = mapper.readTree(Http.get(client, p.baseUrl("/people/17")).body());
        assertThat(person.get("id").asText()).isEqualTo(p.data().citizen(17).citizenId());
        assertThat(p.baseUrl("/people").toString()).isEqualTo(p.baseUrl() + "people");
    }

    @Test
    void servicesCanBeMountedWhileRunning() {
        MockGovPlatform p = start(MockGovPlatform.builder());
        assertThat(Http.get(client, p.baseUrl("/count")).status()).isEqualTo(404);

        p.mount(new CountingService());

        assertThat(Http.get(client, p.baseUrl("/count")).status()).isEqualTo(200);
        assertThat(p.services()).extracting(MockService::pathPrefix).containsExactly("/pki", "/count");
    }

    @Test
    void badPrefixesAreRefused() {
        MockGovPlatform p = start(MockGovPlatform.builder().service(new EchoService()));
        assertThatThrownBy(() -> p.mount(new EchoService())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/echo is already taken");
        assertThatThrownBy(() -> p.mount(new EchoService("/__admin/x"))).hasMessageContaining("reserved");
        assertThatThrownBy(() -> p.mount(new EchoService("echo2"))).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> p.mount(new EchoService("/echo2/"))).hasMessageContaining("not end with /");
        assertThatThrownBy(() -> p.mount(new EchoService("/"))).hasMessageContaining("at least one character");
        assertThatThrownBy(() -> MockGovPlatform.builder().service(new EchoService(), new EchoService()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.baseUrl("echo")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MockGovPlatform.builder().port(70000)).hasMessageContaining("port");
    }

    @Test
    void aFailingServiceGets500WithAMaskedMessage() throws Exception {
        MockService broken = new MockService() {
            @Override
            public String name() {
                return "Broken";
            }

            @Override
            public String pathPrefix() {
                return "/broken";
            }

            @Override
            public MockResponse handle(MockRequest request) {
                throw new IllegalStateException("no record for 079203012345");
            }
        };
        MockGovPlatform p = start(MockGovPlatform.builder().service(broken));

        Http.Result r = Http.get(client, p.baseUrl("/broken"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("IllegalStateException").contains("079*******45").doesNotContain("079203012345");
    }

    @Test
    void headRequestsGetHeadersOnlyAndOversizedBodiesGet413() throws IOException {
        MockGovPlatform p = start(MockGovPlatform.builder().maxRequestBodyBytes(100).service(new CountingService()));

        try (Response head = client.newCall(new Request.Builder().url(p.baseUrl("/count").toString()).head().build())
                .execute()) {
            assertThat(head.code()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isNotEqualTo("0");
        }
        assertThat(Http.get(client, p.baseUrl("/count")).status()).as("the connection is still usable").isEqualTo(200);

        Http.Result tooLarge = Http.post(client, p.baseUrl("/count"), "{\"x\":\"" + "a".repeat(200) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("100 bytes");
    }

    @Test
    void resetResetsServiceState() {
        CountingService counting = new CountingService();
        MockGovPlatform p = start(MockGovPlatform.builder().service(counting));
        Http.get(client, p.baseUrl("/count"));
        Http.get(client, p.baseUrl("/count"));
        assertThat(counting.handled()).isEqualTo(2);

        p.reset();

        assertThat(counting.handled()).isZero();
        assertThat(p.journal().count()).isZero();
    }

    @Test
    void closeStopsServing() {
        MockGovPlatform p = MockGovPlatform.builder().service(new EchoService()).build();
        URI echo = p.baseUrl("/echo");
        assertThat(Http.get(client, echo).status()).isEqualTo(200);

        p.close();
        p.close();

        OkHttpClient fresh = Http.client();
        assertThatThrownBy(() -> Http.get(fresh, echo)).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void adminPageShowsServicesSeedFaultsAndMaskedRequests() {
        MockGovPlatform p = start(MockGovPlatform.builder().seed(4242).service(new CountingService()));
        p.faults().add(FaultRule.builder().prefix("/count").method("GET").fault(Fault.status(503)).failFirst(1).build());
        Http.get(client, p.baseUrl("/count/citizens/079203012345?x=%3Cscript%3E"));

        Http.Result page = Http.get(client, p.baseUrl("/__admin/"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("4242")
                .contains("/count").contains("Đếm yêu cầu (counting)")
                .contains("GET /count/** -&gt; status 503 (first 1 requests)").contains("used up")
                .contains("/count/citizens/079*******45")
                .doesNotContain("079203012345")
                .doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("1000000 citizens");
        assertThat(Http.get(client, p.baseUrl("/__admin")).status()).isEqualTo(200);
        assertThat(Http.post(client, p.baseUrl("/__admin/"), "{}").status()).isEqualTo(405);
        assertThat(Http.get(client, p.baseUrl("/__admin/nothing")).status()).isEqualTo(404);
    }

    @Test
    void healthIsSmallAndFast() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder().seed(9).service(new EchoService()));
        Http.Result r = Http.get(client, p.baseUrl("/__admin/health"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode health = mapper.readTree(r.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("seed").asLong()).isEqualTo(9);
        assertThat(health.get("services").asInt()).as("the test PKI and the echo service").isEqualTo(2);
    }

    @Test
    void dataEndpointsServeCitizensAndHouseholds() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder().seed(77));
        SyntheticCitizen c = p.data().citizen(123_456);

        JsonNode byIndex = mapper.readTree(Http.get(client, p.baseUrl("/__admin/data/citizens?index=123456")).body());
        assertThat(byIndex.get("citizenId").asText()).isEqualTo(c.citizenId());
        assertThat(byIndex.get("fullName").asText()).isEqualTo(c.fullName());
        assertThat(byIndex.get("address").get("provinceCode").asText()).isEqualTo(c.address().province().code());

        Http.Result byId = Http.get(client, p.baseUrl("/__admin/data/citizens?id=" + c.citizenId()));
        assertThat(mapper.readTree(byId.body())).isEqualTo(byIndex);

        JsonNode list = mapper.readTree(Http.get(client, p.baseUrl("/__admin/data/citizens?from=999998&count=5")).body());
        assertThat(list.size()).as("the list stops at the end of the population").isEqualTo(2);

        JsonNode household = mapper.readTree(
                Http.get(client, p.baseUrl("/__admin/data/households?id=" + c.householdId())).body());
        assertThat(household.get("members").findValuesAsText("citizenId")).contains(c.citizenId());

        Http.Result bad = Http.get(client, p.baseUrl("/__admin/data/citizens?index=2000000"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("index must be between 0 and 999999");
        assertThat(Http.get(client, p.baseUrl("/__admin/data/citizens?id=12345")).body())
                .contains("citizenId must be 12 digits");
        // Same last six digits (so the same index), another birth province: no such citizen.
        String unknown = (c.citizenId().startsWith("001") ? "079" : "001") + c.citizenId().substring(3);
        assertThat(Http.get(client, p.baseUrl("/__admin/data/citizens?id=" + unknown)).status()).isEqualTo(404);
        assertThat(Http.get(client, p.baseUrl("/__admin/data/citizens")).status()).isEqualTo(400);
    }

    @Test
    void sameSeedGivesIdenticalBodiesAndAnotherSeedDifferentOnes() {
        MockGovPlatform a = start(MockGovPlatform.builder().seed(2025).service(CitizenDirectoryService::new));
        MockGovPlatform b = start(MockGovPlatform.builder().seed(2025).service(CitizenDirectoryService::new));
        MockGovPlatform other = start(MockGovPlatform.builder().seed(2026).service(CitizenDirectoryService::new));
        List<String> paths = List.of("/people/0", "/people/1", "/people/999999", "/people/424242",
                "/__admin/data/citizens?index=31337", "/__admin/data/households?index=1234",
                "/__admin/data/citizens?from=500&count=50");

        for (String path : paths) {
            Http.Result fromA = Http.get(client, a.baseUrl(path));
            Http.Result fromB = Http.get(client, b.baseUrl(path));
            Http.Result fromOther = Http.get(client, other.baseUrl(path));
            assertThat(fromA.status()).isEqualTo(200);
            assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
            assertThat(fromOther.body()).as(path).isNotEqualTo(fromA.body());
        }
        String id = a.data().citizen(31337).citizenId();
        assertThat(Http.get(client, b.baseUrl("/people/by-id/" + id)).status()).isEqualTo(200);
    }

    @Test
    void theTestPkiIsServedByThePlatformAndItsCertificatesPointAtIt() throws Exception {
        MockGovPlatform p = start(MockGovPlatform.builder());
        java.security.cert.X509Certificate signer = p.pki().rsa2048Signer().certificate();
        byte[] aia = signer.getExtensionValue("1.3.6.1.5.5.7.1.1");
        assertThat(new String(aia, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("127.0.0.1:" + p.port() + "/pki/ocsp");
        byte[] der;
        try (okhttp3.Response crl = client.newCall(new okhttp3.Request.Builder()
                .url(p.baseUrl("/pki/crl/intermediate.crl").toString()).build()).execute()) {
            assertThat(crl.code()).isEqualTo(200);
            der = crl.body().bytes();
        }
        java.security.cert.X509CRL parsed = (java.security.cert.X509CRL) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(der));
        assertThat(parsed.isRevoked(p.pki().revokedSigner().certificate())).isTrue();
        assertThat(parsed.isRevoked(signer)).isFalse();
    }
}
