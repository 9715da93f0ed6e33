package vn.govsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response a {@link MockService} gives. Immutable; the {@code with...} methods return copies.
 *
 * @param status the HTTP status code
 * @param headers the response headers (one value each)
 * @param body the body bytes
 */
public record MockResponse(int status, Map<String, String> headers, byte[] body) {

    /**
     * Validates and copies the parts.
     *
     * @param status the HTTP status, 100 to 599
     * @param headers the headers
     * @param body the body
     */
    public MockResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, got " + status);
        }
        headers = Map.copyOf(headers);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status
     * @param json the JSON text
     * @return the response, with {@code Content-Type: application/json; charset=utf-8}
     */
    public static MockResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json);
    }

    /**
     * An XML response (SOAP bodies included).
     *
     * @param status the HTTP status
     * @param xml the XML text
     * @return the response, with {@code Content-Type: text/xml; charset=utf-8}
     */
    public static MockResponse xml(int status, String xml) {
        return of(status, "text/xml; charset=utf-8", xml);
    }

    /**
     * A text response with the given media type.
     *
     * @param status the HTTP status
     * @param contentType the media type, with its charset
     * @param text the body text, encoded as UTF-8
     * @return the response
     */
    public static MockResponse of(int status, String contentType, String text) {
        return bytes(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A binary response (DER, PKCS#7, PDF).
     *
     * @param status the HTTP status
     * @param contentType the media type
     * @param body the body bytes
     * @return the response
     */
    public static MockResponse bytes(int status, String contentType, byte[] body) {
        return new MockResponse(status, Map.of("Content-Type", contentType), body);
    }

    /**
     * Returns a copy with one more header (replacing any header of the same name).
     *
     * @param name the header name
     * @param value the header value
     * @return the new response
     */
    public MockResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new MockResponse(status, copy, body);
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

    /**
     * Returns the body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
