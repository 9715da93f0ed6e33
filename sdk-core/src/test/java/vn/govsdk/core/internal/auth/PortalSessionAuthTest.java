package vn.govsdk.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.core.internal.auth.TestSupport.call;
import static vn.govsdk.core.internal.auth.TestSupport.client;
import static vn.govsdk.core.internal.auth.TestSupport.countPath;
import static vn.govsdk.core.internal.auth.TestSupport.json;
import static vn.govsdk.core.internal.auth.TestSupport.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.auth.PortalSession;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.testsupport.FakeClock;

class PortalSessionAuthTest {

    private static final String PASSWORD = "P@ss-DVCQG-2025";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = new FakeClock(Instant.parse("2025-07-01T01:00:00Z"));

    /** A portal adapter: /auth opens sessions sess-1, sess-2, ...; /api answers error_code 5 for an unknown session. */
    private final class Portal extends Dispatcher {
        final AtomicInteger opened = new AtomicInteger();
        final Set<String> live = ConcurrentHashMap.newKeySet();
        volatile Object loginCode = 0;
        volatile boolean expireEverything;
        volatile boolean answer401;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            try {
                if (request.getUrl().encodedPath().equals("/auth")) {
                    String session = "sess-" + opened.incrementAndGet();
                    live.add(session);
                    String code = loginCode instanceof String ? "\"" + loginCode + "\"" : String.valueOf(loginCode);
                    return json(200, "{\"session\":\"" + session + "\",\"error_code\":" + code + "}");
                }
                JsonNode body = MAPPER.readTree(request.getBody().utf8());
                if (expireEverything || !live.contains(body.path("session").asText())) {
                    return answer401 ? json(401, "{}")
                            : json(200, "{\"error_code\":5,\"message\":\"Phiên làm việc không hợp lệ\"}");
                }
                return json(200, "{\"error_code\":\"00\",\"result\":[]}");
            } catch (Exception e) {
                return json(500, "{}");
            }
        }
    }

    private final Portal portal = new Portal();

    private PortalSession.Builder session() {
        return PortalSession.builder()
                .authUri(URI.create(server.url("/auth").toString()))
                .username("sotttt_hcm")
                .password(Secret.of(PASSWORD))
                .dstcode("000.00.00.H29")
                .expiredSessionCodes(Set.of("05"));
    }

    private Request post(String body) {
        return new Request.Builder().url(server.url("/api")).post(RequestBody.create(body, JSON)).build();
    }

    @Test
    void logsInOnceAndPutsTheSessionAndDstcodeOnEveryCall() throws Exception {
        server.setDispatcher(portal);
        OkHttpClient client = client(session().build(), clock);

        assertThat(call(client, post("{\"madonvi\":\"000.00.00.H29\",\"service\":\"LayDanhSachTTHC\",\"Gia\":1.10}")))
                .isEqualTo("200 {\"error_code\":\"00\",\"result\":[]}");
        call(client, post("{\"session\":\"stale\",\"service\":\"TraCuuHoSo\",\"MaHoSo\":\"H29.1\"}"));

        List<RecordedRequest> requests = recorded(server);
        assertThat(countPath(requests, "/auth")).isEqualTo(1);
        RecordedRequest login = requests.get(0);
        assertThat(MAPPER.readTree(login.getBody().utf8())).isEqualTo(
                MAPPER.readTree("{\"username\":\"sotttt_hcm\",\"password\":\"" + PASSWORD + "\"}"));
        assertThat(login.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().get("dstcode")).isEqualTo("000.00.00.H29"));
        assertThat(requests.get(1).getBody().utf8()).isEqualTo(
                "{\"session\":\"sess-1\",\"madonvi\":\"000.00.00.H29\",\"service\":\"LayDanhSachTTHC\",\"Gia\":1.10}");
        assertThat(requests.get(2).getBody().utf8()).isEqualTo(
                "{\"session\":\"sess-1\",\"service\":\"TraCuuHoSo\",\"MaHoSo\":\"H29.1\"}");
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreSentUnchanged() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/auth")
                        ? json(200, "{\"session\":\"sess-x\",\"error_code\":\"00\"}")
                        : json(200, "{}");
            }
        });
        OkHttpClient client = client(session().build(), clock);

        call(client, post("[1,2]"));
        call(client, new Request.Builder().url(server.url("/api"))
                .post(RequestBody.create("a=1", MediaType.get("application/x-www-form-urlencoded"))).build());
        call(client, new Request.Builder().url(server.url("/api?MaTTHC=1.001")).build());

        List<RecordedRequest> requests = recorded(server);
        assertThat(requests.get(1).getBody().utf8()).isEqualTo("[1,2]");
        assertThat(requests.get(2).getBody().utf8()).isEqualTo("a=1");
        assertThat(requests.get(3).getMethod()).isEqualTo("GET");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().get("dstcode")).isEqualTo("000.00.00.H29"));
    }

    @Test
    void anExpiredSessionCodeCausesOneNewLoginAndOneResend() throws Exception {
        server.setDispatcher(portal);
        OkHttpClient client = client(session().build(), clock);
        call(client, post("{\"service\":\"LayThuTuc\"}"));
        portal.live.clear(); // the portal drops sess-1

        assertThat(call(client, post("{\"service\":\"LayThuTuc\"}"))).isEqualTo("200 {\"error_code\":\"00\",\"result\":[]}");

        List<RecordedRequest> requests = recorded(server);
        assertThat(requests).extracting(r -> r.getUrl().encodedPath() + " " + MAPPER.readTree(r.getBody().utf8())
                        .path("session").asText())
                .containsExactly("/auth ", "/api sess-1", "/api sess-1", "/auth ", "/api sess-2");
    }

    @Test
    void http401AlsoCausesANewLogin() throws Exception {
        portal.answer401 = true;
        server.setDispatcher(portal);
        OkHttpClient client = client(session().expiredSessionCodes(Set.of()).build(), clock);
        call(client, post("{}"));
        portal.live.clear();

        assertThat(call(client, post("{}"))).startsWith("200");
        assertThat(portal.opened).hasValue(2);
    }

    @Test
    void aSessionRefusedTwiceIsAnAuthenticationFailure() throws Exception {
        portal.expireEverything = true;
        server.setDispatcher(portal);
        OkHttpClient client = client(session().build(), clock);

        assertThatThrownBy(() -> call(client, post("{\"service\":\"LayThuTuc\"}")))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.errorCode()).hasValue("5");
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).doesNotContain("sess-");
                });
        List<RecordedRequest> requests = recorded(server);
        assertThat(countPath(requests, "/auth")).isEqualTo(2);
        assertThat(countPath(requests, "/api")).isEqualTo(2);
    }

    @Test
    void expiredSessionCodesAreOffByDefault() throws Exception {
        portal.expireEverything = true;
        server.setDispatcher(portal);
        OkHttpClient client = client(session().expiredSessionCodes(Set.of()).build(), clock);

        assertThat(call(client, post("{}"))).startsWith("200 {\"error_code\":5");
        assertThat(portal.opened).hasValue(1);
        assertThat(PortalSession.builder().authUri(URI.create("https://a.example")).username("u")
                .password(Secret.of("p")).dstcode("d").build().expiredSessionCodes()).isEmpty();
    }

    @Test
    void loginCodeIsComparedAsANumber() throws Exception {
        portal.loginCode = "00";
        server.setDispatcher(portal);
        OkHttpClient client = client(session().build(), clock);
        assertThat(call(client, post("{}"))).startsWith("200");
    }

    @Test
    void aRefusedLoginCarriesTheCodeButNoPassword() {
        server.enqueue(json(200, "{\"error_code\":\"-1\",\"message\":\"Sai mật khẩu " + PASSWORD + "\"}"));
        OkHttpClient client = client(session().build(), clock);

        assertThatThrownBy(() -> call(client, post("{}")))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.errorCode()).hasValue("-1");
                    assertThat(e.statusCode()).isZero();
                    assertThat(e.getMessage()).doesNotContain(PASSWORD);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
