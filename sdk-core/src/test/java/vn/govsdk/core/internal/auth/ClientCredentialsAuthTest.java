package vn.govsdk.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.govsdk.core.internal.auth.TestSupport.call;
import static vn.govsdk.core.internal.auth.TestSupport.client;
import static vn.govsdk.core.internal.auth.TestSupport.countPath;
import static vn.govsdk.core.internal.auth.TestSupport.json;
import static vn.govsdk.core.internal.auth.TestSupport.recorded;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.ServiceUnavailableException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.ClientCredentials.ClientAuthentication;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.testsupport.FakeClock;

class ClientCredentialsAuthTest {

    private static final String SECRET = "s3cr3t-Client+Value/9";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakeClock clock = new FakeClock(Instant.parse("2025-07-01T01:00:00Z"));

    /** A WSO2-like gateway: /token hands out token-1, token-2, ...; /api accepts only the tokens in {@code valid}. */
    private final class Gateway extends Dispatcher {
        final AtomicInteger issued = new AtomicInteger();
        final Set<String> valid = ConcurrentHashMap.newKeySet();
        volatile Object expiresIn = 3600;
        volatile boolean rejectAll;
        volatile CountDownLatch holdToken;

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getUrl().encodedPath().equals("/token")) {
                CountDownLatch hold = holdToken;
                if (hold != null) {
                    hold.await(30, TimeUnit.SECONDS);
                }
                String token = "token-" + issued.incrementAndGet();
                valid.add(token);
                String lifetime = expiresIn instanceof String ? "\"" + expiresIn + "\"" : String.valueOf(expiresIn);
                return json(200, "{\"access_token\":\"" + token + "\",\"scope\":\"am_application_scope default\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + "}");
            }
            String authorization = request.getHeaders().get("Authorization");
            if (rejectAll || authorization == null || !valid.contains(authorization.substring("Bearer ".length()))) {
                return json(401, "{\"code\":\"900901\",\"message\":\"Invalid Credentials\"}");
            }
            return json(200, "{\"ok\":true}");
        }
    }

    private final Gateway gateway = new Gateway();

    private ClientCredentials.Builder credentials() {
        return ClientCredentials.builder()
                .tokenUri(URI.create(server.url("/token").toString()))
                .clientId("consumer-key-1")
                .clientSecret(Secret.of(SECRET));
    }

    private Request api() {
        return new Request.Builder().url(server.url("/api/1.0/resource")).build();
    }

    @Test
    void postsClientCredentialsAsFormFieldsAndCachesTheToken() throws Exception {
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().scope("openid default").build(), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(call(client, api())).isEqualTo("200 {\"ok\":true}");
            clock.advance(Duration.ofMinutes(10));
        }

        List<RecordedRequest> requests = recorded(server);
        assertThat(countPath(requests, "/token")).isEqualTo(1);
        RecordedRequest token = requests.get(0);
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getHeaders().get("Authorization")).isNull();
        assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=openid+default"
                + "&client_id=consumer-key-1&client_secret=s3cr3t-Client%2BValue%2F9");
        assertThat(requests.subList(1, 4)).allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
    }

    @Test
    void basicClientAuthenticationSendsTheSecretInTheHeaderOnly() throws Exception {
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().clientAuthentication(ClientAuthentication.BASIC).build(), clock);

        assertThat(call(client, api())).startsWith("200");

        RecordedRequest token = recorded(server).get(0);
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                ("consumer-key-1:" + "s3cr3t-Client%2BValue%2F9").getBytes(StandardCharsets.UTF_8));
        assertThat(token.getHeaders().get("Authorization")).isEqualTo(expected);
        assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void renewsOnlyWhenTheExpiryMarginIsReached() throws Exception {
        gateway.expiresIn = "3600"; // a string, as some gateways send it
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().expiryMargin(Duration.ofSeconds(120)).build(), clock);

        call(client, api());                         // token-1 at t0, valid until t0+3600
        clock.advance(Duration.ofSeconds(3479));     // 121 s before expiry: outside the margin
        call(client, api());
        assertThat(gateway.issued).hasValue(1);
        clock.advance(Duration.ofSeconds(1));        // exactly 120 s before expiry: renew
        call(client, api());
        assertThat(gateway.issued).hasValue(2);

        List<RecordedRequest> requests = recorded(server);
        assertThat(requests.get(requests.size() - 1).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    }

    @Test
    void defaultMarginIsSixtySeconds() throws Exception {
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().build(), clock);

        call(client, api());
        clock.advance(Duration.ofSeconds(3539));
        call(client, api());
        assertThat(gateway.issued).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        call(client, api());
        assertThat(gateway.issued).hasValue(2);
    }

    @Test
    void twoHundredConcurrentCallsOnAnExpiredTokenMakeOneTokenRequest() throws Exception {
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().build(), clock);
        assertThat(call(client, api())).startsWith("200"); // token-1
        clock.advance(Duration.ofHours(2));                  // token-1 has expired

        int callers = 200;
        // The one token answer is held until every caller has looked at the cached token (each thread
        // reads the clock to see whether it expired), so all 200 find it expired while the renewal is under way.
        gateway.holdToken = clock.countReaders(callers);
        CountDownLatch started = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        started.countDown();
                        go.await();
                        return call(client, api());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            assertThat(results).allSatisfy(r -> assertThat(r.join()).isEqualTo("200 {\"ok\":true}"));
        } finally {
            pool.shutdownNow();
        }

        List<RecordedRequest> requests = recorded(server);
        assertThat(countPath(requests, "/token")).isEqualTo(2);
        assertThat(countPath(requests, "/api/1.0/resource")).isEqualTo(1 + callers);
        assertThat(requests.stream().skip(2).filter(r -> r.getUrl().encodedPath().startsWith("/api")))
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-2"));
    }

    @Test
    void a401ForcesOneRenewalAndOneResend() throws Exception {
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().build(), clock);
        call(client, api());
        gateway.valid.clear(); // the gateway forgets token-1 before it expires

        assertThat(call(client, api())).isEqualTo("200 {\"ok\":true}");

        List<RecordedRequest> requests = recorded(server);
        assertThat(requests).extracting(r -> r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization"))
                .containsExactly(
                        "/token null",
                        "/api/1.0/resource Bearer token-1",
                        "/api/1.0/resource Bearer token-1",
                        "/token null",
                        "/api/1.0/resource Bearer token-2");
    }

    @Test
    void aSecond401IsAnAuthenticationFailure() throws Exception {
        gateway.rejectAll = true;
        server.setDispatcher(gateway);
        OkHttpClient client = client(credentials().build(), clock);

        assertThatThrownBy(() -> call(client, api()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).hasValue("900901");
                    assertThat(e.attempts()).isEqualTo(2);
                });

        List<RecordedRequest> requests = recorded(server);
        assertThat(countPath(requests, "/token")).isEqualTo(2);
        assertThat(countPath(requests, "/api/1.0/resource")).isEqualTo(2);
    }

    @Test
    void aRefusedTokenRequestCarriesTheServersCodeButNoSecret() {
        server.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"Client authentication failed for client_secret=" + SECRET + "\"}"));
        OkHttpClient client = client(credentials().build(), clock);

        assertThatThrownBy(() -> call(client, api()))
                .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).hasValue("invalid_client");
                    assertThat(e.getMessage()).contains("invalid_client").doesNotContain(SECRET);
                });
        assertThat(server.getRequestCount()).isEqualTo(1); // the API was never called
    }

    @Test
    void aFailingTokenEndpointIsReportedAsUnavailable() {
        server.enqueue(json(503, "{}"));
        OkHttpClient client = client(credentials().build(), clock);

        assertThatThrownBy(() -> call(client, api()))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void aTokenAnswerWithoutAccessTokenCannotBeDecoded() {
        server.enqueue(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        OkHttpClient client = client(credentials().build(), clock);

        assertThatThrownBy(() -> call(client, api()))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("no access_token");
    }

    @Test
    void anUnreachableTokenEndpointIsATransportFailure() throws Exception {
        URI closed;
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            closed = URI.create(other.url("/token").toString());
        }
        GatewayAuth auth = ClientCredentials.builder().tokenUri(closed).clientId("id").clientSecret(Secret.of(SECRET)).build();
        OkHttpClient client = client(auth, clock);

        assertThatThrownBy(() -> call(client, api()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("token request to")
                .hasMessageNotContaining(SECRET);
    }
}
