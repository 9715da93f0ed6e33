package vn.govsdk.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.pki.PkiMockService;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * The testkit's test PKI served on 127.0.0.1, shared by the tests of this JVM: its OCSP responder and
 * CRLs answer at the URLs written into its certificates.
 */
public final class TestPlatform {

    private static TestPlatform shared;

    private final MockWebServer server = new MockWebServer();
    private final TestPki pki;
    private final AtomicInteger requests = new AtomicInteger();

    private TestPlatform() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pki = TestPki.create(URI.create("http://127.0.0.1:" + server.getPort()));
        PkiMockService service = pki.mockService();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest recorded) {
                requests.incrementAndGet();
                HttpUrl url = recorded.getUrl();
                String path = "/" + String.join("/", url.pathSegments());
                Map<String, List<String>> query = new LinkedHashMap<>();
                for (String name : url.queryParameterNames()) {
                    query.put(name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v)
                            .collect(Collectors.toList()));
                }
                byte[] body = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
                vn.govsdk.testkit.MockResponse answer = service.handle(new MockRequest(recorded.getMethod(), path,
                        query, recorded.getHeaders().toMultimap(), body));
                MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
                answer.headers().forEach(response::addHeader);
                return response.body(new Buffer().write(answer.body())).build();
            }
        });
    }

    /**
     * Returns the platform shared by all tests of this JVM.
     *
     * @return the platform
     */
    public static synchronized TestPlatform shared() {
        if (shared == null) {
            shared = new TestPlatform();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::close));
        }
        return shared;
    }

    public TestPki pki() {
        return pki;
    }

    public PkiMockService service() {
        return pki.mockService();
    }

    /** Returns how many HTTP requests the platform has answered so far. */
    public int requestCount() {
        return requests.get();
    }

    /** Returns a signing key for a test credential. */
    public static SigningKey key(TestCredential credential) {
        return SigningKey.of(credential.privateKey(), credential.chain());
    }

    /** Writes a credential to a PKCS#12 file with password {@code changeit}. */
    public static Path pkcs12(TestCredential credential, Path dir) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(credential.role().alias() + ".p12");
            credential.writePkcs12(p, "changeit".toCharArray());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password of {@link #pkcs12}. */
    public static Secret password() {
        return Secret.of("changeit");
    }
}
