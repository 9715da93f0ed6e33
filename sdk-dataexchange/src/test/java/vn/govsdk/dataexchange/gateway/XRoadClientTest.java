package vn.govsdk.dataexchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.gateway.XRoadService;

class XRoadClientTest {

    static MockGovPlatform platform;
    static XRoadService xroad;

    static final XRoadClientId CLIENT = XRoadClientId.parse("VN/GOV/000.00.00.H29/dvc-hcm");
    static final XRoadServiceId ECHO = XRoadServiceId.of("VN", "GOV", "000.00.00.G10", "dancu", "echo");

    record Echo(String method, String service, String client, String userId, Map<String, String> query,
            Map<String, Object> body) {
    }

    record Query(String citizenRef, int page) {
    }

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(3).service(p -> new XRoadService()).build();
        xroad = (XRoadService) platform.service(XRoadService.PREFIX).orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void clean() {
        platform.reset();
    }

    static XRoadClient.Builder client() {
        return XRoadClient.builder().endpoint(platform.baseUrl("/xroad")).clientId(CLIENT).userId("VN-officer-7")
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void getAndPostCarryTheXRoadHeadersAndTheAnswerHashIsChecked() {
        try (XRoadClient c = client().requireRequestHash(true).build()) {
            Echo got = c.get(ECHO.withVersion("v1"), Map.of("page", "2"), Echo.class);
            assertThat(got.service()).isEqualTo("VN/GOV/000.00.00.G10/dancu/echo/v1");
            assertThat(got.client()).isEqualTo("VN/GOV/000.00.00.H29/dvc-hcm");
            assertThat(got.userId()).isEqualTo("VN-officer-7");
            assertThat(got.query()).containsEntry("page", "2");
            Echo posted = c.post(ECHO, new Query("synthetic-ref", 1), Echo.class);
            assertThat(posted.method()).isEqualTo("POST");
            assertThat(posted.body()).containsEntry("citizenRef", "synthetic-ref");
        }
        var calls = platform.journal().requestsTo("/xroad/r1/");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).path()).isEqualTo("/xroad/r1/VN/GOV/000.00.00.G10/dancu/echo/v1");
        assertThat(calls).extracting(e -> e.header("X-Road-Id").orElseThrow()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        JournalEntry post = calls.get(1);
        assertThat(XRoadClient.requestHash(post.request().body()))
                .isEqualTo(XRoadService.hash(post.bodyAsString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTamperedRequestHashIsRefusedAndTheAnswerNotReturned() {
        xroad.tamperRequestHash(true);
        try (XRoadClient c = client().build()) {
            assertThatThrownBy(() -> c.post(ECHO, new Query("synthetic-ref", 1), Echo.class))
                    .isInstanceOfSatisfying(XRoadRequestHashException.class, e -> {
                        assertThat(e.getMessage()).contains("X-Road-Request-Hash");
                        assertThat(e.xroadId()).isEqualTo(platform.journal().last().orElseThrow()
                                .header("X-Road-Id").orElseThrow());
                    });
            assertThatThrownBy(() -> c.get(ECHO, Map.of(), Echo.class)).isInstanceOf(XRoadRequestHashException.class);
        }
    }

    @Test
    void xroadErrorBodiesBecomeServiceExceptionsWithTheTypeAsCode() {
        try (XRoadClient c = client().build()) {
            assertThatThrownBy(() -> c.get(XRoadServiceId.of("VN", "GOV", "000.00.00.G10", "dancu", "nosuch"),
                    Map.of(), Echo.class)).isInstanceOfSatisfying(GovServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.errorCode()).contains("Server.ServerProxy.UnknownService");
                        assertThat(e.serviceMessage()).get().asString().contains("Unknown service");
                    });
            assertThatThrownBy(() -> c.get(XRoadServiceId.of("VN", "GOV", "000.00.00.G10", "dancu", "fail"),
                    Map.of(), Echo.class)).isInstanceOfSatisfying(GovServiceException.class,
                    e -> assertThat(e.errorCode()).contains("Server.ServerProxy.ServiceFailed"));
        }
    }

    @Test
    void invisibleCharactersInIdentifiersAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> XRoadServiceId.of("VN", "GOV", "000.00.00.G10\u200B", "dancu", "echo"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("memberCode");
                    assertThat(e.getMessage()).contains("U+200B");
                });
        assertThatThrownBy(() -> XRoadClientId.parse("VN/GOV/H29")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> XRoadClient.builder().endpoint(platform.baseUrl("/xroad")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThat(platform.journal().count()).isZero();
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Synthetic X-Road CA").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(root).commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress()).build();
        HeldCertificate clientCert = new HeldCertificate.Builder().signedBy(root).commonName("VN/GOV/000.00.00.H29/dvc-hcm").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, root.certificate()).addTrustedCertificate(root.certificate()).build();
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
        char[] password = "synthetic-p12-password".toCharArray();
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("client", clientCert.keyPair().getPrivate(), password,
                new Certificate[] {clientCert.certificate(), root.certificate()});
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        p12.store(file, password);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        loaded.load(new ByteArrayInputStream(file.toByteArray()), password);

        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverTls.sslSocketFactory());
            server.requireClientAuth();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .addHeader("X-Road-Request-Hash", XRoadClient.requestHash(new byte[0]))
                    .body("{\"method\":\"GET\",\"service\":\"VN/GOV/000.00.00.G10/dancu/echo\"}").build());
            server.start();
            java.net.URI endpoint = server.url("/").uri();
            try (HttpTransport noCert = HttpTransport.builder().trustManager(trust.trustManager()).build();
                    HttpTransport withCert = HttpTransport.builder().trustManager(trust.trustManager())
                            .clientCertificate(loaded, password).build();
                    XRoadClient refused = XRoadClient.builder().endpoint(endpoint).clientId(CLIENT).httpClient(noCert)
                            .retryPolicy(RetryPolicy.none()).build();
                    XRoadClient accepted = XRoadClient.builder().endpoint(endpoint).clientId(CLIENT).httpClient(withCert)
                            .retryPolicy(RetryPolicy.none()).build()) {
                assertThatThrownBy(() -> refused.get(ECHO, Map.of(), Echo.class)).isInstanceOf(TransportException.class);
                assertThat(server.getRequestCount()).isZero();
                Echo echo = accepted.get(ECHO, Map.of(), Echo.class);
                assertThat(echo.service()).isEqualTo("VN/GOV/000.00.00.G10/dancu/echo");
                assertThat(server.takeRequest().getHeaders().get("X-Road-Client")).isEqualTo(CLIENT.headerValue());
            }
        }
    }
}
