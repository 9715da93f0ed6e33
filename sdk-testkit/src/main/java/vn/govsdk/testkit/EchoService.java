package vn.govsdk.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import vn.govsdk.testkit.internal.Json;

/**
 * A diagnostic service that answers every request with a JSON description of it: method, path,
 * query, headers and body. Useful to check that a client reaches the platform, to try faults, and as
 * the trivial route of load tests. {@code ?status=NNN} makes it answer with that status.
 *
 * <pre>{@code
 * curl 'http://127.0.0.1:8080/echo/hello?x=1'
 * {"service":"echo","method":"GET","path":"/echo/hello","query":{"x":["1"]},"headers":{...},"body":""}
 * }</pre>
 */
public final class EchoService implements MockService {
    private final String prefix;

    /** Creates the echo service at {@code /echo}. */
    public EchoService() {
        this("/echo");
    }

    /**
     * Creates the echo service at another prefix.
     *
     * @param prefix the prefix, for example {@code /echo2}
     */
    public EchoService(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * Returns the service's name.
     *
     * @return {@code Echo (diagnostic)}
     */
    @Override
    public String name() {
        return "Echo (diagnostic)";
    }

    /**
     * Returns the prefix.
     *
     * @return the prefix, {@code /echo} by default
     */
    @Override
    public String pathPrefix() {
        return prefix;
    }

    /**
     * Describes the request as JSON.
     *
     * @param request the request
     * @return 200 (or the {@code status} query parameter) with the description
     */
    @Override
    public MockResponse handle(MockRequest request) {
        int status = 200;
        String asked = request.queryParameter("status").orElse(null);
        if (asked != null) {
            if (!asked.matches("[1-5][0-9][0-9]")) {
                return MockResponse.json(400, "{\"error\":\"status must be a number between 100 and 599\"}");
            }
            status = Integer.parseInt(asked);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "echo");
        body.put("method", request.method());
        body.put("path", request.path());
        body.put("query", new TreeMap<String, List<String>>(request.query()));
        body.put("headers", request.headers());
        body.put("body", request.bodyAsString());
        return MockResponse.json(status, Json.write(body));
    }
}
