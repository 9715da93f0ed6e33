package vn.govsdk.testkit.city;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.internal.Json;

/** A WSO2-style token endpoint and Bearer check shared by the city gateway mocks. */
final class WsoTokens {

    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    WsoTokens(String clientId, String clientSecret, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    void reset() {
        tokens.clear();
    }

    MockResponse token(MockRequest request) {
        Map<String, String> form = form(request.bodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return MockResponse.json(400, Json.write(Map.of("error", "unsupported_grant_type")));
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = request.header("Authorization").orElse("");
        if (basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String d = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = d.indexOf(':');
                if (colon > 0) {
                    id = URLDecoder.decode(d.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(d.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        if (!clientId.equals(id) || secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8))) {
            return MockResponse.json(401, Json.write(Map.of("error", "invalid_client",
                    "error_description", "Client Authentication failed.")));
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, clock.instant().plusSeconds(3600));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("scope", "am_application_scope default");
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3600);
        return MockResponse.json(200, Json.write(answer));
    }

    /** Returns a 401 answer, or {@code null} when the request carries a valid token. */
    MockResponse refusal(MockRequest request) {
        String auth = request.header("Authorization").orElse("");
        Instant expiry = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? tokens.get(auth.substring(7).strip()) : null;
        if (expiry == null || expiry.isBefore(clock.instant())) {
            return MockResponse.json(401, Json.write(Map.of("fault", Map.of("code", 900901,
                    "message", "Invalid Credentials", "description", "Make sure you have provided the correct security credentials"))));
        }
        return null;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
