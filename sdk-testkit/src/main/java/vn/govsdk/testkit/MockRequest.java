package vn.govsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request received by the mock platform, as handed to a {@link MockService}.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded request path, without the query string
 * @param query the query parameters, each with all its values in order
 * @param headers the request headers, with lower-case names, each with all its values in order
 * @param body the request body, empty when there is none
 */
public record MockRequest(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body) {

    /**
     * Validates and copies the parts.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param query the query parameters
     * @param headers the headers (names are lower-cased here)
     * @param body the body
     */
    public MockRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, case-insensitive
     * @return the first value, if present
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the parameter name, case-sensitive
     * @return the first value, if present
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns a copy of the body.
     *
     * @return the body bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
