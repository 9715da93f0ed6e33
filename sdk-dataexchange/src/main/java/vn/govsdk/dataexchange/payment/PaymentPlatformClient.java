package vn.govsdk.dataexchange.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.dataexchange.internal.payment.CallbackChecks;
import vn.govsdk.dataexchange.internal.payment.Checksums;
import vn.govsdk.dataexchange.internal.portal.PortalValidation;

/**
 * Client of the public-service portal's payment platform (nền tảng thanh toán, PP DVCQG): starts a
 * fee payment and returns the URL to send the citizen to. The result arrives later as a callback;
 * verify it with {@link PaymentCallbackVerifier}.
 *
 * <p>The init message carries {@code MaXacThuc}, the lowercase hex SHA-256 of
 * {@code LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|SoTien|LoaiHinhThanhToan|MaKenhThanhToan|MaThietBi|NgonNgu|MaTienTe|MaNganHang|ThongTinGiaoDich|ThoiGianGD|Ip|hash_key}.
 * Starting a transaction is not safe to repeat, so it is never retried. Immutable and thread-safe.
 */
public final class PaymentPlatformClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final GovHttpPipeline pipeline;
    private final HttpUrl initUrl;
    private final String partnerCode;
    private final Secret hashKey;
    private final Clock clock;
    private final String version;
    private final PaymentStore paymentStore;

    private PaymentPlatformClient(Builder b, HttpUrl initUrl) {
        this.initUrl = initUrl;
        this.partnerCode = b.partnerCode;
        this.hashKey = b.hashKey;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.version = b.version;
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(b.transport).errorExtractor(ErrorExtractor.json())
                .clock(clock);
        if (b.auth != null) {
            p.auth(b.auth);
        }
        if (b.retryPolicy != null) {
            p.retryPolicy(b.retryPolicy);
        }
        if (b.timeouts != null) {
            p.timeouts(b.timeouts);
        }
        pipeline = p.build();
        paymentStore = b.paymentStore;
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
     * Starts a payment ({@code LoaiBanTin} "PAY", currency VND, Vietnamese).
     *
     * @param request the payment
     * @return the transaction and the payment URL
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws vn.govsdk.core.GovServiceException when the platform answers a {@code MaLoi} other than "00"
     */
    public PaymentTransaction startTransaction(PaymentRequest request) {
        validate(request);
        // Recorded before the request leaves, so that the callback, on any instance, finds it.
        Instant now = CallbackChecks.recordStart(paymentStore, new StartedPayment(PaymentSystem.PP_DVCQG, partnerCode,
                request.reference(), "", request.amountVnd(), "VND", clock.instant()), "payment.reference").createdAt();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", "PAY");
        f.put("PhienBan", version);
        f.put("MaDoiTac", partnerCode);
        f.put("MaThamChieu", request.reference());
        f.put("SoTien", Long.toString(request.amountVnd()));
        f.put("LoaiHinhThanhToan", "1");
        f.put("MaKenhThanhToan", "1");
        f.put("MaThietBi", "1");
        f.put("NgonNgu", "vi");
        f.put("MaTienTe", "VND");
        f.put("MaNganHang", "");
        f.put("ThongTinGiaoDich", request.description());
        f.put("ThoiGianGD", GovDateTimes.formatBasicDateTime(now));
        f.put("Ip", request.clientIp());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        f.forEach(body::put);
        ObjectNode receipt = body.putObject("ThongTinBienLai");
        receipt.put("MaDichVu", "2");
        receipt.put("MaHoSo", request.dossierCode());
        receipt.put("MaTTHC", request.procedureCode());
        receipt.put("TenTTHC", request.procedureName());
        receipt.put("TenDonVi", request.unitName());
        receipt.put("HoTenNguoiNop", request.payerName());
        ArrayNode fees = receipt.putArray("PhiLePhi");
        for (PaymentRequest.ReceiptFee fee : request.fees()) {
            fees.addObject().put("LoaiPhiLePhi", fee.kind()).put("MaPhiLePhi", fee.code())
                    .put("TenPhiLePhi", fee.name()).put("SoTien", fee.amountVnd());
        }
        body.put("MaXacThuc", Checksums.pipeJoined(f, Checksums.PP_INIT_FIELDS, hashKey.value()));
        Request http = new Request.Builder().url(initUrl).header("Accept", "application/json")
                .post(RequestBody.create(GovJson.write(body), JSON)).build();
        GovResponse response = pipeline.execute(Operation.write("PPDVCQG.InitTransaction"), http);
        JsonNode answer = GovJson.readTree(response.body());
        String code = answer.path("MaLoi").asText(null);
        if (!"00".equals(code)) {
            throw ErrorMapping.toException(0, new ServiceError(code, answer.path("MoTaLoi").asText(null)),
                    response.requestId(), response.attempts(), null);
        }
        String url = answer.path("UrlThanhToan").asText(null);
        if (url == null || HttpUrl.parse(url) == null) {
            throw new ResponseDecodingException("payment platform answer has no valid UrlThanhToan", null);
        }
        return new PaymentTransaction(request.reference(), URI.create(url), now, response.requestId());
    }

    private static void validate(PaymentRequest r) {
        if (r == null) {
            throw new InvalidInputException("payment", "is required");
        }
        PortalValidation.dossierCode("payment.reference", r.reference());
        if (r.amountVnd() <= 0) {
            throw new InvalidInputException("payment.amountVnd", "must be positive");
        }
        if (r.description() == null || r.description().isBlank() || r.description().contains("|")) {
            throw new InvalidInputException("payment.description", "is required and must not contain '|'");
        }
        if (r.clientIp() == null || !r.clientIp().matches("[0-9A-Fa-f:.]{2,45}")) {
            throw new InvalidInputException("payment.clientIp", "must be an IPv4 or IPv6 address");
        }
        PortalValidation.dossierCode("payment.dossierCode", r.dossierCode());
        PortalValidation.procedureCode("payment.procedureCode", r.procedureCode());
        PortalValidation.text("payment.payerName", r.payerName());
        long sum = 0;
        for (int i = 0; i < r.fees().size(); i++) {
            PaymentRequest.ReceiptFee fee = r.fees().get(i);
            if (fee == null || fee.amountVnd() < 0) {
                throw new InvalidInputException("payment.fees[" + i + "].amountVnd", "must not be negative");
            }
            if (!"1".equals(fee.kind()) && !"2".equals(fee.kind())) {
                throw new InvalidInputException("payment.fees[" + i + "].kind", "must be \"1\" (phí) or \"2\" (lệ phí)");
            }
            sum = Math.addExact(sum, fee.amountVnd());
        }
        if (!r.fees().isEmpty() && sum != r.amountVnd()) {
            throw new InvalidInputException("payment.amountVnd", "must equal the sum of the fees (" + sum + ")");
        }
    }

    /**
     * Describes the client (no key).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PaymentPlatformClient[initUrl=" + initUrl + ", partnerCode=" + partnerCode + ", hashKey=***]";
    }

    /** Builds a {@link PaymentPlatformClient}; not thread-safe. */
    public static final class Builder {
        private URI endpoint;
        private String initPath = "/inittransaction";
        private String partnerCode;
        private Secret hashKey;
        private String version = "1.0.0";
        private GatewayAuth auth;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private Timeouts timeouts;
        private Clock clock;
        private PaymentStore paymentStore;

        private Builder() {
        }

        /**
         * Sets the store the started payments are recorded in (required), before each request leaves;
         * give the {@link PaymentCallbackVerifier} the same store.
         *
         * @param store the store ({@link PaymentStore#jdbc} shared by every instance)
         * @return this builder
         */
        public Builder paymentStore(PaymentStore store) {
            this.paymentStore = store;
            return this;
        }

        /**
         * Sets the platform's base URL (required).
         *
         * @param endpoint an absolute http(s) URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the init path ({@code paymentplatform_dvcqg_init_transaction_endpoint}); {@code /inittransaction} by default.
         *
         * @param path a path starting with {@code /}
         * @return this builder
         */
        public Builder initPath(String path) {
            this.initPath = path;
            return this;
        }

        /**
         * Sets the partner code ({@code MaDoiTac}, required).
         *
         * @param partnerCode the code issued by the platform
         * @return this builder
         */
        public Builder partnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
            return this;
        }

        /**
         * Sets the shared checksum key ({@code hash_key}, required).
         *
         * @param hashKey the key
         * @return this builder
         */
        public Builder hashKey(Secret hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        /**
         * Sets the message version ({@code PhienBan}); "1.0.0" by default.
         *
         * @param version the version
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets gateway authentication, when the platform sits behind a data-sharing gateway.
         *
         * @param auth the scheme
         * @return this builder
         */
        public Builder auth(GatewayAuth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * Sets the HTTP transport (required).
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpClient(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets the retry policy (init calls are never retried; it governs the gateway token calls).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets the timeouts.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = timeouts;
            return this;
        }

        /**
         * Sets the clock that stamps {@code ThoiGianGD}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws InvalidInputException naming the first missing setting
         */
        public PaymentPlatformClient build() {
            if (endpoint == null || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "is required and must be an absolute http(s) URI");
            }
            if (initPath == null || !initPath.matches("/[A-Za-z0-9._~/-]*")) {
                throw new InvalidInputException("initPath", "must start with '/' and hold only letters, digits and . _ ~ / -");
            }
            PortalValidation.unitCode("partnerCode", partnerCode);
            if (hashKey == null) {
                throw new InvalidInputException("hashKey", "is required");
            }
            if (transport == null) {
                throw new InvalidInputException("httpClient", "is required");
            }
            if (paymentStore == null) {
                throw new InvalidInputException("paymentStore",
                        "is required: PaymentStore.h2(dir) for one instance, PaymentStore.jdbc(dataSource) for several");
            }
            String base = endpoint.toString().replaceAll("/+$", "");
            return new PaymentPlatformClient(this, HttpUrl.get(base + initPath));
        }
    }
}
