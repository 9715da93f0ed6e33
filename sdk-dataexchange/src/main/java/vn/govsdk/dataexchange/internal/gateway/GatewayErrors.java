package vn.govsdk.dataexchange.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.internal.xml.SecureXml;

/** Error readers for gateway and X-Road answers. */
public final class GatewayErrors {

    private GatewayErrors() {
    }

    /**
     * The data-sharing gateway's errors: WSO2 faults {@code {"fault":{"code","message","description"}}},
     * the common JSON members, and SOAP faults ({@code faultcode}/{@code faultstring}, or SOAP 1.2
     * {@code Value}/{@code Text}).
     *
     * @return the extractor
     */
    public static ErrorExtractor gateway() {
        ErrorExtractor json = ErrorExtractor.json();
        return response -> {
            if (response.bodyLength() == 0) {
                return ServiceError.NONE;
            }
            byte[] body = response.body();
            int first = firstNonBlank(body);
            if (first == '<') {
                return soapFault(body);
            }
            try {
                JsonNode node = GovJson.readTree(body);
                JsonNode fault = node.get("fault");
                if (fault != null && fault.isObject()) {
                    String code = text(fault, "code");
                    String message = text(fault, "message");
                    String description = text(fault, "description");
                    return new ServiceError(code, description == null ? message
                            : message == null ? description : message + ": " + description);
                }
            } catch (GovSdkException e) {
                return ServiceError.NONE;
            }
            return json.extract(response);
        };
    }

    /**
     * X-Road error bodies {@code {"type","message","detail"}}: the type is the error code; the
     * {@code X-Road-Error} header is used when the body has no type.
     *
     * @return the extractor
     */
    public static ErrorExtractor xroad() {
        return response -> {
            String header = response.header("X-Road-Error").orElse(null);
            String type = null;
            String message = null;
            if (response.bodyLength() > 0 && firstNonBlank(response.body()) == '{') {
                try {
                    JsonNode node = GovJson.readTree(response.body());
                    type = text(node, "type");
                    message = text(node, "message");
                } catch (GovSdkException e) {
                    // fall back to the header
                }
            }
            if (type == null) {
                type = header;
            }
            return type == null && message == null ? ServiceError.NONE : new ServiceError(type, message);
        };
    }

    private static ServiceError soapFault(byte[] body) {
        try {
            Document doc = SecureXml.parse(body);
            String code = firstText(doc, "faultcode");
            String message = firstText(doc, "faultstring");
            if (code == null) {
                code = firstText(doc, "Value");
                message = firstText(doc, "Text");
            }
            return code == null && message == null ? ServiceError.NONE : new ServiceError(code, message);
        } catch (GovSdkException e) {
            return ServiceError.NONE;
        }
    }

    private static String firstText(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS("*", localName);
        if (list.getLength() == 0) {
            list = doc.getElementsByTagName(localName);
        }
        if (list.getLength() == 0) {
            return null;
        }
        String text = ((Element) list.item(0)).getTextContent();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static int firstNonBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? null : v.asText();
    }
}
