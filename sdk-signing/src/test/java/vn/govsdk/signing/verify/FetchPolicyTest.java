package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;

/**
 * A document is a request generator in the department's network unless the verifier bounds what it
 * fetches. A loopback listener stands for the hosts the document's certificates name, and counts what
 * reaches it: the number of fetches, redirects, hanging hosts and private addresses.
 */
class FetchPolicyTest {

    private static final byte[] DATA = "Tờ trình".getBytes(StandardCharsets.UTF_8);

    private ServerSocket server;
    private ExecutorService threads;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    /** A minimal HTTP/1.1 listener on loopback (java.base only): counts each path, then answers as told. */
    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fetch-policy-test");
            t.setDaemon(true);
            return t;
        });
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    threads.execute(() -> answer(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void answer(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // headers are not needed
            }
            String path = requestLine.split(" ")[1];
            hits.computeIfAbsent(path.replaceAll("/[0-9]+$", ""), k -> new AtomicInteger()).incrementAndGet();
            if (path.startsWith("/hang")) {
                Thread.sleep(30_000);
            }
            String response = path.startsWith("/redirect")
                    ? "HTTP/1.1 302 Found\r\nLocation: " + base() + "/target\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client gave up: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private int hits(String prefix) {
        AtomicInteger n = hits.get(prefix);
        return n == null ? 0 : n.get();
    }

    /** A document signed by a key whose certificate names the given caIssuers URLs, from a CA nobody trusts. */
    private static byte[] signedWithIssuerUrls(List<String> urls) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        KeyPair ca = g.generateKeyPair();
        KeyPair signer = g.generateKeyPair();
        List<AccessDescription> aia = new ArrayList<>();
        for (String u : urls) {
            aia.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, u)));
        }
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("C=VN,O=Hostile,CN=Nowhere CA"), BigInteger.valueOf(77),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                new X500Name("C=VN,O=Hostile,CN=Signer"), signer.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.authorityInfoAccess, false,
                        new AuthorityInformationAccess(aia.toArray(new AccessDescription[0])))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        return Forgery.cades(signer.getPrivate(), List.of(cert), DATA, now, List.of(), null, null);
    }

    private static VerificationReport verify(FetchPolicy policy, byte[] cms) {
        return SignatureVerifier.builder().trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .fetchPolicy(policy).build()
                .verify(Document.of(cms, "x.p7s", "application/pkcs7-signature"), Document.of(DATA, "x.txt", "text/plain"));
    }

    private static List<String> urls(String base, String path, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(base + path + "/" + i);
        }
        return out;
    }

    @Test
    void twentyIssuerUrlsCostAtMostTheEightFetchesOfOneVerification() throws Exception {
        byte[] cms = signedWithIssuerUrls(urls(base(), "/many", 20));
        VerificationReport r = verify(FetchPolicy.builder().allowPrivateAddresses(true).build(), cms);
        assertThat(hits("/many")).isEqualTo(8);
        assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(r.signatures().get(0).chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);

        // The next verification has a budget of its own, and a refused fetch was not remembered as empty.
        verify(FetchPolicy.builder().allowPrivateAddresses(true).maxFetches(3).build(), cms);
        assertThat(hits("/many")).isEqualTo(11);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        verify(FetchPolicy.builder().allowPrivateAddresses(true).build(), signedWithIssuerUrls(List.of(base() + "/redirect/1")));
        assertThat(hits("/redirect")).isEqualTo(1);
        assertThat(hits("/target")).isZero();
    }

    @Test
    void hangingHostsCannotHoldTheVerificationPastItsTimeBudget() throws Exception {
        byte[] cms = signedWithIssuerUrls(urls(base(), "/hang", 3));
        long started = System.nanoTime();
        VerificationReport r = verify(FetchPolicy.builder().allowPrivateAddresses(true)
                .timeBudget(Duration.ofSeconds(1)).build(), cms);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(r.status()).isNotEqualTo(SignatureStatus.VALID);
        assertThat(hits("/hang")).isBetween(1, 2);
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedByDefault() throws Exception {
        List<String> targets = new ArrayList<>(urls(base(), "/private", 2));
        targets.add("http://10.0.0.1/ca.crt");       // never reached: refused before any connection
        targets.add("http://169.254.169.254/latest"); // the cloud metadata address
        targets.add("http://[::1]:" + server.getLocalPort() + "/private/9");
        VerificationReport r = verify(FetchPolicy.defaults(), signedWithIssuerUrls(targets));
        assertThat(hits("/private")).isZero();
        assertThat(r.signatures().get(0).chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAtConnectTime() throws Exception {
        verify(FetchPolicy.defaults(), signedWithIssuerUrls(List.of(
                "http://localhost:" + server.getLocalPort() + "/byname/1")));
        assertThat(hits("/byname")).isZero();
    }

    @Test
    void theLimitsAreCheckedWhenThePolicyIsBuilt() {
        assertThatThrownBy(() -> FetchPolicy.builder().maxFetches(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxFetches");
        assertThatThrownBy(() -> FetchPolicy.builder().timeBudget(Duration.ZERO)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("timeBudget");
        assertThat(FetchPolicy.defaults().maxFetches()).isEqualTo(8);
        assertThat(FetchPolicy.defaults().timeBudget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(FetchPolicy.defaults().privateAddressesAllowed()).isFalse();
        assertThat(SignatureVerifier.builder().build().fetchPolicy()).isEqualTo(FetchPolicy.defaults());
    }
}
