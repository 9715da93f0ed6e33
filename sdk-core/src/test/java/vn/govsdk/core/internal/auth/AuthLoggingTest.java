package vn.govsdk.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.core.internal.auth.TestSupport.call;
import static vn.govsdk.core.internal.auth.TestSupport.client;
import static vn.govsdk.core.internal.auth.TestSupport.json;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.PortalSession;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.testsupport.FakeClock;

/** Runs every scheme, including renewals and refusals, with DEBUG logging captured, and looks for secrets in the log. */
class AuthLoggingTest {

    private static final String CLIENT_SECRET = "LOGTEST-client-secret";
    private static final String ACCESS_TOKEN = "LOGTEST-access-token";
    private static final String LGSP_ACCESS = "LOGTEST-lgsp-access";
    private static final String LGSP_SECRET = "LOGTEST-lgsp-secret";
    private static final String C06_SECRET = "LOGTEST-c06-secret";
    private static final String API_KEY = "LOGTEST-api-key";
    private static final String PASSWORD = "LOGTEST-portal-password";
    private static final String SESSION = "LOGTEST-session";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = new FakeClock(Instant.parse("2025-07-01T01:00:00Z"));
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("vn.govsdk");
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = sdkLogger.getLevel();
        sdkLogger.setLevel(Level.DEBUG);
        appender.start();
        sdkLogger.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        sdkLogger.detachAppender(appender);
        sdkLogger.setLevel(previousLevel);
    }

    @Test
    void debugLogsCarryNoTokenSecretOrSession() throws Exception {
        server.setDispatcher(new Dispatcher() {
            private int tokens;
            private int logins;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/token")) {
                    return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + ++tokens + "\",\"expires_in\":\"600\"}");
                }
                if (path.equals("/auth")) {
                    return json(200, "{\"session\":\"" + SESSION + ++logins + "\",\"error_code\":0}");
                }
                if (path.equals("/gateway/expired")) {
                    return json(401, "{\"message\":\"token " + ACCESS_TOKEN + tokens + " expired\"}");
                }
                if (path.equals("/portal") && request.getBody().utf8().contains(SESSION + "1")) {
                    return json(200, "{\"error_code\":\"7\"}");
                }
                return json(200, "{\"error_code\":0}");
            }
        });
        URI tokenUri = URI.create(server.url("/token").toString());
        GatewayAuth gateway = GatewayAuth.combine(
                LgspAccessToken.builder().accessKey(LGSP_ACCESS).secretKey(Secret.of(LGSP_SECRET)).appName("app")
                        .partnerCode("p").build(),
                ClientCredentials.builder().tokenUri(tokenUri).clientId("id").clientSecret(Secret.of(CLIENT_SECRET))
                        .build());
        OkHttpClient gatewayClient = client(gateway, clock);
        call(gatewayClient, get("/gateway/ok"));
        clock.advance(Duration.ofHours(1));
        call(gatewayClient, get("/gateway/ok"));
        assertThatThrownBy(() -> call(gatewayClient, get("/gateway/expired")))
                .isInstanceOf(AuthenticationFailedException.class)
                .satisfies(e -> assertNoSecret(e.getMessage()));

        OkHttpClient c06 = client(PopulationDbBasic.builder().username("u").secretKey(Secret.of(C06_SECRET))
                .apiKey(Secret.of(API_KEY)).build(), clock);
        call(c06, get("/c06"));

        OkHttpClient portal = client(PortalSession.builder().authUri(URI.create(server.url("/auth").toString()))
                .username("079203012345").password(Secret.of(PASSWORD)).dstcode("d").expiredSessionCodes(Set.of("7"))
                .build(), clock);
        call(portal, new Request.Builder().url(server.url("/portal"))
                .post(RequestBody.create("{\"service\":\"LayThuTuc\"}", MediaType.get("application/json"))).build());

        List<String> lines = appender.list.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.toList());
        assertThat(lines).anyMatch(l -> l.startsWith("DEBUG") && l.contains("Requesting an access token"))
                .anyMatch(l -> l.contains("answered HTTP 401"))
                .anyMatch(l -> l.contains("Logging in to the portal"))
                .anyMatch(l -> l.contains("Portal session refused (error_code 7)"));
        lines.forEach(this::assertNoSecret);
    }

    private Request get(String path) {
        return new Request.Builder().url(server.url(path)).build();
    }

    private void assertNoSecret(String text) {
        assertThat(text).doesNotContain(CLIENT_SECRET, ACCESS_TOKEN, LGSP_ACCESS, LGSP_SECRET, C06_SECRET, API_KEY,
                PASSWORD, SESSION, "079203012345");
    }
}
