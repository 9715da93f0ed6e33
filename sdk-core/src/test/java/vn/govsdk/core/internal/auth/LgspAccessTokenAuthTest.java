package vn.govsdk.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.core.internal.auth.TestSupport.call;
import static vn.govsdk.core.internal.auth.TestSupport.client;
import static vn.govsdk.core.internal.auth.TestSupport.json;
import static vn.govsdk.core.internal.auth.TestSupport.recorded;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.testsupport.FakeClock;

class LgspAccessTokenAuthTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = new FakeClock(Instant.parse("2025-07-01T01:00:00Z"));

    private static LgspAccessToken.Builder lgsp() {
        return LgspAccessToken.builder()
                .accessKey("ak-7f3e")
                .secretKey(Secret.of("sk-\"quoted\"-Đồng"))
                .appName("MotCua")
                .partnerCode("000.00.00.H29")
                .partnerCodeCus("000.00.15.H29");
    }

    private static String decode(String header) {
        return new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
    }

    @Test
    void headerDecodesToTheMembersInOrder() throws Exception {
        server.enqueue(json(200, "{}"));
        OkHttpClient client = client(lgsp().build(), clock);

        call(client, new Request.Builder().url(server.url("/api")).build());

        String header = server.takeRequest().getHeaders().get("lgspaccesstoken");
        assertThat(decode(header)).isEqualTo("{\"AccessKey\":\"ak-7f3e\",\"SecretKey\":\"sk-\\\"quoted\\\"-Đồng\","
                + "\"AppName\":\"MotCua\",\"PartnerCode\":\"000.00.00.H29\",\"PartnerCodeCus\":\"000.00.15.H29\"}");
    }

    @Test
    void partnerCodeCusDefaultsToEmptyAndHeaderNameIsConfigurable() throws Exception {
        server.enqueue(json(200, "{}"));
        OkHttpClient client = client(LgspAccessToken.builder().accessKey("a").secretKey(Secret.of("b")).appName("c")
                .partnerCode("d").headerName("LgspAccessToken-V2").build(), clock);

        call(client, new Request.Builder().url(server.url("/api")).build());

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("lgspaccesstoken")).isNull();
        assertThat(decode(request.getHeaders().get("LgspAccessToken-V2"))).isEqualTo(
                "{\"AccessKey\":\"a\",\"SecretKey\":\"b\",\"AppName\":\"c\",\"PartnerCode\":\"d\",\"PartnerCodeCus\":\"\"}");
    }

    @Test
    void combinedWithClientCredentialsTheTokenRequestCarriesTheHeaderToo() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/token")) {
                    return json(200, "{\"access_token\":\"tok-lgsp\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
                }
                return json(200, "{\"ok\":true}");
            }
        });
        LgspAccessToken lgsp = lgsp().build();
        GatewayAuth auth = GatewayAuth.combine(lgsp, ClientCredentials.builder()
                .tokenUri(URI.create(server.url("/token").toString())).clientId("id").clientSecret(Secret.of("cs")).build());
        OkHttpClient client = client(auth, clock);

        call(client, new Request.Builder().url(server.url("/qlcd/1.0/congdan")).build());
        call(client, new Request.Builder().url(server.url("/qlcd/1.0/congdan")).build());

        String expected = AuthInterceptors.lgspHeaderValue(lgsp);
        List<RecordedRequest> requests = recorded(server);
        assertThat(requests).extracting(r -> r.getUrl().encodedPath()).containsExactly("/token", "/qlcd/1.0/congdan",
                "/qlcd/1.0/congdan");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().get("lgspaccesstoken")).isEqualTo(expected));
        assertThat(requests.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer tok-lgsp");
        assertThat(decode(expected)).startsWith("{\"AccessKey\":\"ak-7f3e\",");
    }
}
