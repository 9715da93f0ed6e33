package vn.govsdk.signing.remote;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.govsdk.core.InvalidInputException;

/**
 * An HTTP request a provider sent to the integrator's webhook endpoint, as the application's web
 * framework received it. Header names are matched without regard to case.
 *
 * @param headers the request headers
 * @param body the raw body; copied
 */
public record WebhookRequest(Map<String, List<String>> headers, byte[] body) {

    /**
     * Copies the parts.
     *
     * @param headers the headers; not null
     * @param body the body; not null
     */
    public WebhookRequest {
        if (headers == null) {
            throw new InvalidInputException("headers", "must not be null");
        }
        if (body == null) {
            throw new InvalidInputException("body", "must not be null");
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, List.copyOf(v));
            }
        });
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /**
     * Creates a request with a JSON body.
     *
     * @param headers the headers
     * @param json the body text, sent as UTF-8
     * @return the request
     */
    public static WebhookRequest of(Map<String, List<String>> headers, String json) {
        return new WebhookRequest(headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, if present
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
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

    /** Shows the header names and body size only. */
    @Override
    public String toString() {
        return "WebhookRequest[headers " + headers.keySet() + ", " + body.length + " bytes]";
    }
}
