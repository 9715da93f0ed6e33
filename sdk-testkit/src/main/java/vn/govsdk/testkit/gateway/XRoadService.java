package vn.govsdk.testkit.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.Json;

/**
 * A mock X-Road style security server for REST calls, mounted under {@code /xroad}.
 *
 * <p>Requests go to {@code /xroad/r1/{instance}/{memberClass}/{memberCode}/{subsystemCode}/
 * {serviceCode}[/{version}]} with an {@code X-Road-Client: {instance}/{class}/{member}/{subsystem}}
 * header. Services offered by every member:
 * <ul>
 *   <li>{@code echo}: answers {@code {"method","service","client","userId","query","body"}} with the
 *       JSON body it received;</li>
 *   <li>{@code fail}: always answers 500 with an X-Road error body;</li>
 * </ul>
 * any other service code answers 404 {@code Server.ServerProxy.UnknownService}; a missing or malformed
 * {@code X-Road-Client} answers 400 {@code Client.InvalidClientIdentifier}. Every answer carries
 * {@code X-Road-Id} (the caller's, or a new one) and {@code X-Road-Request-Hash}: the base64 (standard
 * alphabet, padded) SHA-512 of the request body bytes as received (an empty body hashes the empty
 * byte string). {@link #tamperRequestHash(boolean)} makes the hash wrong, to test that clients refuse it.
 * Error bodies are {@code {"type":"…","message":"…","detail":"…"}} with header {@code X-Road-Error}.
 */
public final class XRoadService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/xroad";

    private final AtomicBoolean tamper = new AtomicBoolean();

    /** Creates the service. */
    public XRoadService() {
    }

    /**
     * Makes every following answer carry a wrong {@code X-Road-Request-Hash} (or a right one again).
     * Cleared by {@link #reset()}.
     *
     * @param tamper whether to tamper
     */
    public void tamperRequestHash(boolean tamper) {
        this.tamper.set(tamper);
    }

    @Override
    public String name() {
        return "X-Road style security server (national exchange)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        tamper.set(false);
    }

    @Override
    public MockResponse handle(MockRequest request) {
        String id = request.header("X-Road-Id").orElse(UUID.randomUUID().toString());
        String hash = hash(request.body());
        if (tamper.get()) {
            hash = hash(("tampered:" + hash).getBytes(StandardCharsets.UTF_8));
        }
        MockResponse response = answer(request, id);
        return response.withHeader("X-Road-Id", id).withHeader("X-Road-Request-Hash", hash);
    }

    private MockResponse answer(MockRequest request, String id) {
        String[] parts = request.path().substring(PREFIX.length()).split("/", -1);
        // "", "r1", instance, class, member, subsystem, service[, version]
        if (parts.length < 7 || parts.length > 8 || !parts[1].equals("r1")) {
            return error(400, "Client.InvalidRequest", "Service path must be /r1/{instance}/{memberClass}/"
                    + "{memberCode}/{subsystemCode}/{serviceCode}[/{version}]", id);
        }
        String client = request.header("X-Road-Client").orElse("");
        String[] c = client.split("/", -1);
        if (c.length != 4 || java.util.Arrays.stream(c).anyMatch(String::isBlank)) {
            return error(400, "Client.InvalidClientIdentifier",
                    "X-Road-Client must be {instance}/{memberClass}/{memberCode}/{subsystemCode}", id);
        }
        String service = parts[6];
        String serviceId = String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        if (service.equals("fail")) {
            return error(500, "Server.ServerProxy.ServiceFailed", "The demo service failed on purpose", id);
        }
        if (!service.equals("echo")) {
            return error(404, "Server.ServerProxy.UnknownService", "Unknown service: SERVICE:" + serviceId, id);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.method());
        out.put("service", serviceId);
        out.put("client", client);
        out.put("userId", request.header("X-Road-UserId").orElse(null));
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        out.put("query", query);
        if (request.body().length > 0) {
            try {
                out.put("body", Json.read(request.bodyAsString()));
            } catch (RuntimeException e) {
                return error(400, "Client.InvalidBody", "The body is not JSON", id);
            }
        }
        return MockResponse.json(200, Json.write(out));
    }

    private static MockResponse error(int status, String type, String message, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        body.put("detail", id);
        return MockResponse.json(status, Json.write(body)).withHeader("X-Road-Error", type);
    }

    /**
     * The request hash rule: base64 (standard, padded) of SHA-512 over the body bytes.
     *
     * @param body the request body as received
     * @return the hash
     */
    public static String hash(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
