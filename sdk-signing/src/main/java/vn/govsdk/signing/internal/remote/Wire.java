package vn.govsdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.json.GovJson;

/** Wire helpers the provider protocols share. */
public final class Wire {

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_\\-./{}]*");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private Wire() {
    }

    /**
     * Checks a configured path: starts with {@code /}, only URL-safe characters (copied path
     * constants can hide zero-width spaces).
     *
     * @param field the builder field
     * @param path the path
     * @return the path
     */
    public static String path(String field, String path) {
        if (path == null || !PATH.matcher(path).matches() || path.contains("//") || path.contains("..")) {
            throw new InvalidInputException(field, "must be a path starting with '/' made of letters, digits and "
                    + "'_', '-', '.', '/', '{', '}' (no spaces or invisible characters), got "
                    + (path == null ? "null" : "'" + path.replaceAll("[^\\x21-\\x7e]", "?") + "'"));
        }
        return path;
    }

    /**
     * Joins an endpoint and a path.
     *
     * @param endpoint the base, possibly with a path of its own
     * @param path the configured path
     * @return the URL
     */
    public static HttpUrl url(HttpUrl endpoint, String path) {
        String base = endpoint.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return HttpUrl.get(base + path);
    }

    /**
     * POSTs JSON and parses the JSON answer.
     *
     * @param pipeline the pipeline
     * @param operation the operation
     * @param url the URL
     * @param body the body
     * @param headers extra headers
     * @return the parsed answer
     */
    public static JsonNode post(GovHttpPipeline pipeline, Operation operation, HttpUrl url, Object body,
            Map<String, String> headers) {
        Request.Builder r = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(GovJson.write(body), JSON));
        headers.forEach(r::header);
        GovResponse response = pipeline.execute(operation, r.build());
        return response.bodyLength() == 0 ? GovJson.readTree("{}".getBytes(StandardCharsets.UTF_8))
                : GovJson.readTree(response.body());
    }

    /**
     * Returns a member's text.
     *
     * @param node the object
     * @param name the member
     * @return the text, or {@code null} if missing or null
     */
    public static String text(JsonNode node, String name) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /**
     * Decodes base64, ignoring whitespace and line breaks (SmartCA's {@code cert_data} ends with CRLF).
     *
     * @param field what is decoded, for the message
     * @param text the text
     * @return the bytes
     */
    public static byte[] base64(String field, String text) {
        if (text == null) {
            throw new ResponseDecodingException(field + " is missing", null);
        }
        String compact = text.replaceAll("\\s+", "");
        try {
            return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new ResponseDecodingException(field + " is not base64", e);
        }
    }

    /**
     * Decodes a signature value in hex or base64.
     *
     * @param field what is decoded
     * @param text the text
     * @return the bytes
     */
    public static byte[] hexOrBase64(String field, String text) {
        if (text != null && text.length() % 2 == 0 && text.matches("[0-9a-fA-F]+") && text.length() >= 64) {
            return HexFormat.of().parseHex(text);
        }
        return base64(field, text);
    }

    /**
     * Parses a base64 DER certificate.
     *
     * @param field what is parsed
     * @param base64 the text
     * @return the certificate
     */
    public static X509Certificate certificate(String field, String base64) {
        String t = base64 == null ? null : base64.replace("-----BEGIN CERTIFICATE-----", "")
                .replace("-----END CERTIFICATE-----", "");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(base64(field, t)));
        } catch (GeneralSecurityException e) {
            throw new ResponseDecodingException(field + " is not an X.509 certificate", e);
        }
    }

    /**
     * Computes HMAC-SHA256 in lowercase hex.
     *
     * @param key the key
     * @param data the data
     * @return the hex MAC
     */
    public static String hmacHex(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    /**
     * Compares two strings in constant time.
     *
     * @param a one
     * @param b the other
     * @return whether they are equal
     */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
