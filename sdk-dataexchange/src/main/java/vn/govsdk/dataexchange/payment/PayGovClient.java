package vn.govsdk.dataexchange.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.govsdk.core.GovSdkException;
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
import vn.govsdk.dataexchange.internal.payment.Checksums;
import vn.govsdk.dataexchange.internal.portal.PortalValidation;

/**
 * Client of PayGov, the provincial payment gateway reached through the data-sharing platform (LGSP:
 * {@code Authorization: Bearer} plus {@code lgspaccesstoken}, configured with {@link Builder#auth}).
 * It requests the URL the citizen pays at, with
 * {@code checksum = sha256_hex(secretKey + accessKey + partnerCode + orderId + requestCode + amount)},
 * and verifies the confirmation callback ({@link #verifyCallback(byte[])}). The verification cannot be
 * skipped. Immutable and thread-safe.
 *
 * <p>The callback checksum is provisional (no public source gives it):
 * {@code sha256_hex(secretKey + accessKey + partnerCode + orderId + requestCode + amount + errorCode + transactionNo)}.
 */
public final class PayGovClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final GovHttpPipeline pipeline;
    private final HttpUrl url;
    private final String partnerCode;
    private final String accessKey;
    private final Secret secretKey;
    private final String serviceCode;
    private final URI returnUrl;
    private final ReplayStore replayStore;

    private PayGovClient(Builder b) {
        url = HttpUrl.get(b.endpoint.toString());
        partnerCode = b.partnerCode;
        accessKey = b.accessKey;
        secretKey = b.secretKey;
        serviceCode = b.serviceCode;
        returnUrl = b.returnUrl;
        replayStore = b.replayStore != null ? b.replayStore
                : ReplayStore.inMemory(100_000, java.time.Duration.ofDays(2));
        GovHttpPipeline.Builder p = GovHttpPipeline.builder(b.transport).auth(b.auth)
                .errorExtractor(ErrorExtractor.json());
        if (b.retryPolicy != null) {
            p.retryPolicy(b.retryPolicy);
        }
        if (b.timeouts != null) {
            p.timeouts(b.timeouts);
        }
        if (b.clock != null) {
            p.clock(b.clock);
        }
        pipeline = p.build();
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
     * Requests the payment URL for an order.
     *
     * @param order the order
     * @return the URL to send the citizen to ({@code data.url})
     * @throws InvalidInputException naming the first invalid field; nothing is sent
     * @throws vn.govsdk.core.GovServiceException when PayGov refuses
     */
    public URI requestPaymentUrl(PayGovOrder order) {
        if (order == null) {
            throw new InvalidInputException("order", "is required");
        }
        PortalValidation.unitCode("order.unitCode", order.unitCode());
        PortalValidation.dossierCode("order.dossierNo", order.dossierNo());
        if (order.amountVnd() <= 0) {
            throw new InvalidInputException("order.amountVnd", "must be positive");
        }
        PortalValidation.text("order.orderInfo", order.orderInfo());
        PortalValidation.unitCode("order.requestCode", order.requestCode());
        if (order.ipAddress() == null || !order.ipAddress().matches("[0-9A-Fa-f:.]{2,45}")) {
            throw new InvalidInputException("order.ipAddress", "must be an IPv4 or IPv6 address");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("accessKey", accessKey);
        f.put("partnerCode", partnerCode);
        f.put("orderId", order.orderId());
        f.put("requestCode", order.requestCode());
        f.put("amount", Long.toString(order.amountVnd()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("partnerCode", partnerCode);
        body.put("returnUrl", returnUrl.toString());
        body.put("orderId", order.orderId());
        body.put("amount", Long.toString(order.amountVnd()));
        body.put("orderInfo", Checksums.toAscii(order.orderInfo()));
        body.put("requestCode", order.requestCode());
        body.put("ipAddress", order.ipAddress());
        body.put("checksum", Checksums.concatenated(secretKey.value(), f, Checksums.PAYGOV_REQUEST_FIELDS));
        body.put("accessKey", accessKey);
        body.put("serviceCode", serviceCode);
        Request request = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(GovJson.write(body), JSON)).build();
        GovResponse response = pipeline.execute(Operation.write("PayGov.PaymentUrl"), request);
        JsonNode answer = GovJson.readTree(response.body());
        String code = answer.path("errorCode").asText(answer.path("error_code").asText(null));
        if (code != null && !"00".equals(code) && !"0".equals(code)) {
            throw ErrorMapping.toException(0, new ServiceError(code, answer.path("message").asText(null)),
                    response.requestId(), response.attempts(), null);
        }
        String link = answer.path("data").path("url").asText(null);
        if (link == null || HttpUrl.parse(link) == null) {
            throw new ResponseDecodingException("PayGov answer has no valid data.url", null);
        }
        return URI.create(link);
    }

    /**
     * Verifies a confirmation callback: checksum (constant time), partner order, amount, replay.
     *
     * @param body the raw JSON body as received
     * @return what to answer and, when accepted, the confirmation
     */
    public PayGovCallbackResult verifyCallback(byte[] body) {
        if (body == null || body.length == 0 || body.length > PaymentCallbackVerifier.MAX_BODY_BYTES) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED);
        }
        JsonNode tree;
        try {
            tree = GovJson.readTree(body);
        } catch (GovSdkException e) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED);
        }
        if (tree == null || !tree.isObject()) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED);
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : new String[] {"orderId", "errorCode", "amount", "orderInfo", "requestCode", "transactionNo",
                "payDate", "paygate", "type", "transactionCode"}) {
            JsonNode v = tree.get(name);
            if (v != null && !v.isNull() && !v.isValueNode()) {
                return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED);
            }
            f.put(name, v == null || v.isNull() ? null : v.asText());
        }
        JsonNode sig = tree.get("checksum");
        if (sig == null || sig.isNull() || sig.asText().isBlank()) {
            return refused(PayGovReplyStatus.SIGNATURE_WRONG, CallbackRejection.UNSIGNED);
        }
        Map<String, String> signed = new LinkedHashMap<>(f);
        signed.put("accessKey", accessKey);
        signed.put("partnerCode", partnerCode);
        String expected = Checksums.concatenated(secretKey.value(), signed, Checksums.PAYGOV_CALLBACK_FIELDS);
        if (!Checksums.matches(expected, sig.asText())) {
            return refused(PayGovReplyStatus.SIGNATURE_WRONG, CallbackRejection.BAD_SIGNATURE);
        }
        if (f.get("orderId") == null || f.get("transactionNo") == null || f.get("errorCode") == null
                || f.get("amount") == null || !f.get("amount").matches("[0-9]{1,18}")) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED);
        }
        if (!replayStore.markSeen(partnerCode + "|" + f.get("orderId") + "|" + f.get("transactionNo"),
                pipeline.clock().instant())) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.REPLAYED);
        }
        PayGovConfirmation c = new PayGovConfirmation(f.get("orderId"), f.get("errorCode"),
                Long.parseLong(f.get("amount")), f.get("orderInfo"), f.get("requestCode"), f.get("transactionNo"),
                f.get("payDate"), f.get("paygate"));
        return new PayGovCallbackResult(c.succeeded() ? PayGovReplyStatus.SUCCESSFUL : PayGovReplyStatus.FAILED,
                Optional.of(c), Optional.empty());
    }

    /**
     * Verifies a confirmation callback given as text.
     *
     * @param body the body
     * @return the outcome
     */
    public PayGovCallbackResult verifyCallback(String body) {
        return verifyCallback(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static PayGovCallbackResult refused(PayGovReplyStatus status, CallbackRejection why) {
        return new PayGovCallbackResult(status, Optional.empty(), Optional.of(why));
    }

    /**
     * Describes the client (no keys).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PayGovClient[url=" + url + ", partnerCode=" + partnerCode + ", secretKey=***]";
    }

    /** Builds a {@link PayGovClient}; not thread-safe. */
    public static final class Builder {
        private URI endpoint;
        private GatewayAuth auth;
        private String partnerCode;
        private String accessKey;
        private Secret secretKey;
        private String serviceCode;
        private URI returnUrl;
        private ReplayStore replayStore;
        private HttpTransport transport;
        private RetryPolicy retryPolicy;
        private Timeouts timeouts;
        private Clock clock;

        private Builder() {
        }

        /**
         * Sets the payment-URL endpoint ({@code urlPaygate}, required, full URL).
         *
         * @param endpoint the URL
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the gateway authentication (required): usually
         * {@code GatewayAuth.combine(clientCredentials, lgspAccessToken)}.
         *
         * @param auth the scheme
         * @return this builder
         */
        public Builder auth(GatewayAuth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * Sets the partner code (required), e.g. {@code PAYGOV-DONGTHAP}.
         *
         * @param partnerCode the code
         * @return this builder
         */
        public Builder partnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
            return this;
        }

        /**
         * Sets the access key (required).
         *
         * @param accessKey the key
         * @return this builder
         */
        public Builder accessKey(String accessKey) {
            this.accessKey = accessKey;
            return this;
        }

        /**
         * Sets the checksum secret key (required).
         *
         * @param secretKey the key
         * @return this builder
         */
        public Builder secretKey(Secret secretKey) {
            this.secretKey = secretKey;
            return this;
        }

        /**
         * Sets the service code (required).
         *
         * @param serviceCode the code
         * @return this builder
         */
        public Builder serviceCode(String serviceCode) {
            this.serviceCode = serviceCode;
            return this;
        }

        /**
         * Sets where PayGov sends the citizen back (required).
         *
         * @param returnUrl the URL
         * @return this builder
         */
        public Builder returnUrl(URI returnUrl) {
            this.returnUrl = returnUrl;
            return this;
        }

        /**
         * Sets the store of accepted callbacks; in memory (100,000 keys, 2 days) by default.
         *
         * @param store the store
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replayStore = store;
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
         * Sets the retry policy.
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
         * Sets the clock.
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
        public PayGovClient build() {
            if (endpoint == null || HttpUrl.parse(endpoint.toString()) == null) {
                throw new InvalidInputException("endpoint", "is required and must be an absolute http(s) URI");
            }
            if (auth == null) {
                throw new InvalidInputException("auth", "is required (Bearer and lgspaccesstoken)");
            }
            PortalValidation.unitCode("partnerCode", partnerCode);
            PortalValidation.text("accessKey", accessKey);
            if (secretKey == null) {
                throw new InvalidInputException("secretKey", "is required");
            }
            PortalValidation.text("serviceCode", serviceCode);
            if (returnUrl == null) {
                throw new InvalidInputException("returnUrl", "is required");
            }
            if (transport == null) {
                throw new InvalidInputException("httpClient", "is required");
            }
            return new PayGovClient(this);
        }
    }
}
