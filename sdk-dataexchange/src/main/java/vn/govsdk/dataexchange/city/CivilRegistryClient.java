package vn.govsdk.dataexchange.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.dataexchange.gateway.DataSharingGatewayClient;
import vn.govsdk.dataexchange.gateway.GatewayApi;

/**
 * A client of civil-registration extracts (trích lục hộ tịch) through a data-sharing gateway
 * (LGSP/NDXP, WSO2 style): request an extract of a birth, marriage, death or parent-child recognition
 * by register number or by the person's citizen ID, then follow the request. No public specification
 * exists; the SDK's contract is {@code docs/contracts/civil-registration.md} (API {@code hotich/1.0}
 * by default, configurable with {@link Builder#api(GatewayApi)}).
 *
 * <p>Immutable and thread-safe; close it when done.
 */
public final class CivilRegistryClient implements AutoCloseable {

    private static final Pattern REGISTER_NUMBER = Pattern.compile("[\\p{L}\\p{N}./\\-]{1,40}");

    private final DataSharingGatewayClient gateway;
    private final GatewayApi api;

    private CivilRegistryClient(DataSharingGatewayClient gateway, GatewayApi api) {
        this.gateway = gateway;
        this.api = api;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Requests an extract of the person's registration of a kind, by citizen ID. Not retried.
     *
     * @param kind the kind of registration
     * @param person the person's citizen ID
     * @param purpose why the extract is needed (mục đích), not blank
     * @return the receipt
     * @throws InvalidInputException if an argument is missing or blank (before any request)
     * @throws vn.govsdk.core.NotFoundException if the registry has no such person
     */
    public ExtractReceipt requestExtract(ExtractKind kind, CitizenId person, String purpose) {
        if (person == null) {
            throw new InvalidInputException("person", "must not be null");
        }
        return submit(kind, "soDinhDanh", person.value(), purpose);
    }

    /**
     * Requests an extract of the person's registration of a kind, by citizen ID given as text.
     *
     * @param kind the kind of registration
     * @param citizenId the 12-digit citizen ID, validated before any request
     * @param purpose why the extract is needed
     * @return the receipt
     * @throws InvalidInputException if the citizen ID is malformed (before any request)
     */
    public ExtractReceipt requestExtract(ExtractKind kind, String citizenId, String purpose) {
        return requestExtract(kind, CitizenId.of(citizenId), purpose);
    }

    /**
     * Requests an extract by register number (số đăng ký). Not retried.
     *
     * @param kind the kind of registration
     * @param registerNumber the register number: letters, digits, '.', '/' or '-', at most 40
     * @param purpose why the extract is needed
     * @return the receipt
     * @throws InvalidInputException if an argument is malformed (before any request)
     * @throws vn.govsdk.core.NotFoundException if the registry has no such registration
     */
    public ExtractReceipt requestExtractByRegisterNumber(ExtractKind kind, String registerNumber, String purpose) {
        if (registerNumber == null || !REGISTER_NUMBER.matcher(registerNumber).matches()) {
            throw new InvalidInputException("registerNumber", "must be 1 to 40 letters, digits, '.', '/' or '-'");
        }
        return submit(kind, "soDangKy", registerNumber, purpose);
    }

    private ExtractReceipt submit(ExtractKind kind, String key, String value, String purpose) {
        if (kind == null) {
            throw new InvalidInputException("kind", "must not be null");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 500) {
            throw new InvalidInputException("purpose", "must be 1 to 500 characters, not blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loaiTrichLuc", kind.code());
        body.put(key, value);
        body.put("mucDich", purpose.strip());
        JsonNode answer = gateway.post(api, "trichLuc", body, JsonNode.class);
        String id = text(answer, "maYeuCau");
        if (id == null) {
            throw new ResponseDecodingException("trichLuc: the answer has no maYeuCau", null);
        }
        return new ExtractReceipt(id, ExtractState.fromCode(text(answer, "trangThai")));
    }

    /**
     * Returns where a request stands, with the extract once it is ready. Retried on transient failures.
     *
     * @param requestId the request id from the receipt
     * @return the status
     * @throws InvalidInputException if the id is malformed (before any request)
     * @throws vn.govsdk.core.NotFoundException if the registry knows no such request
     */
    public ExtractStatus getExtractStatus(String requestId) {
        if (requestId == null || !REGISTER_NUMBER.matcher(requestId).matches()) {
            throw new InvalidInputException("requestId", "must be 1 to 40 letters, digits, '.', '/' or '-'");
        }
        JsonNode answer = gateway.get(api, "trangThai", Map.of("maYeuCau", requestId), JsonNode.class);
        String raw = text(answer, "trangThai");
        ExtractState state = ExtractState.fromCode(raw);
        CivilExtract extract = null;
        JsonNode r = answer.get("ketQua");
        if (r != null && r.isObject()) {
            Map<String, String> details = new LinkedHashMap<>();
            JsonNode d = r.get("chiTiet");
            if (d != null && d.isObject()) {
                d.fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            }
            LocalDate registeredOn = null;
            String date = text(r, "ngayDangKy");
            if (date != null) {
                try {
                    registeredOn = LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    throw new ResponseDecodingException("trangThai: ngayDangKy is not an ISO date", null);
                }
            }
            extract = new CivilExtract(ExtractKind.fromCode(text(r, "loaiTrichLuc")), text(r, "soDangKy"), registeredOn,
                    text(r, "noiDangKy"), text(r, "hoTen"), text(r, "soDinhDanh"), details);
        }
        return new ExtractStatus(requestId, state, raw, text(answer, "lyDo"), extract);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Releases the transport if this client created it. */
    @Override
    public void close() {
        gateway.close();
    }

    /** Shows the API only. */
    @Override
    public String toString() {
        return "CivilRegistryClient[" + api.path() + "]";
    }

    /** Builds a {@link CivilRegistryClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private final DataSharingGatewayClient.Builder gateway = DataSharingGatewayClient.builder();
        private GatewayApi api = GatewayApi.of("hotich", "1.0");

        private Builder() {
        }

        /**
         * Sets the gateway's base URL.
         *
         * @param endpoint an absolute http or https URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            gateway.endpoint(endpoint);
            return this;
        }

        /**
         * Sets the gateway credentials, usually {@link GatewayAuth#clientCredentials}.
         *
         * @param credentials the scheme
         * @return this builder
         */
        public Builder credentials(GatewayAuth credentials) {
            gateway.credentials(credentials);
            return this;
        }

        /**
         * Sets the API's context and version; default {@code hotich/1.0}.
         *
         * @param api the API
         * @return this builder
         */
        public Builder api(GatewayApi api) {
            if (api == null) {
                throw new InvalidInputException("api", "must not be null");
            }
            this.api = api;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public CivilRegistryClient build() {
            return new CivilRegistryClient(gateway.options(clientOptions()).build(), api);
        }
    }
}
