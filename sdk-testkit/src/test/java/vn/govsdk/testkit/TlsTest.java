package vn.govsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS with a generated certificate: clients that trust only its root get through, others do not. */
class TlsTest {
    private static MockGovPlatform platform;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().tls(true).service(new EchoService()).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aClientTrustingTheRootGetsThrough() {
        TlsMaterial tls = platform.tls().orElseThrow();
        OkHttpClient trusting = Http.client().newBuilder()
                .sslSocketFactory(tls.sslSocketFactory(), tls.trustManager())
                .build();

        assertThat(platform.baseUrl().getScheme()).isEqualTo("https");
        assertThat(platform.baseUrl().getHost()).isEqualTo("127.0.0.1");
        Http.Result r = Http.get(trusting, platform.baseUrl("/echo/secure"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/echo/secure");
        assertThat(platform.journal().count()).isEqualTo(1);
    }

    @Test
    void aDefaultClientFailsTheHandshake() {
        OkHttpClient ordinary = Http.client();
        assertThatThrownBy(() -> Http.get(ordinary, platform.baseUrl("/echo")))
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theJdkClientWorksWithTheSslContext() throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) platform.baseUrl("/__admin/health").toURL().openConnection();
        connection.setSSLSocketFactory(platform.tls().orElseThrow().sslContext().getSocketFactory());
        try (InputStream in = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("UP");
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void theRootIsAnAuthorityAndIsServedAsPem() throws Exception {
        TlsMaterial tls = platform.tls().orElseThrow();
        X509Certificate root = tls.rootCertificate();
        assertThat(root.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
        assertThat(tls.trustManager().getAcceptedIssuers()).containsExactly(root);
        assertThat(tls.trustStore().getCertificate("govsdk-mock-root")).isEqualTo(root);
        assertThat(tls.rootCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----");

        OkHttpClient trusting = Http.client().newBuilder()
                .sslSocketFactory(tls.sslSocketFactory(), tls.trustManager()).build();
        Http.Result pem = Http.get(trusting, platform.baseUrl("/__admin/tls/root.pem"));
        assertThat(pem.body()).isEqualTo(tls.rootCertificatePem());
    }

    @Test
    void theRootCanBeWrittenForCurl(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TlsMaterial tls = platform.tls().orElseThrow();
        java.nio.file.Path file = tls.writeRootCertificatePem(dir.resolve("root.pem"));
        assertThat(java.nio.file.Files.readString(file)).isEqualTo(tls.rootCertificatePem());
    }

    @Test
    void plainHttpHasNoTlsMaterial() {
        try (MockGovPlatform plain = MockGovPlatform.builder().build()) {
            assertThat(plain.tls()).isEmpty();
            assertThat(plain.baseUrl().getScheme()).isEqualTo("http");
            assertThat(Http.get(Http.client(), plain.baseUrl("/__admin/tls/root.pem")).status()).isEqualTo(404);
        }
    }
}
