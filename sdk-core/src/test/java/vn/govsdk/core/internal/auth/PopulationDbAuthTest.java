package vn.govsdk.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.core.internal.auth.TestSupport.call;
import static vn.govsdk.core.internal.auth.TestSupport.client;
import static vn.govsdk.core.internal.auth.TestSupport.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.PopulationDbBasic.TimestampUnit;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.testsupport.FakeClock;

class PopulationDbAuthTest {

    private static final String USER = "dvc_hcm";
    private static final String SECRET = "c06-shared-Secret!";
    private static final Instant NOW = Instant.parse("2025-07-01T01:02:03.456Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = new FakeClock(NOW);

    /** Computed here without any SDK code: lowercase hex SHA-256 of url + user + timestamp + secret. */
    private static String expectedAuthorization(String url, String timestamp) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((url + USER + timestamp + SECRET).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + hex).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(TimestampUnit.class)
    void headersMatchAnIndependentComputation(TimestampUnit unit) throws Exception {
        String urlXacThuc = "https://c06.example.gov.vn/api/XacThuc";
        server.enqueue(json(200, "<ok/>"));
        OkHttpClient client = client(PopulationDbBasic.builder().username(USER).secretKey(Secret.of(SECRET))
                .authenticationUrl(URI.create(urlXacThuc)).xRoadClient("VN/GOV/000.00.00.H29/DVC")
                .apiKey(Secret.of("api-key-42")).timestampUnit(unit).build(), clock);

        call(client, new Request.Builder().url(server.url("/c06/037"))
                .post(RequestBody.create("<x/>", MediaType.get("application/xml"))).build());

        String timestamp = unit == TimestampUnit.SECONDS ? "1751331723" : "1751331723456";
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Timestamp")).isEqualTo(timestamp);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(urlXacThuc, timestamp));
        assertThat(request.getHeaders().get("X-Road-Client")).isEqualTo("VN/GOV/000.00.00.H29/DVC");
        assertThat(request.getHeaders().get("ApiKey")).isEqualTo("api-key-42");
    }

    @Test
    void defaultsToMillisecondsAndTheRequestUrlAndFollowsTheClock() throws Exception {
        server.enqueue(json(200, "{}"));
        server.enqueue(json(200, "{}"));
        OkHttpClient client = client(PopulationDbBasic.builder().username(USER).secretKey(Secret.of(SECRET)).build(), clock);
        String url = server.url("/c06/037?ma=1").toString();

        call(client, new Request.Builder().url(url).build());
        clock.advance(Duration.ofMillis(1));
        call(client, new Request.Builder().url(url).build());

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Timestamp")).isEqualTo("1751331723456");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(url, "1751331723456"));
        assertThat(second.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(url, "1751331723457"));
        assertThat(first.getHeaders().get("X-Road-Client")).isNull();
        assertThat(first.getHeaders().get("ApiKey")).isNull();
    }

    @Test
    void headerNamesAreConfigurable() throws Exception {
        server.enqueue(json(200, "{}"));
        OkHttpClient client = client(PopulationDbBasic.builder().username(USER).secretKey(Secret.of(SECRET))
                .xRoadClient("VN/GOV/1/DVC").apiKey(Secret.of("k")).timestampUnit(TimestampUnit.SECONDS)
                .timestampHeader("X-Timestamp").xRoadClientHeader("X-Road-Client-Id").apiKeyHeader("X-Api-Key").build(), clock);

        call(client, new Request.Builder().url(server.url("/c06")).build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("X-Timestamp")).isEqualTo("1751331723");
        assertThat(request.getHeaders().get("Timestamp")).isNull();
        assertThat(request.getHeaders().get("X-Road-Client-Id")).isEqualTo("VN/GOV/1/DVC");
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("k");
    }
}
