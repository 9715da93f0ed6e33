package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;

/**
 * Offline mode makes no network request: every HTTP request of the verifier goes through a loopback
 * proxy that counts them. The same real file verified online makes OCSP/CRL requests through it (so the
 * count could fail), offline none.
 */
class OfflineModeTest {

    @Test
    void offlineMakesNoRequestWhereOnlineDoes() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            for (int i = 0; i < 20; i++) {
                proxy.enqueue(new MockResponse.Builder().code(404).build());
            }
            proxy.start();
            try (HttpTransport transport = HttpTransport.builder()
                    .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.getPort()))).build()) {
                Document file = Document.of(RealSignedTest.file("02_"));
                SignatureReport offline = RealSignedTest.offline().transport(transport).retryPolicy(RetryPolicy.none())
                        .build().verify(file).signatures().get(0);
                assertThat(proxy.getRequestCount()).isZero();
                assertThat(offline.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
                assertThat(offline.status()).isEqualTo(SignatureStatus.INDETERMINATE);

                SignatureReport online = RealSignedTest.offline().revocationChecking(RevocationChecking.ONLINE)
                        .transport(transport).retryPolicy(RetryPolicy.none()).build().verify(file).signatures().get(0);
                assertThat(proxy.getRequestCount()).isPositive();
                assertThat(online.status()).isEqualTo(SignatureStatus.INDETERMINATE);
            }
        }
    }
}
