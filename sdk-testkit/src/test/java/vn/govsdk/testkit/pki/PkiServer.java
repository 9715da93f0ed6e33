package vn.govsdk.testkit.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;

/**
 * A MockWebServer on 127.0.0.1 serving one {@link TestPki}'s {@link PkiMockService}: the test
 * stand-in for the mock platform.
 */
final class PkiServer implements AutoCloseable {

    private static PkiServer shared;

    private final MockWebServer server;
    private final TestPki pki;
    private final MockServiceDispatcher dispatcher;

    private PkiServer(UnaryOperator<TestPki.Builder> settings) {
        server = new MockWebServer();
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI base = URI.create("http://127.0.0.1:" + server.getPort());
        pki = settings.apply(TestPki.builder().platformBaseUrl(base)).build();
        dispatcher = new MockServiceDispatcher(pki.mockService());
        server.setDispatcher(dispatcher);
    }

    /**
     * Starts a server with its own PKI.
     *
     * @param settings extra builder settings (clock, policy...)
     * @return the running server
     */
    static PkiServer start(UnaryOperator<TestPki.Builder> settings) {
        return new PkiServer(settings);
    }

    /**
     * Returns the server shared by all test classes of this JVM (system clock, defaults), started and
     * fully generated on first use. Tests that change its state reset it afterwards.
     *
     * @return the shared server
     */
    static synchronized PkiServer shared() {
        if (shared == null) {
            shared = new PkiServer(UnaryOperator.identity());
            shared.pki.generateAll();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    TestPki pki() {
        return pki;
    }

    PkiMockService service() {
        return pki.mockService();
    }

    /** Returns and forgets the requests served so far, as "METHOD /decoded/path". */
    java.util.List<String> drainRequests() {
        return dispatcher.drainSeen();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
