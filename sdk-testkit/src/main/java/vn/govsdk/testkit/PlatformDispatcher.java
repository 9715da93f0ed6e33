package vn.govsdk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.testkit.internal.Json;

/**
 * Routes each request: admin endpoints, then the mounted services by longest prefix, with the
 * installed fault applied and the exchange journaled. Runs on MockWebServer's connection threads.
 */
final class PlatformDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformDispatcher.class);
    private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();
    /** Appended to a cut-off body by the malformed-body fault: neither JSON nor XML can parse it. */
    private static final String GARBAGE = "\u0000<<govsdk-mock: malformed body>>\u0000{\"";

    private final MockGovPlatform platform;
    private final MockWebServer server;
    private final AdminEndpoints admin;

    PlatformDispatcher(MockGovPlatform platform, MockWebServer server) {
        this.platform = platform;
        this.server = server;
        this.admin = new AdminEndpoints(platform);
    }

    @Override
    public mockwebserver3.MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        drainServerQueue();
        if (!platform.awaitReady() || platform.isClosed()) {
            return wire(MockResponse.json(503, "{\"error\":\"the mock platform is not running\"}"), false).build();
        }
        MockRequest request = toMockRequest(recorded);
        boolean head = request.method().equals("HEAD");
        String path = request.path();
        if (path.equals(MockGovPlatform.ADMIN_PREFIX) || path.startsWith(MockGovPlatform.ADMIN_PREFIX + "/")) {
            return wire(admin.handle(request), head).build();
        }

        Instant receivedAt = platform.clock().instant();
        MockService service = platform.route(path);
        Optional<String> serviceName = service == null ? Optional.empty() : Optional.of(service.name());

        if (recorded.getBodySize() > platform.maxRequestBodyBytes()) {
            MockResponse tooLarge = error(413, "request body too large",
                    "the mock platform accepts request bodies up to " + platform.maxRequestBodyBytes() + " bytes");
            return journalAndWire(receivedAt, request, serviceName, tooLarge, Optional.empty(), head);
        }
        if (service == null) {
            return journalAndWire(receivedAt, request, serviceName, notMounted(path), Optional.empty(), head);
        }

        Optional<Faults.Applied> applied = platform.faults().apply(request.method(), path);
        if (applied.isEmpty()) {
            return journalAndWire(receivedAt, request, serviceName, call(service, request), Optional.empty(), head);
        }
        Fault fault = applied.get().fault();
        Optional<String> described = Optional.of(fault.toString());
        if (!fault.latency().isZero()) {
            platform.sleeper().sleep(fault.latency());
        }
        switch (fault.kind()) {
            case STATUS: {
                MockResponse answer = fault.body().isPresent()
                        ? MockResponse.of(fault.status().getAsInt(), fault.contentType().orElseThrow(), fault.body().get())
                        : error(fault.status().getAsInt(), "fault injected",
                                "status " + fault.status().getAsInt() + " injected by the govsdk mock platform");
                if (fault.retryAfter().isPresent()) {
                    answer = answer.withHeader("Retry-After", fault.retryAfter().get());
                }
                return journalAndWire(receivedAt, request, serviceName, answer, described, head);
            }
            case DROP_BEFORE_HEADERS: {
                record(receivedAt, request, serviceName, 0, described);
                return new mockwebserver3.MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build();
            }
            case LATENCY:
                return journalAndWire(receivedAt, request, serviceName, call(service, request), described, head);
            case DROP_AFTER_HEADERS:
            case TRUNCATED_BODY: {
                MockResponse answer = call(service, request);
                record(receivedAt, request, serviceName, answer.status(), described);
                byte[] body = answer.body();
                int keep;
                if (fault.kind() == Fault.Kind.DROP_AFTER_HEADERS) {
                    keep = 0;
                } else if (fault.truncateAfterBytes().isPresent() && fault.truncateAfterBytes().getAsInt() < body.length) {
                    keep = fault.truncateAfterBytes().getAsInt();
                } else {
                    keep = body.length / 2;
                }
                // Announce at least one byte more than is sent, so the client always sees the cut.
                long announced = Math.max(body.length, keep + 1L);
                return wire(answer, false)
                        .body(new PartialBody(body, keep, announced))
                        .onResponseEnd(new SocketEffect.CloseSocket())
                        .build();
            }
            case MALFORMED_BODY: {
                MockResponse answer = call(service, request);
                String original = answer.bodyAsString();
                String broken = fault.body().orElse(original.substring(0, original.length() / 2) + GARBAGE);
                MockResponse damaged = new MockResponse(answer.status(), answer.headers(),
                        broken.getBytes(StandardCharsets.UTF_8));
                return journalAndWire(receivedAt, request, serviceName, damaged, described, head);
            }
            case SLOW_BODY: {
                MockResponse answer = call(service, request);
                record(receivedAt, request, serviceName, answer.status(), described);
                return wire(answer, head)
                        .throttleBody(fault.bytesPerPeriod(), fault.period().toNanos(), TimeUnit.NANOSECONDS)
                        .build();
            }
            default:
                throw new AssertionError(fault.kind());
        }
    }

    private mockwebserver3.MockResponse journalAndWire(Instant receivedAt, MockRequest request,
            Optional<String> serviceName, MockResponse answer, Optional<String> fault, boolean head) {
        record(receivedAt, request, serviceName, answer.status(), fault);
        return wire(answer, head).build();
    }

    private void record(Instant receivedAt, MockRequest request, Optional<String> serviceName, int status,
            Optional<String> fault) {
        JournalEntry entry = platform.journal().record(receivedAt, request, serviceName, status, fault);
        if (LOG.isDebugEnabled()) {
            LOG.debug("mock {}", entry);
        }
    }

    private MockResponse call(MockService service, MockRequest request) {
        try {
            MockResponse answer = service.handle(request);
            if (answer == null) {
                return error(500, "mock service failed", service.name() + " returned no response");
            }
            return answer;
        } catch (RuntimeException e) {
            StackTraceElement[] trace = e.getStackTrace();
            String where = trace.length > 0 ? " at " + trace[0] : "";
            LOG.warn("mock service {} failed on {} {}: {}: {}{}", service.name(), request.method(),
                    MASKER.maskText(request.path()), e.getClass().getName(), MASKER.maskText(String.valueOf(e.getMessage())),
                    where);
            return error(500, "mock service failed", service.name() + " threw " + e.getClass().getSimpleName()
                    + ": " + MASKER.maskText(String.valueOf(e.getMessage())));
        }
    }

    private MockResponse notMounted(String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "not found");
        body.put("message", "no mock service is mounted at " + path + "; mounted prefixes are listed below");
        List<Map<String, String>> mounted = new ArrayList<>();
        for (MockService s : platform.services()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("prefix", s.pathPrefix());
            m.put("name", s.name());
            mounted.add(m);
        }
        body.put("services", mounted);
        body.put("admin", MockGovPlatform.ADMIN_PREFIX + "/");
        return MockResponse.json(404, Json.write(body));
    }

    static MockResponse error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status", status);
        body.put("message", message);
        return MockResponse.json(status, Json.write(body));
    }

    /** Builds the wire response for a service answer; for HEAD, the headers only. */
    static mockwebserver3.MockResponse.Builder wire(MockResponse answer, boolean head) {
        mockwebserver3.MockResponse.Builder b = new mockwebserver3.MockResponse.Builder()
                .status("HTTP/1.1 " + answer.status() + " " + reason(answer.status()));
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("transfer-encoding") || name.equals("connection")) {
                continue;
            }
            b.setHeader(h.getKey(), h.getValue());
        }
        byte[] body = answer.body();
        if (head) {
            b.setHeader("Content-Length", body.length);
        } else {
            b.body(new Buffer().write(body));
        }
        return b;
    }

    private void drainServerQueue() throws InterruptedException {
        // MockWebServer queues every request for takeRequest(); the platform keeps its own journal,
        // so empty that queue to keep a long-running server's memory flat.
        while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
            // discard
        }
    }

    private static MockRequest toMockRequest(RecordedRequest recorded) {
        HttpUrl url = recorded.getUrl();
        StringBuilder path = new StringBuilder();
        for (String segment : url.pathSegments()) {
            path.append('/').append(segment);
        }
        if (path.length() == 0) {
            path.append('/');
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            List<String> values = new ArrayList<>();
            for (String v : url.queryParameterValues(name)) {
                values.add(v == null ? "" : v);
            }
            query.put(name, values);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Headers h = recorded.getHeaders();
        for (String name : h.names()) {
            headers.put(name, h.values(name));
        }
        ByteString body = recorded.getBody();
        return new MockRequest(recorded.getMethod(), path.toString(), query, headers,
                body == null ? new byte[0] : body.toByteArray());
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 300 ? "OK" : status < 400 ? "Redirection" : status < 500 ? "Client Error" : "Server Error";
        };
    }

    /** A body that announces {@code announced} bytes and writes only the first {@code keep}. */
    private static final class PartialBody implements MockResponseBody {
        private final byte[] body;
        private final int keep;
        private final long announced;

        PartialBody(byte[] body, int keep, long announced) {
            this.body = body;
            this.keep = keep;
            this.announced = announced;
        }

        @Override
        public long getContentLength() {
            return announced;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(body, 0, keep);
            sink.flush();
        }
    }
}
