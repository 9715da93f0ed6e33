package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.govsdk.core.internal.http.PipelineFixture.get;
import static vn.govsdk.core.internal.http.PipelineFixture.json;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import vn.govsdk.core.testsupport.FakeClock;
import vn.govsdk.core.testsupport.RecordingSleeper;

class HttpTransportTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final FakeClock clock = new FakeClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @Test
    void theApplicationsOwnClientIsNeverClosed() throws Exception {
        server.enqueue(json("{}"));
        server.enqueue(json("{\"after\":true}"));
        OkHttpClient appClient = new OkHttpClient();
        HttpTransport transport = OkHttpTransport.wrap(appClient);
        GovHttpPipeline pipeline = GovHttpPipeline.builder(transport).clock(clock).sleeper(sleeper).build();
        pipeline.execute(Operation.read("x"), get(server));

        transport.close();

        assertThat(transport.isOwned()).isFalse();
        assertThat(appClient.dispatcher().executorService().isShutdown()).isFalse();
        CompletableFuture<String> async = new CompletableFuture<>();
        appClient.newCall(get(server)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                async.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    async.complete(response.body().string());
                }
            }
        });
        assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo("{\"after\":true}");
        assertThatThrownBy(() -> pipeline.execute(Operation.read("x"), get(server)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void anSdkOwnedTransportShutsDownOnClose() {
        server.enqueue(json("{}"));
        HttpTransport transport = HttpTransport.create();
        GovHttpPipeline pipeline = GovHttpPipeline.builder(transport).clock(clock).sleeper(sleeper).build();
        pipeline.execute(Operation.read("x"), get(server));
        OkHttpClient inside = TransportAccess.client(transport);
        assertThat(inside.connectionPool().connectionCount()).isEqualTo(1);

        transport.close();
        transport.close();

        assertThat(transport.isClosed()).isTrue();
        assertThat(inside.dispatcher().executorService().isShutdown()).isTrue();
        assertThat(inside.connectionPool().connectionCount()).isZero();
    }

    @Test
    void customTrustMaterialIsUsedAndTheDefaultTrustRefusesAnUnknownRoot() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test Root").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(root).commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress()).build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, root.certificate()).build();
        server.useHttps(serverTls.sslSocketFactory());
        server.enqueue(json("{\"tls\":true}"));
        HandshakeCertificates clientTrust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(root.certificate()).build();

        try (HttpTransport trusting = HttpTransport.builder().trustManager(clientTrust.trustManager()).build();
                HttpTransport platform = HttpTransport.create()) {
            GovResponse ok = GovHttpPipeline.builder(trusting).clock(clock).sleeper(sleeper).build()
                    .execute(Operation.read("x"), get(server));
            assertThat(ok.bodyString()).isEqualTo("{\"tls\":true}");

            TransportException refused = catchThrowableOfType(TransportException.class,
                    () -> GovHttpPipeline.builder(platform).clock(clock).sleeper(sleeper).build()
                            .execute(Operation.read("x"), get(server)));
            assertThat(refused.getCause()).isInstanceOf(SSLHandshakeException.class);
            assertThat(refused.attempts()).as("a certificate failure is not transient").isEqualTo(1);
        }
    }

    @Test
    void aClientCertificateFromPkcs12IsPresentedForMutualTls() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test Root").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(root).commonName("localhost")
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress()).build();
        HeldCertificate clientCert = new HeldCertificate.Builder().signedBy(root).commonName("govsdk-test-client").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, root.certificate()).addTrustedCertificate(root.certificate()).build();
        server.useHttps(serverTls.sslSocketFactory());
        server.requireClientAuth();
        server.enqueue(json("{\"mtls\":true}"));
        HandshakeCertificates clientTrust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(root.certificate()).build();
        char[] password = "synthetic-p12-password".toCharArray();
        java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("client", clientCert.keyPair().getPrivate(), password,
                new java.security.cert.Certificate[] {clientCert.certificate(), root.certificate()});
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        p12.store(file, password);
        java.security.KeyStore loaded = java.security.KeyStore.getInstance("PKCS12");
        loaded.load(new java.io.ByteArrayInputStream(file.toByteArray()), password);

        try (HttpTransport withoutCert = HttpTransport.builder().trustManager(clientTrust.trustManager()).build();
                HttpTransport withCert = HttpTransport.builder().trustManager(clientTrust.trustManager())
                        .clientCertificate(loaded, password).build()) {
            assertThatThrownBy(() -> GovHttpPipeline.builder(withoutCert).clock(clock).sleeper(sleeper)
                    .retryPolicy(vn.govsdk.core.http.RetryPolicy.none()).build()
                    .execute(Operation.read("x"), get(server))).isInstanceOf(TransportException.class);
            assertThat(server.getRequestCount()).isZero();
            GovResponse ok = GovHttpPipeline.builder(withCert).clock(clock).sleeper(sleeper).build()
                    .execute(Operation.read("x"), get(server));
            assertThat(ok.bodyString()).isEqualTo("{\"mtls\":true}");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
        assertThatThrownBy(() -> HttpTransport.builder().clientCertificate(loaded, "wrong".toCharArray()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keyStore");
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> OkHttpTransport.wrap(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("client");
        assertThatThrownBy(() -> HttpTransport.builder().trustManager(null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("trustManager");
    }
}
