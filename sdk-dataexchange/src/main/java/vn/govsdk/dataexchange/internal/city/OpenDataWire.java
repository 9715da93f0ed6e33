package vn.govsdk.dataexchange.internal.city;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;

/** CKAN/DKAN wire helpers. */
public final class OpenDataWire {

    private OpenDataWire() {
    }

    /**
     * Reads CKAN errors {@code {"success":false,"error":{"__type","message"}}}; other bodies through
     * the common JSON reader.
     *
     * @return the extractor
     */
    public static ErrorExtractor errors() {
        ErrorExtractor json = ErrorExtractor.json();
        return response -> {
            if (response.bodyLength() == 0) {
                return ServiceError.NONE;
            }
            try {
                ServiceError e = error(GovJson.readTree(response.body()));
                return e == null ? json.extract(response) : e;
            } catch (GovSdkException e) {
                return ServiceError.NONE;
            }
        };
    }

    /**
     * Returns the CKAN error of an answer, or {@code null} when it has none.
     *
     * @param node the answer
     * @return the error, or {@code null}
     */
    public static ServiceError error(JsonNode node) {
        JsonNode error = node == null ? null : node.get("error");
        if (error != null && error.isObject()) {
            return new ServiceError(text(error, "__type"), text(error, "message"));
        }
        return null;
    }

    /**
     * Returns a member's text.
     *
     * @param node the object, may be {@code null}
     * @param name the member
     * @return the text, or {@code null} when absent or null
     */
    public static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }
}
