package vn.govsdk.core.internal.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.MediaType;
import org.w3c.dom.Document;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.internal.xml.SecureXml;

/**
 * A fully read HTTP answer: status, headers, the body (bounded by the pipeline's size limit), and
 * the request id and number of attempts of the call that produced it. Immutable.
 */
public final class GovResponse {

    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final String requestId;
    private final int attempts;

    /**
     * Creates a response.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body bytes; not copied, never modified
     * @param requestId the correlation id of the call
     * @param attempts how many attempts the call took
     */
    public GovResponse(int status, Headers headers, byte[] body, String requestId, int attempts) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status code
     */
    public int status() {
        return status;
    }

    /**
     * Returns the response headers.
     *
     * @return the headers
     */
    public Headers headers() {
        return headers;
    }

    /**
     * Returns one header's value.
     *
     * @param name the header name, case-insensitive
     * @return the last value of the header, if present
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /**
     * Returns the declared content type.
     *
     * @return the media type, if the server declared a valid one
     */
    public Optional<MediaType> contentType() {
        String value = headers.get("Content-Type");
        return Optional.ofNullable(value == null ? null : MediaType.parse(value));
    }

    /**
     * Returns a copy of the body bytes.
     *
     * @return the body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Returns the body size.
     *
     * @return the number of body bytes
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Decodes the body as text in the declared charset, UTF-8 when none is declared.
     *
     * @return the body text
     */
    public String bodyString() {
        Charset charset = contentType().map(t -> t.charset(StandardCharsets.UTF_8)).orElse(StandardCharsets.UTF_8);
        return new String(body, charset);
    }

    /**
     * Maps the JSON body onto a type with {@link GovJson}.
     *
     * @param type the target type
     * @param <T> the target type
     * @return the mapped value
     * @throws vn.govsdk.core.ResponseDecodingException if the body is not such JSON
     */
    public <T> T json(Class<T> type) {
        return GovJson.read(body, type);
    }

    /**
     * Parses the XML body with the hardened parser ({@link SecureXml}).
     *
     * @return the document
     * @throws vn.govsdk.core.ResponseDecodingException if the body is not well-formed XML or is hostile
     */
    public Document xml() {
        return SecureXml.parse(body);
    }

    /**
     * Returns the correlation id sent with every attempt.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns how many attempts the call took.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    @Override
    public String toString() {
        return "GovResponse[status=" + status + ", bodyLength=" + body.length + ", requestId=" + requestId
                + ", attempts=" + attempts + "]";
    }
}
