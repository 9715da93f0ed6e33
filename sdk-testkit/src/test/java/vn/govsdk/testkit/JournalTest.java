package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request journal, queried from Java and over HTTP with personal data masked. */
class JournalTest {
    private static final Instant NOW = Instant.parse("2025-07-01T03:00:00Z");
    private static final String CITIZEN_ID = "079203012345";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.c2ln";

    private final OkHttpClient client = Http.client();
    private MockGovPlatform platform;

    @BeforeEach
    void start() {
        platform = MockGovPlatform.builder()
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .service(new EchoService(), new CountingService())
                .build();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private void postWithPersonalData() {
        Request request = new Request.Builder()
                .url(platform.baseUrl("/echo/citizens/" + CITIZEN_ID + "?soDinhDanh=" + CITIZEN_ID + "&page=2").toString())
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Citizen", CITIZEN_ID)
                .post(RequestBody.create("{\"soDinhDanh\":\"" + CITIZEN_ID + "\",\"hoVaTen\":\"Nguyễn Văn An\","
                        + "\"ghiChu\":\"số " + CITIZEN_ID + "\"}", Http.JSON))
                .build();
        assertThat(Http.execute(client, request).status()).isEqualTo(200);
    }

    @Test
    void everyRequestIsRecordedWithWhatWasAnswered() {
        postWithPersonalData();
        Http.get(client, platform.baseUrl("/count/x"));
        Http.get(client, platform.baseUrl("/nowhere"));
        platform.faults().add("/count", Fault.status(503));
        Http.get(client, platform.baseUrl("/count/y"));

        RequestJournal journal = platform.journal();
        assertThat(journal.count()).isEqualTo(4);
        JournalEntry first = journal.requests().get(0);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.receivedAt()).isEqualTo(NOW);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/echo/citizens/" + CITIZEN_ID);
        assertThat(first.request().queryParameter("soDinhDanh")).contains(CITIZEN_ID);
        assertThat(first.request().queryParameter("page")).contains("2");
        assertThat(first.header("x-citizen")).contains(CITIZEN_ID);
        assertThat(first.bodyAsString()).contains("Nguyễn Văn An");
        assertThat(first.serviceName()).contains("Echo (diagnostic)");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.fault()).isEmpty();

        JournalEntry unrouted = journal.requests().get(2);
        assertThat(unrouted.serviceName()).isEmpty();
        assertThat(unrouted.status()).isEqualTo(404);

        JournalEntry faulted = journal.last().orElseThrow();
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.fault()).contains("status 503");

        assertThat(journal.requestsTo("/count")).extracting(JournalEntry::path).containsExactly("/count/x", "/count/y");
        assertThat(journal.count("/count")).isEqualTo(2);
        assertThat(journal.count(e -> e.method().equals("POST"))).isEqualTo(1);
        assertThat(journal.lastTo("/echo")).contains(first);
        assertThat(journal.requestsTo("/cou")).as("a prefix matches whole segments").isEmpty();
        assertThat(first.toString()).doesNotContain(CITIZEN_ID).contains("079*******45");

        journal.clear();
        assertThat(journal.count()).isZero();
        Http.get(client, platform.baseUrl("/echo"));
        assertThat(journal.last().orElseThrow().sequence()).as("sequence numbers keep counting").isEqualTo(5);
    }

    @Test
    void adminRequestsAreNotJournaled() {
        Http.get(client, platform.baseUrl("/__admin/health"));
        Http.get(client, platform.baseUrl("/__admin/"));
        Http.get(client, platform.baseUrl("/__admin/requests"));
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void httpViewMasksPersonalData() throws Exception {
        postWithPersonalData();

        Http.Result r = Http.get(client, platform.baseUrl("/__admin/requests"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(CITIZEN_ID).doesNotContain(TOKEN).doesNotContain("Nguyễn Văn An");
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("matching").asInt()).isEqualTo(1);
        JsonNode entry = json.get("requests").get(0);
        assertThat(entry.get("method").asText()).isEqualTo("POST");
        assertThat(entry.get("target").asText()).isEqualTo("/echo/citizens/079*******45?page=2&soDinhDanh=079*******45");
        assertThat(entry.get("headers").get("authorization").get(0).asText()).isEqualTo("***");
        assertThat(entry.get("headers").get("x-citizen").get(0).asText()).isEqualTo("079*******45");
        assertThat(entry.get("body").asText()).contains("\"soDinhDanh\":\"079*******45\"").contains("N*** V*** A***")
                .contains("số 079*******45");
        assertThat(entry.get("service").asText()).isEqualTo("Echo (diagnostic)");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("receivedAt").asText()).isEqualTo("2025-07-01T03:00:00Z");
    }

    @Test
    void httpViewFiltersByPrefixLimitsAndClears() throws Exception {
        for (int i = 0; i < 5; i++) {
            Http.get(client, platform.baseUrl("/echo/" + i));
        }
        Http.get(client, platform.baseUrl("/count"));

        JsonNode echoOnly = new ObjectMapper().readTree(
                Http.get(client, platform.baseUrl("/__admin/requests?prefix=/echo&limit=2")).body());
        assertThat(echoOnly.get("matching").asInt()).isEqualTo(5);
        assertThat(echoOnly.get("returned").asInt()).isEqualTo(2);
        assertThat(echoOnly.get("requests").get(0).get("target").asText()).isEqualTo("/echo/3");
        assertThat(echoOnly.get("requests").get(1).get("target").asText()).isEqualTo("/echo/4");

        assertThat(Http.get(client, platform.baseUrl("/__admin/requests?limit=0")).status()).isEqualTo(400);
        assertThat(Http.delete(client, platform.baseUrl("/__admin/requests")).status()).isEqualTo(200);
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void binaryBodiesAreNotShown() throws Exception {
        byte[] der = {0x30, (byte) 0x82, 0x01, 0x0a, (byte) 0xff, 0x00};
        Http.execute(client, new Request.Builder().url(platform.baseUrl("/echo/ocsp").toString())
                .post(RequestBody.create(der, okhttp3.MediaType.get("application/ocsp-request"))).build());

        JsonNode entry = new ObjectMapper().readTree(
                Http.get(client, platform.baseUrl("/__admin/requests")).body()).get("requests").get(0);
        assertThat(entry.get("bodyBytes").asInt()).isEqualTo(6);
        assertThat(entry.get("body").asText()).isEqualTo("(6 bytes of application/ocsp-request, not shown)");
        assertThat(platform.journal().last().orElseThrow().request().body()).isEqualTo(der);
    }

    @Test
    void journalKeepsOnlyItsCapacity() {
        try (MockGovPlatform small = MockGovPlatform.builder().journalCapacity(3).service(new EchoService()).build()) {
            for (int i = 0; i < 5; i++) {
                Http.get(client, small.baseUrl("/echo/" + i));
            }
            assertThat(small.journal().requests()).extracting(JournalEntry::path)
                    .containsExactly("/echo/2", "/echo/3", "/echo/4");
            assertThat(small.journal().requests().get(0).sequence()).isEqualTo(3);
        }
    }
}
