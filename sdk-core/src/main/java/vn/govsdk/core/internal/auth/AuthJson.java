package vn.govsdk.core.internal.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.RateLimitedException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.ServiceUnavailableException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/** JSON and error handling shared by the auth interceptors. Token and login answers are small: larger ones are refused. */
final class AuthJson {

    /** The largest token, login or error answer read. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** Keeps numbers exactly as written when a request body is rewritten. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private AuthJson() {
    }

    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.subtype();
        return subtype.equalsIgnoreCase("json") || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
    }

    /**
     * Reads a small JSON answer whole.
     *
     * @return the tree, or {@code null} when the body is empty, too large or not JSON
     */
    static JsonNode readLenient(Response response) throws IOException {
        byte[] bytes = readBounded(response.body());
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Reads a small JSON object answer whole, or fails naming what was expected. */
    static JsonNode readObject(Response response, String what) throws IOException {
        byte[] bytes = readBounded(response.body());
        if (bytes == null) {
            throw new ResponseDecodingException(what + " is larger than " + MAX_ANSWER_BYTES + " bytes", null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            // The parser's message quotes the body, which may hold a token: keep only its type.
            throw new ResponseDecodingException(what + " is not JSON (" + e.getClass().getSimpleName() + ")", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new ResponseDecodingException(what + " is not a JSON object", null);
        }
        return tree;
    }

    private static byte[] readBounded(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        BufferedSource source = body.source();
        if (source.request(MAX_ANSWER_BYTES + 1L)) {
            return null;
        }
        return source.readByteArray();
    }

    /** The first of the named members that is a string or a number, as text. */
    static String member(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A code compared as a number when it is one ({@code "00"} equals {@code 0}), else as trimmed text. */
    static String normalizeCode(String code) {
        String trimmed = code.trim();
        if (trimmed.matches("-?[0-9]{1,30}")) {
            return new BigInteger(trimmed).toString();
        }
        return trimmed;
    }

    /**
     * The exception for a refused token, login or API call. The remote message is masked, since
     * servers echo what they were sent.
     */
    static GovServiceException failure(Response response, JsonNode body, int attempts, String... secrets) {
        int status = response.code();
        String code = member(body, "error", "error_code", "code");
        String masked = safeMessage(member(body, "error_description", "message", "error_message", "description"), secrets);
        if (status == 429) {
            return new RateLimitedException(status, code, masked, null, attempts, retryAfterSeconds(response));
        }
        if (status >= 500) {
            return new ServiceUnavailableException(status, code, masked, null, attempts);
        }
        return new AuthenticationFailedException(status, code, masked, null, attempts);
    }

    /** A server's message made safe to carry: personal data masked and the given secrets removed wherever they stand. */
    static String safeMessage(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String safe = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                safe = safe.replace(secret, PersonalDataMasker.SECRET_MASK);
            }
        }
        return PersonalDataMasker.standard().maskText(safe);
    }

    private static Duration retryAfterSeconds(Response response) {
        String value = response.header("Retry-After");
        if (value != null && value.trim().matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }
        return null;
    }
}
