package vn.govsdk.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.internal.json.GovJson;

/**
 * Finds a remote system's own error code and message in an error answer, for the
 * {@link vn.govsdk.core.GovServiceException} the call ends in. Each client plugs in the one that
 * matches its system (for example a SOAP fault reader); {@link #json()} is the default.
 */
@FunctionalInterface
public interface ErrorExtractor {

    /**
     * Reads the error from a response. Must not throw: an unreadable body gives {@link ServiceError#NONE}.
     *
     * @param response the non-2xx response
     * @return the error found, or {@link ServiceError#NONE}
     */
    ServiceError extract(GovResponse response);

    /**
     * Extracts nothing.
     *
     * @return an extractor that always returns {@link ServiceError#NONE}
     */
    static ErrorExtractor none() {
        return response -> ServiceError.NONE;
    }

    /**
     * Reads a JSON object body with the member names these systems commonly use: code from
     * {@code error_code}, {@code errorCode}, {@code code} or {@code error}; message from
     * {@code message}, {@code error_message}, {@code errorMessage}, {@code error_description} or
     * {@code msg}. Non-JSON bodies give {@link ServiceError#NONE}.
     *
     * @return the JSON extractor
     */
    static ErrorExtractor json() {
        List<String> codes = List.of("error_code", "errorCode", "code", "error");
        List<String> messages = List.of("message", "error_message", "errorMessage", "error_description", "msg");
        return response -> {
            if (response.bodyLength() == 0) {
                return ServiceError.NONE;
            }
            JsonNode node;
            try {
                node = GovJson.readTree(response.body());
            } catch (GovSdkException e) {
                return ServiceError.NONE;
            }
            if (!node.isObject()) {
                return ServiceError.NONE;
            }
            return new ServiceError(first(node, codes), first(node, messages));
        };
    }

    private static String first(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }
}
