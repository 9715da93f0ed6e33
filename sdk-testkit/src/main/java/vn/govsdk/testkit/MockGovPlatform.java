package vn.govsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.testkit.data.SyntheticData;
import vn.govsdk.testkit.pki.TestPki;
import vn.govsdk.testkit.internal.NoDelayServerSocketFactory;

/**
 * The mock government platform: every emulated system in one process, on one port, each
 * {@linkplain MockService service} under its own path prefix, with deterministic synthetic data,
 * scriptable faults, a request journal, optional HTTPS and an admin page at {@code /__admin/}.
 *
 * <pre>{@code
 * try (MockGovPlatform platform = MockGovPlatform.builder()
 *         .seed(42)
 *         .service(new EchoService())
 *         .service(p -> new MyPopulationService(p.data()))   // services that need the platform
 *         .build()) {                                        // build() starts it
 *     URI endpoint = platform.baseUrl("/echo");
 *     platform.faults().add("/echo", Fault.status(503));
 *     // ... exercise the software under test ...
 *     assertThat(platform.journal().count("/echo")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} binds the port and starts serving; {@link #close()} stops. A request
 * whose path matches no prefix gets a 404 JSON answer listing the mounted prefixes. The admin
 * endpoints under {@value #ADMIN_PREFIX} are never faulted and never journaled:
 * <ul>
 *   <li>{@code GET /__admin/} the admin page (HTML) and {@code GET /__admin/health};</li>
 *   <li>{@code GET|DELETE /__admin/requests} the journal, personal data masked;</li>
 *   <li>{@code GET|POST|DELETE /__admin/faults}, {@code DELETE /__admin/faults/{id}} the faults;</li>
 *   <li>{@code POST /__admin/reset} the same as {@link #reset()};</li>
 *   <li>{@code GET /__admin/data/citizens?index=N|id=ID} and {@code /__admin/data/households?index=N|id=ID}
 *       synthetic data as JSON;</li>
 *   <li>{@code GET /__admin/tls/root.pem} the root certificate, when HTTPS is on.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class MockGovPlatform implements AutoCloseable {

    /** The path prefix of the admin endpoints. */
    public static final String ADMIN_PREFIX = "/__admin";

    /**
     * The seed used when none is given: the same for the embedded platform, the JUnit extension, the
     * standalone server ({@code govsdk mock-server}) and the tour, so that the citizens the docs name
     * exist in all of them.
     */
    public static final long DEFAULT_SEED = 20_250_701L;

    private static final Logger LOG = LoggerFactory.getLogger(MockGovPlatform.class);

    private final MockWebServer server = new MockWebServer();
    private final long seed;
    private final SyntheticData data;
    private final Faults faults = new Faults();
    private final RequestJournal journal;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long maxRequestBodyBytes;
    private final TlsMaterial tls;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object mountLock = new Object();
    private volatile List<MockService> services = List.of();
    private volatile List<MockService> routes = List.of();
    private final URI baseUrl;
    private final TestPki pki;
    private final String host;

    private MockGovPlatform(Builder b) {
        this.seed = b.seed;
        this.data = SyntheticData.of(b.seed);
        this.journal = new RequestJournal(b.journalCapacity);
        this.clock = b.clock;
        this.sleeper = b.sleeper != null ? b.sleeper : this::sleepUntilClosed;
        this.maxRequestBodyBytes = b.maxRequestBodyBytes;
        InetAddress address = b.bindAddress;
        this.host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();

        if (b.tls) {
            HeldCertificate root = new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("govsdk mock platform root CA")
                    .organizationalUnit("govsdk testkit")
                    .duration(365, TimeUnit.DAYS)
                    .build();
            HeldCertificate.Builder serverCert = new HeldCertificate.Builder()
                    .commonName("localhost")
                    .addSubjectAlternativeName("localhost")
                    .addSubjectAlternativeName("127.0.0.1")
                    .duration(365, TimeUnit.DAYS)
                    .signedBy(root);
            if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()) {
                serverCert.addSubjectAlternativeName(address.getHostAddress());
            }
            HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                    .heldCertificate(serverCert.build(), root.certificate())
                    .build();
            HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
                    .addTrustedCertificate(root.certificate())
                    .build();
            server.useHttps(serverCertificates.sslSocketFactory());
            this.tls = new TlsMaterial(root.certificate(), root.certificatePem(),
                    clientCertificates.trustManager(), clientCertificates.sslContext());
        } else {
            this.tls = null;
        }
        // HTTP/1.1 only: the government systems speak it, and the socket-level faults act on it.
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.setBodyLimit(maxRequestBodyBytes);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new PlatformDispatcher(this, server));
        try {
            server.start(address, b.port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mock platform on " + host + ":" + b.port
                    + ": " + e.getMessage(), e);
        }
        String scheme = b.tls ? "https" : "http";
        this.baseUrl = URI.create(scheme + "://" + hostForUrl(address) + ":" + server.getPort() + "/");
        // The test PKI is always there: its certificates name this platform's OCSP, CRL and
        // timestamp URLs, so it is made once the port is known. Keys are generated on first use.
        this.pki = TestPki.builder().platformBaseUrl(URI.create(scheme + "://" + hostForUrl(address) + ":"
                + server.getPort())).clock(clock).build();
        try {
            mount(pki.mockService());
            for (Function<? super MockGovPlatform, ? extends MockService> factory : b.services) {
                mount(Objects.requireNonNull(factory.apply(this), "a service factory returned null"));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        ready.countDown();
    }

    private static String hostForUrl(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        String h = address.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /**
     * Starts building a platform.
     *
     * @return a builder with the defaults: seed {@value #DEFAULT_SEED}, a free port on 127.0.0.1,
     *     plain HTTP, no services
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ addresses

    /**
     * Returns the platform's base URL, ending with {@code /}.
     *
     * @return for example {@code http://127.0.0.1:41234/} ({@code https://127.0.0.1:41234/} with HTTPS)
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the URL of a path on the platform, typically a service's prefix.
     *
     * @param path a path starting with {@code /}, for example {@code /c06}
     * @return for example {@code http://127.0.0.1:41234/c06}
     */
    public URI baseUrl(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got " + path);
        }
        String base = baseUrl.toString();
        return URI.create(base.substring(0, base.length() - 1) + path);
    }

    /**
     * Returns the URL of the admin page.
     *
     * @return for example {@code http://127.0.0.1:41234/__admin/}
     */
    public URI adminUrl() {
        return baseUrl(ADMIN_PREFIX + "/");
    }

    /**
     * Returns the port the platform listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getPort();
    }

    // ------------------------------------------------------------------ parts

    /**
     * Returns the data seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the synthetic population derived from the seed.
     *
     * @return the data
     */
    public SyntheticData data() {
        return data;
    }

    /**
     * Returns the installed faults.
     *
     * @return the faults
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Returns the request journal.
     *
     * @return the journal
     */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * Returns the trust material clients need, when the platform serves HTTPS.
     *
     * @return the TLS material, or empty for plain HTTP
     */
    public Optional<TlsMaterial> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * Returns the platform's clock, which stamps journal entries. Services that need the time
     * should use it, so that tests can fix it.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the mounted services, in the order they were mounted.
     *
     * @return the services
     */
    public List<MockService> services() {
        return services;
    }

    /**
     * Returns the service mounted at a prefix.
     *
     * @param prefix the exact prefix, for example {@code /c06}
     * @return the service, if one is mounted there
     */
    public Optional<MockService> service(String prefix) {
        for (MockService s : services) {
            if (s.pathPrefix().equals(prefix)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the test PKI served under {@code /pki}: root and intermediate CA, signer certificates
     * (good, expired, not yet valid, revoked, wrong key usage), and the OCSP responder, CRLs and
     * timestamp authority their certificates point at.
     *
     * @return the test PKI of this platform
     */
    public TestPki pki() {
        return pki;
    }

    /**
     * Mounts one more service while the platform runs. Nested prefixes are allowed (the longest
     * matching prefix wins); the same prefix twice is not.
     *
     * @param service the service
     * @return this platform
     * @throws IllegalArgumentException if the prefix is malformed, under {@value #ADMIN_PREFIX} or taken
     */
    public MockGovPlatform mount(MockService service) {
        Objects.requireNonNull(service, "service");
        String prefix = Objects.requireNonNull(service.pathPrefix(), "service.pathPrefix()");
        Objects.requireNonNull(service.name(), "service.name()");
        if (!prefix.startsWith("/") || prefix.length() < 2 || prefix.endsWith("/")
                || prefix.contains("?") || prefix.contains("#") || prefix.contains("*")) {
            throw new IllegalArgumentException("pathPrefix of " + service.name()
                    + " must start with /, have at least one character after it, not end with / and hold no"
                    + " ? # *, got " + prefix);
        }
        if (prefix.equals(ADMIN_PREFIX) || prefix.startsWith(ADMIN_PREFIX + "/")) {
            throw new IllegalArgumentException("pathPrefix " + prefix + " is reserved for the admin endpoints");
        }
        synchronized (mountLock) {
            for (MockService s : services) {
                if (s.pathPrefix().equals(prefix)) {
                    throw new IllegalArgumentException("pathPrefix " + prefix + " is already taken by " + s.name());
                }
            }
            List<MockService> all = new ArrayList<>(services);
            all.add(service);
            services = List.copyOf(all);
            List<MockService> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt((MockService s) -> s.pathPrefix().length()).reversed());
            routes = List.copyOf(sorted);
        }
        LOG.debug("mounted {} at {}", service.name(), prefix);
        return this;
    }

    /**
     * Makes the platform as new: removes every fault, clears the journal and resets every service's
     * state, and sets a {@link TestClock} back to the instant it was made at. The synthetic data is
     * derived from the seed and does not change.
     */
    public void reset() {
        faults.clear();
        journal.clear();
        for (MockService s : services) {
            s.reset();
        }
        if (clock instanceof TestClock testClock) {
            testClock.reset();
        }
    }

    /**
     * Stops serving and closes every open connection. Latency faults in progress are cut short.
     */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        ready.countDown();
        try {
            server.close();
        } catch (AssertionError e) {
            // MockWebServer gives up waiting for a connection thread after 5 seconds, for example one
            // held by a slow service; the socket is closed all the same.
            LOG.warn("mock platform on port {} closed with a connection still busy: {}", port(), e.getMessage());
        }
    }

    /**
     * Describes the platform.
     *
     * @return for example {@code MockGovPlatform[http://127.0.0.1:41234/, seed=42, 3 services]}
     */
    @Override
    public String toString() {
        return "MockGovPlatform[" + baseUrl + ", seed=" + seed + ", " + services.size() + " services]";
    }

    // ------------------------------------------------------------------ for the dispatcher

    MockService route(String path) {
        for (MockService s : routes) {
            String p = s.pathPrefix();
            if (path.startsWith(p) && (path.length() == p.length() || path.charAt(p.length()) == '/')) {
                return s;
            }
        }
        return null;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    long maxRequestBodyBytes() {
        return maxRequestBodyBytes;
    }

    boolean awaitReady() throws InterruptedException {
        return ready.await(30, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void sleepUntilClosed(Duration duration) throws InterruptedException {
        closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Builds and starts a {@link MockGovPlatform}. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int port;
        private boolean tls;
        private InetAddress bindAddress;
        private final List<Function<? super MockGovPlatform, ? extends MockService>> services = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper;
        private int journalCapacity = 10_000;
        private long maxRequestBodyBytes = 16L * 1024 * 1024;

        private Builder() {
            try {
                bindAddress = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * Sets the seed of the synthetic data.
         *
         * @param seed any value; the same seed always gives the same data
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the port.
         *
         * @param port 1 to 65535, or 0 (the default) for any free port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves HTTPS with a certificate generated for {@code localhost} and {@code 127.0.0.1}; clients
         * get the trust from {@link MockGovPlatform#tls()}.
         *
         * @param tls whether to serve HTTPS (default false)
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the address to listen on. The default, 127.0.0.1, is reachable from this machine only;
         * anything else exposes the mock to the network, which is the caller's decision.
         *
         * @param address the address
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Mounts services, each under its own {@link MockService#pathPrefix()}.
         *
         * @param services the services
         * @return this builder
         */
        public Builder service(MockService... services) {
            for (MockService s : services) {
                Objects.requireNonNull(s, "service");
                this.services.add(p -> s);
            }
            return this;
        }

        /**
         * Mounts a service made once the platform is listening, for services that need its data,
         * base URL, clock or TLS material: {@code .service(p -> new PopulationService(p.data()))}.
         *
         * @param factory makes the service from the started platform
         * @return this builder
         */
        public Builder service(Function<? super MockGovPlatform, ? extends MockService> factory) {
            this.services.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Sets the clock that stamps journal entries and that every service judges time by: the test
         * PKI's validity periods, OCSP answers, CRLs and timestamps, tokens, sessions and remote-signing
         * transactions (default: system UTC). Give it a {@link TestClock}, and the same clock to the
         * clients under test, to move time for both at once.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how latency faults wait. The default waits on the real clock and is cut short when the
         * platform closes; tests pass a sleeper that records the delay and returns.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets how many requests the journal keeps (default 10,000); older ones are forgotten.
         *
         * @param capacity the number of entries, positive
         * @return this builder
         */
        public Builder journalCapacity(int capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("journalCapacity must be positive, got " + capacity);
            }
            this.journalCapacity = capacity;
            return this;
        }

        /**
         * Sets the largest request body accepted (default 16 MiB); larger requests get 413.
         *
         * @param bytes the limit, positive
         * @return this builder
         */
        public Builder maxRequestBodyBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be positive, got " + bytes);
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * Builds the platform, binds its port, mounts the services and starts serving.
         *
         * @return the running platform; close it when done
         * @throws UncheckedIOException if the port cannot be bound
         * @throws IllegalArgumentException if two services share a prefix or one is malformed
         */
        public MockGovPlatform build() {
            return new MockGovPlatform(this);
        }
    }
}
