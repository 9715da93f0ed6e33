package vn.govsdk.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.TimeZone;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.core.time.GovDateTimes;

/**
 * The one Jackson configuration of govsdk. Unknown members are tolerated (these systems add fields
 * without notice), {@code java.time} types are supported, dates are parsed strictly (no 30 February
 * quietly becoming 28 February; see {@link vn.govsdk.core.time.GovDateTimes} for the patterns) and written as text,
 * the default time zone is {@code Asia/Ho_Chi_Minh}, nulls are not written, and
 * polymorphic default typing is never enabled. Jackson's own stream limits (nesting depth, string
 * and number length) stay on.
 *
 * <p>Reading failures become {@link ResponseDecodingException} whose message is masked and which
 * does not chain Jackson's exception, since its message may quote the input.
 */
public final class GovJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultTimeZone(TimeZone.getTimeZone(GovDateTimes.VIETNAM))
            .defaultLeniency(false)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private GovJson() {
    }

    /**
     * Returns a reader with the shared configuration; immutable, so it cannot be reconfigured.
     *
     * @return the reader
     */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    /**
     * Returns a writer with the shared configuration; immutable.
     *
     * @return the writer
     */
    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /**
     * Maps JSON onto a type.
     *
     * @param json UTF-8 JSON
     * @param type the target type
     * @param <T> the target type
     * @return the value
     * @throws ResponseDecodingException if the JSON is malformed or does not fit the type
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw decodingFailure(type.getSimpleName(), e);
        }
    }

    /**
     * Maps JSON onto a type.
     *
     * @param json the JSON text
     * @param type the target type
     * @param <T> the target type
     * @return the value
     * @throws ResponseDecodingException if the JSON is malformed or does not fit the type
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw decodingFailure(type.getSimpleName(), e);
        }
    }

    /**
     * Maps JSON onto a generic type, such as {@code List<Dossier>}.
     *
     * @param json UTF-8 JSON
     * @param type the target type
     * @param <T> the target type
     * @return the value
     * @throws ResponseDecodingException if the JSON is malformed or does not fit the type
     */
    public static <T> T read(byte[] json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw decodingFailure(type.getType().getTypeName(), e);
        }
    }

    /**
     * Parses JSON into a tree.
     *
     * @param json UTF-8 JSON
     * @return the root node
     * @throws ResponseDecodingException if the JSON is malformed
     */
    public static JsonNode readTree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw decodingFailure("a JSON tree", e);
        }
    }

    /**
     * Maps a tree or a map onto a type.
     *
     * @param value the source value
     * @param type the target type
     * @param <T> the target type
     * @return the converted value
     * @throws ResponseDecodingException if the value does not fit the type
     */
    public static <T> T convert(Object value, Class<T> type) {
        try {
            return MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new ResponseDecodingException("cannot map JSON onto " + type.getSimpleName() + ": "
                    + PersonalDataMasker.standard().maskText(e.getMessage()), null);
        }
    }

    /**
     * Writes a value as UTF-8 JSON.
     *
     * @param value the value
     * @return the JSON bytes
     * @throws GovSdkException if the value cannot be written (a bug in the caller's type)
     */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new GovSdkException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + PersonalDataMasker.standard().maskText(e.getOriginalMessage()), null);
        }
    }

    /**
     * Writes a value as JSON text.
     *
     * @param value the value
     * @return the JSON text
     * @throws GovSdkException if the value cannot be written (a bug in the caller's type)
     */
    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new GovSdkException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + PersonalDataMasker.standard().maskText(e.getOriginalMessage()), null);
        }
    }

    private static ResponseDecodingException decodingFailure(String target, IOException e) {
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String where = e instanceof JsonProcessingException j && j.getLocation() != null
                ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr()
                : "";
        return new ResponseDecodingException("response is not valid JSON for " + target + where + ": "
                + PersonalDataMasker.standard().maskText(detail), null);
    }
}
