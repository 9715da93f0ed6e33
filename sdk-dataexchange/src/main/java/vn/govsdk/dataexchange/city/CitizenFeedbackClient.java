package vn.govsdk.dataexchange.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.http.ClientBuilder;
import vn.govsdk.core.paging.Page;
import vn.govsdk.core.paging.PagedIterable;
import vn.govsdk.dataexchange.gateway.DataSharingGatewayClient;
import vn.govsdk.dataexchange.gateway.GatewayApi;

/**
 * A client of the city hotline 1022 citizen-feedback service (phản ánh kiến nghị): submit a report,
 * follow its handling, list the reports of a ward. No public API exists (see docs/contracts/citizen-feedback-1022.md); the SDK's
 * contract is {@code docs/contracts/citizen-feedback-1022.md}, through a WSO2-style data-sharing gateway
 * (API {@code 1022/1.0} by default). Reports are validated when built ({@link FeedbackReport}): a bad
 * ward code format, coordinates outside Vietnam or an empty description never reach the network.
 * Whether a well-formed ward code exists is the service's call (it answers 422).
 *
 * <p>Immutable and thread-safe; close it when done.
 */
public final class CitizenFeedbackClient implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-]{1,40}");
    private static final Pattern WARD = Pattern.compile("\\d{5}");

    private final DataSharingGatewayClient gateway;
    private final GatewayApi api;
    private final int pageSize;

    private CitizenFeedbackClient(DataSharingGatewayClient gateway, GatewayApi api, int pageSize) {
        this.gateway = gateway;
        this.api = api;
        this.pageSize = pageSize;
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
     * Submits a report. Not retried: a repeated submission would file the report twice.
     *
     * @param report the report, already validated
     * @return the report id and its first state
     * @throws InvalidInputException if the report is null (before any request)
     * @throws vn.govsdk.core.GovServiceException status 422 with code {@code PA_WARD} for an unknown ward,
     *         {@code PA_CITIZEN} for a reporter the population records do not know
     */
    public FeedbackStatus submit(FeedbackReport report) {
        if (report == null) {
            throw new InvalidInputException("report", "must not be null");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("linhVuc", report.category().code());
        body.put("maPhuong", report.wardCode());
        body.put("viDo", report.latitude());
        body.put("kinhDo", report.longitude());
        body.put("noiDung", report.description().strip());
        List<Map<String, String>> files = new ArrayList<>();
        for (FeedbackAttachment a : report.attachments()) {
            files.add(Map.of("tenTep", a.fileName(), "loaiTep", a.contentType(),
                    "noiDung", Base64.getEncoder().encodeToString(a.content())));
        }
        body.put("tepDinhKem", files);
        if (report.reporter() != null) {
            body.put("soDinhDanhNguoiPhanAnh", report.reporter().value());
        }
        JsonNode answer = gateway.post(api, "phanAnh", body, JsonNode.class);
        String id = text(answer, "maPhanAnh");
        if (id == null) {
            throw new ResponseDecodingException("phanAnh: the answer has no maPhanAnh", null);
        }
        String raw = text(answer, "trangThai");
        return new FeedbackStatus(id, FeedbackState.fromCode(raw), raw, report.category(), report.wardCode(),
                report.latitude(), report.longitude(), report.description().strip(), null);
    }

    /**
     * Returns a report's handling status.
     *
     * @param reportId the report id from {@link #submit}
     * @return the status
     * @throws InvalidInputException if the id is malformed (before any request)
     * @throws vn.govsdk.core.NotFoundException if the service knows no such report
     */
    public FeedbackStatus getStatus(String reportId) {
        if (reportId == null || !ID.matcher(reportId).matches()) {
            throw new InvalidInputException("reportId", "must be 1 to 40 letters, digits or '-'");
        }
        return status(gateway.get(api, "phanAnh/" + reportId, Map.of(), JsonNode.class));
    }

    /**
     * Lists the reports of a ward, page by page.
     *
     * @param wardCode the five-digit ward code
     * @return the reports, fetched lazily; each page's continuation token is the next page number
     * @throws InvalidInputException if the ward code is not five digits (at once, before any request)
     */
    public PagedIterable<FeedbackStatus> listReports(String wardCode) {
        if (wardCode == null || !WARD.matcher(wardCode).matches()) {
            throw new InvalidInputException("wardCode", "must be five digits");
        }
        return new PagedIterable<>(token -> {
            int page = token == null ? 0 : Integer.parseInt(token);
            JsonNode answer = gateway.get(api, "phanAnh", Map.of("maPhuong", wardCode, "page", Integer.toString(page),
                    "size", Integer.toString(pageSize)), JsonNode.class);
            JsonNode content = answer.get("content");
            if (content == null || !content.isArray()) {
                throw new ResponseDecodingException("phanAnh: the answer has no content array", null);
            }
            List<FeedbackStatus> items = new ArrayList<>();
            for (JsonNode r : content) {
                items.add(status(r));
            }
            JsonNode total = answer.get("totalElements");
            boolean more = !items.isEmpty() && (total != null && total.canConvertToLong()
                    ? (long) (page + 1) * pageSize < total.asLong() : items.size() == pageSize);
            return new Page<>(items, more ? Integer.toString(page + 1) : null);
        });
    }

    private static FeedbackStatus status(JsonNode r) {
        String id = text(r, "maPhanAnh");
        if (id == null) {
            throw new ResponseDecodingException("phanAnh: a report without maPhanAnh", null);
        }
        String raw = text(r, "trangThai");
        LocalDateTime received = null;
        String at = text(r, "ngayTiepNhan");
        if (at != null) {
            try {
                received = LocalDateTime.parse(at);
            } catch (DateTimeParseException e) {
                received = null;
            }
        }
        return new FeedbackStatus(id, FeedbackState.fromCode(raw), raw, FeedbackCategory.fromCode(text(r, "linhVuc")),
                text(r, "maPhuong"), r.path("viDo").asDouble(), r.path("kinhDo").asDouble(), text(r, "noiDung"), received);
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
        return "CitizenFeedbackClient[" + api.path() + "]";
    }

    /** Builds a {@link CitizenFeedbackClient}. */
    public static final class Builder extends ClientBuilder<Builder> {
        private final DataSharingGatewayClient.Builder gateway = DataSharingGatewayClient.builder();
        private GatewayApi api = GatewayApi.of("1022", "1.0");
        private int pageSize = 20;

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
         * Sets the API's context and version; default {@code 1022/1.0}.
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
         * Sets the page size of {@link #listReports}; default 20.
         *
         * @param pageSize 1 to 100
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 100) {
                throw new InvalidInputException("pageSize", "must be between 1 and 100");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming what is missing
         */
        public CitizenFeedbackClient build() {
            return new CitizenFeedbackClient(gateway.options(clientOptions()).build(), api, pageSize);
        }
    }
}
