package vn.govsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;

/**
 * The data-sharing platform's auth as the mocks check it, written once for every mock that sits
 * behind an LGSP: the WSO2 {@code /token} endpoint with client credentials (form fields or HTTP
 * Basic) and the VNPT {@code lgspaccesstoken} header.
 */
public final class LgspMockAuth {

    /** The synthetic credentials a mock accepts. */
    public record Expected(String clientId, String clientSecret, String accessKey, String secretKey,
            String appName, String partnerCode) {
    }

    private LgspMockAuth() {
    }

    /**
     * Checks a token request's grant type and client credentials.
     *
     * @param request the token request
     * @param expected the credentials the mock accepts
     * @return the WSO2-style refusal, or {@code null} when the client is accepted
     */
    public static MockResponse refuseTokenRequest(MockRequest request, Expected expected) {
        Map<String, String> form = form(request.bodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return MockResponse.json(400, Json.write(Map.of("error", "unsupported_grant_type",
                    "error_description", "grant_type must be client_credentials")));
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
        if (!expected.clientId().equals(id) || secret == null || !equal(secret, expected.clientSecret())) {
            return MockResponse.json(401, Json.write(Map.of("error", "invalid_client",
                    "error_description", "Client Authentication failed.")));
        }
        return null;
    }

    /**
     * Checks the {@code lgspaccesstoken} header: base64 of JSON with the expected keys.
     *
     * @param request the request
     * @param required whether a missing header is a refusal
     * @param expected the credentials the mock accepts
     * @return why it is refused, or {@code null} when accepted (or absent and not required)
     */
    public static String refuseAccessToken(MockRequest request, boolean required, Expected expected) {
        String header = request.header("lgspaccesstoken").orElse(null);
        if (header == null) {
            return required ? "missing lgspaccesstoken header" : null;
        }
        JsonNode json;
        try {
            json = Json.read(new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "lgspaccesstoken is not base64 JSON";
        }
        if (!expected.accessKey().equals(json.path("AccessKey").asText())
                || !equal(json.path("SecretKey").asText(), expected.secretKey())
                || !expected.appName().equals(json.path("AppName").asText())
                || !expected.partnerCode().equals(json.path("PartnerCode").asText())) {
            return "lgspaccesstoken not accepted";
        }
        return null;
    }

    /**
     * The WSO2 API Manager token answer.
     *
     * @param token the access token issued
     * @param lifetimeSeconds its lifetime
     * @return the 200 answer
     */
    public static MockResponse tokenAnswer(String token, long lifetimeSeconds) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("scope", "am_application_scope default");
        answer.put("token_type", "Bearer");
        answer.put("expires_in", lifetimeSeconds);
        return MockResponse.json(200, Json.write(answer));
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body.
     *
     * @param body the body
     * @return the fields, in order
     */
    public static Map<String, String> form(String body) {
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

    private static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
