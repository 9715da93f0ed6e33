package vn.govsdk.signing.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Tools;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.TestPki;

class TimestampClientTest {

    private static MockGovPlatform platform;
    private static TestPki pki;
    private static TestTsa fakeTsa;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<MockWebServer> servers = new ArrayList<>();
    private final byte[] digest = DigestAlgorithm.SHA256.digest("chữ ký số".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void startPlatform() {
        platform = MockGovPlatform.builder().build();
        pki = platform.pki().generateAll();
        fakeTsa = new TestTsa(pki);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @BeforeEach
    void resetPlatform() {
        platform.reset();
        platform.journal().clear();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(MockWebServer::close);
    }

    private URI tsa() {
        return platform.baseUrl("/pki/tsa");
    }

    private TimestampClient.Builder client() {
        return TimestampClient.builder().sleeper(sleeps::add);
    }

    private MockWebServer server(Dispatcher dispatcher) throws Exception {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(dispatcher);
        s.start();
        servers.add(s);
        return s;
    }

    private static Dispatcher answering(java.util.function.Function<RecordedRequest, MockResponse> f) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return f.apply(request);
            }
        };
    }

    private static MockResponse reply(byte[] der) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/timestamp-reply")
                .body(new Buffer().write(der)).build();
    }

    private static Dispatcher tampered(TestTsa.Tamper tamper) {
        return answering(r -> reply(fakeTsa.answer(r.getBody().toByteArray(), tamper)));
    }

    @Test
    void grantedTokenIsCheckedAndCarriesTheRequestedValues() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                vn.govsdk.signing.internal.timestamp.HttpTimestampClient.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        ch.qos.logback.classic.Level previous = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.DEBUG);
        TimestampToken token;
        try {
            token = client().authority(tsa()).policy(TestPki.DEFAULT_TSA_POLICY_OID).build()
                    .timestamp(DigestAlgorithm.SHA256, digest);
        } finally {
            log.detachAppender(lines);
            log.setLevel(previous);
        }
        // One DEBUG line per request: authority, outcome, duration.
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.DEBUG);
        assertThat(lines.list.get(0).getFormattedMessage()).contains(tsa().toString()).contains("granted").contains(" ms");
        assertThat(token.messageImprint()).isEqualTo(digest);
        assertThat(token.digestAlgorithm()).isEqualTo(DigestAlgorithm.SHA256);
        assertThat(token.policy()).isEqualTo(TestPki.DEFAULT_TSA_POLICY_OID);
        assertThat(token.nonce()).isPresent();
        assertThat(token.certificates()).contains(pki.tsa().certificate());

        // The request on the wire: SHA-256 imprint, a 64-bit nonce, certReq, the policy.
        byte[] body = platform.journal().lastTo("/pki/tsa").orElseThrow().request().body();
        TimeStampRequest sent = new TimeStampRequest(body);
        assertThat(sent.getCertReq()).isTrue();
        assertThat(sent.getNonce().bitLength()).isLessThanOrEqualTo(64);
        assertThat(sent.getNonce()).isEqualTo(token.nonce().orElseThrow());
        assertThat(sent.getReqPolicy().getId()).isEqualTo(TestPki.DEFAULT_TSA_POLICY_OID);
        assertThat(sent.getMessageImprintAlgOID().getId()).isEqualTo(DigestAlgorithm.SHA256.oid());
        assertThat(platform.journal().lastTo("/pki/tsa").orElseThrow().header("Content-Type").orElseThrow())
                .startsWith("application/timestamp-query");

        // Two requests never share a nonce.
        TimestampToken second = client().authority(tsa()).build().timestamp(DigestAlgorithm.SHA256, digest);
        assertThat(second.nonce()).isNotEqualTo(token.nonce());

        TimestampToken sha512 = client().authority(tsa()).build().timestamp(DigestAlgorithm.SHA512,
                DigestAlgorithm.SHA512.digest(digest));
        assertThat(sha512.digestAlgorithm()).isEqualTo(DigestAlgorithm.SHA512);
    }

    @Test
    void failsOverFromAnAuthorityAnswering503AfterBoundedRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MockWebServer down = server(answering(r -> {
            calls.incrementAndGet();
            return new MockResponse.Builder().code(503).body("busy").build();
        }));
        TimestampToken token = client().authority(down.url("/tsa").uri()).authority(tsa()).build()
                .timestamp(DigestAlgorithm.SHA256, digest);
        assertThat(token.messageImprint()).isEqualTo(digest);
        assertThat(calls.get()).isEqualTo(3); // the default: 3 attempts per authority
        assertThat(sleeps).hasSize(2);        // two waits, jittered, within the backoff ceiling
        assertThat(sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(10)) <= 0);
        assertThat(platform.journal().count("/pki/tsa")).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndEveryAuthorityIsNamedWhenAllFail() {
        platform.pki().mockService().setTimestampAuthorityAvailable(false);
        TimestampClient c = client().authority(tsa()).retryPolicy(RetryPolicy.builder().maxRetries(4).build()).build();
        assertThatThrownBy(() -> c.timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining(tsa().toString())
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("5 attempts");
        assertThat(platform.journal().count("/pki/tsa")).isEqualTo(5);

        platform.journal().clear();
        TimestampClient defaults = client().authority(tsa()).build();
        assertThatThrownBy(() -> defaults.timestamp(DigestAlgorithm.SHA256, digest)).isInstanceOf(TimestampException.class);
        assertThat(platform.journal().count("/pki/tsa")).isEqualTo(3);
    }

    @Test
    void failsOverFromAnAuthorityThatRefusesConnections() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        URI dead = closed.url("/tsa").uri();
        closed.close();
        TimestampToken token = client().authority(dead).authority(tsa()).build().timestamp(DigestAlgorithm.SHA256, digest);
        assertThat(token.messageImprint()).isEqualTo(digest);
        assertThat(sleeps).hasSize(2); // the dead authority was tried 3 times
    }

    @Test
    void http403IsNotRetriedAndFailsOver() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MockWebServer forbidden = server(answering(r -> {
            calls.incrementAndGet();
            return new MockResponse.Builder().code(403).body("<html>403 Forbidden</html>").build();
        }));
        TimestampClient only = client().authority(forbidden.url("/").uri()).build();
        assertThatThrownBy(() -> only.timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("HTTP 403").hasMessageContaining("1 attempt");
        assertThat(calls.get()).isEqualTo(1);

        TimestampToken token = client().authority(forbidden.url("/").uri()).authority(tsa()).build()
                .timestamp(DigestAlgorithm.SHA256, digest);
        assertThat(token.messageImprint()).isEqualTo(digest);
    }

    @Test
    void rejectionNamesTheFailureInfo() {
        TimestampClient c = client().authority(tsa()).policy("2.999.704.2.77").build();
        assertThatThrownBy(() -> c.timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("rejection")
                .hasMessageContaining("unacceptedPolicy");
        assertThat(platform.journal().count("/pki/tsa")).isEqualTo(1); // a refusal is an answer: not retried
    }

    @Test
    void nonceMismatchIsRefused() throws Exception {
        MockWebServer s = server(tampered(TestTsa.Tamper.NONCE));
        assertThatThrownBy(() -> client().authority(s.url("/").uri()).build().timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("nonce");
        // A well-behaved answer from the same fake is accepted: the refusal above is about the nonce only.
        MockWebServer good = server(tampered(TestTsa.Tamper.NONE));
        assertThat(client().authority(good.url("/").uri()).build().timestamp(DigestAlgorithm.SHA256, digest)
                .messageImprint()).isEqualTo(digest);
    }

    @Test
    void imprintMismatchIsRefusedAndTheNextAuthorityAsked() throws Exception {
        MockWebServer s = server(tampered(TestTsa.Tamper.IMPRINT));
        assertThatThrownBy(() -> client().authority(s.url("/").uri()).build().timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("message imprint");
        TimestampToken token = client().authority(s.url("/").uri()).authority(tsa()).build()
                .timestamp(DigestAlgorithm.SHA256, digest);
        assertThat(token.messageImprint()).isEqualTo(digest);
    }

    @Test
    void policyOtherThanRequestedIsRefused() throws Exception {
        MockWebServer s = server(tampered(TestTsa.Tamper.POLICY));
        assertThatThrownBy(() -> client().authority(s.url("/").uri()).policy(TestPki.DEFAULT_TSA_POLICY_OID).build()
                .timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("policy 2.999.704.2.9");
    }

    @Test
    void oversizedAnswerIsRefused() throws Exception {
        byte[] huge = new byte[1024 * 1024 + 10];
        MockWebServer s = server(answering(r -> reply(huge)));
        assertThatThrownBy(() -> client().authority(s.url("/").uri()).build().timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("exceeds the limit of 1048576 bytes");
    }

    @Test
    void garbageAnswerIsRefused() throws Exception {
        MockWebServer s = server(answering(r -> reply("not a timestamp".getBytes(StandardCharsets.US_ASCII))));
        assertThatThrownBy(() -> client().authority(s.url("/").uri()).build().timestamp(DigestAlgorithm.SHA256, digest))
                .isInstanceOf(TimestampException.class).hasMessageContaining("not an RFC 3161 TimeStampResp");
    }

    @Test
    void atMostFourRequestsAreInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        CountDownLatch fourArrived = new CountDownLatch(4);
        Semaphore gate = new Semaphore(0);
        MockWebServer s = server(answering(r -> {
            int now = inFlight.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            total.incrementAndGet();
            fourArrived.countDown();
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return reply(fakeTsa.answer(r.getBody().toByteArray(), TestTsa.Tamper.NONE));
        }));
        TimestampClient c = client().authority(s.url("/").uri()).build();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<TimestampToken>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> c.timestamp(DigestAlgorithm.SHA256, digest)));
            }
            assertThat(fourArrived.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(inFlight.get()).isEqualTo(4);
            gate.release(10);
            for (Future<TimestampToken> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS).messageImprint()).isEqualTo(digest);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(total.get()).isEqualTo(10);
        assertThat(max.get()).isEqualTo(4);
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> TimestampClient.builder().build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("authority");
        assertThatThrownBy(() -> TimestampClient.builder().authority(URI.create("ftp://tsa.example/")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("authority");
        assertThatThrownBy(() -> TimestampClient.builder().authority(URI.create("http://u:secret@tsa.example/")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("authority")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> TimestampClient.builder().policy("not-an-oid"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("policy");
        assertThatThrownBy(() -> TimestampClient.builder().maxConcurrentRequests(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxConcurrentRequests");
        assertThatThrownBy(() -> TimestampClient.builder().timeout(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timeout");
        TimestampClient c = client().authority(tsa()).build();
        assertThatThrownBy(() -> c.timestamp(DigestAlgorithm.SHA256, new byte[20]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("digest");
        assertThat(platform.journal().count("/pki/tsa")).isZero();
    }

    @Test
    void opensslVerifiesOurToken() throws Exception {
        byte[] data = "Quyết định số 42/QĐ-UBND".getBytes(StandardCharsets.UTF_8);
        byte[] hash = DigestAlgorithm.SHA256.digest(data);
        TimestampToken token = client().authority(tsa()).build().timestamp(DigestAlgorithm.SHA256, hash);
        Path dir = Tools.workDir("tsa-openssl");
        Files.write(dir.resolve("token.der"), token.encoded());
        Files.writeString(dir.resolve("root.pem"), pki.trustAnchorPem());
        Files.writeString(dir.resolve("untrusted.pem"), pki.tsa().certificatePem()
                + pki.intermediateCa().certificatePem());
        String out = Tools.ok(dir, "openssl", "ts", "-verify", "-token_in", "-in", "token.der",
                "-digest", HexFormat.of().formatHex(hash), "-CAfile", "root.pem", "-untrusted", "untrusted.pem");
        assertThat(out).contains("Verification: OK");
        // And openssl refuses it for another digest: the check above could fail.
        Tools.Result wrong = Tools.run(dir, "openssl", "ts", "-verify", "-token_in", "-in", "token.der",
                "-digest", HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(hash)), "-CAfile", "root.pem",
                "-untrusted", "untrusted.pem");
        assertThat(wrong.exitCode()).isNotZero();
    }
}
