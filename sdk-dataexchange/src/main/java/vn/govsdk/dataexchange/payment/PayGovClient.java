package vn.govsdk.dataexchange.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import vn.govsdk.dataexchange.internal.payment.CallbackChecks;
import vn.govsdk.dataexchange.internal.payment.CallbackFormats;
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
    private static final Logger LOG = LoggerFactory.getLogger(PayGovClient.class);

    private final GovHttpPipeline pipeline;
    private final HttpUrl url;
    private final String partnerCode;
    private final String accessKey;
    private final Secret secretKey;
    private final String serviceCode;
    private final URI returnUrl;
    private final CallbackChecks checks;
    private final PaymentStore paymentStore;

    private PayGovClient(Builder b) {
        paymentStore = b.paymentStore;
        url = HttpUrl.get(b.endpoint.toString());
        partnerCode = b.partnerCode;
        accessKey = b.accessKey;
        secretKey = b.secretKey;
        serviceCode = b.serviceCode;
        returnUrl = b.returnUrl;
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
        ReplayStore replayStore = b.replayStore != null ? b.replayStore
                : CallbackChecks.defaultReplayStore(b.paymentStore, b.maxAge.plus(b.maxSkew));
        checks = new CallbackChecks(PaymentSystem.PAYGOV, partnerCode, b.paymentStore, replayStore, pipeline.clock(),
                b.maxAge, b.maxSkew, LOG);
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
        // Recorded before the request leaves, so that the callback, on any instance, finds it.
        CallbackChecks.recordStart(paymentStore, new StartedPayment(PaymentSystem.PAYGOV, partnerCode, order.orderId(),
                order.requestCode(), order.amountVnd(), "VND", pipeline.clock().instant()), "order.dossierNo");
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
     * Verifies a confirmation callback. In order: a JSON object of at most 64 KiB whose fields are
     * values; a checksum; every field in its exact format ({@code orderId} ending in {@code -01},
     * {@code requestCode} a code, {@code amount} digits without a leading zero, {@code errorCode} two
     * digits, ...); the checksum (constant time); then the order this client started, from the
     * {@link PaymentStore}: same order id, request code and amount, within the window from its start;
     * and not accepted before ({@link ReplayStore}). Refusals are logged at WARN, masked.
     *
     * @param body the raw JSON body as received
     * @return what to answer and, when accepted, the confirmation
     * @throws PaymentStoreException if the payment or replay store cannot be read or written (answer
     *     with a server error, so that PayGov sends the callback again)
     */
    public PayGovCallbackResult verifyCallback(byte[] body) {
        if (body == null || body.length == 0 || body.length > PaymentCallbackVerifier.MAX_BODY_BYTES) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED, "empty or oversized body", Map.of());
        }
        JsonNode tree;
        try {
            tree = GovJson.readTree(body);
        } catch (GovSdkException e) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED, "not JSON", Map.of());
        }
        if (tree == null || !tree.isObject()) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED, "not a JSON object", Map.of());
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : CallbackFormats.PAYGOV.keySet()) {
            JsonNode v = tree.get(name);
            if (v != null && !v.isNull() && !v.isValueNode()) {
                return refused(PayGovReplyStatus.FAILED, CallbackRejection.MALFORMED, name + " is not a value", Map.of());
            }
            f.put(name, v == null || v.isNull() ? null : v.asText());
        }
        JsonNode sig = tree.get("checksum");
        if (sig == null || sig.isNull() || sig.asText().isBlank()) {
            return refused(PayGovReplyStatus.SIGNATURE_WRONG, CallbackRejection.UNSIGNED, "no checksum", f);
        }
        // Exact formats before the checksum, which joins the fields without a separator: a digit cannot
        // move from one field into its neighbour unnoticed.
        Optional<String> bad = CallbackFormats.firstViolation(f, CallbackFormats.PAYGOV);
        if (bad.isPresent()) {
            return refused(PayGovReplyStatus.FAILED, CallbackRejection.BAD_FORMAT, bad.get(), f);
        }
        Map<String, String> signed = new LinkedHashMap<>(f);
        signed.put("accessKey", accessKey);
        signed.put("partnerCode", partnerCode);
        String expected = Checksums.concatenated(secretKey.value(), signed, Checksums.PAYGOV_CALLBACK_FIELDS);
        if (!Checksums.matches(expected, sig.asText())) {
            return refused(PayGovReplyStatus.SIGNATURE_WRONG, CallbackRejection.BAD_SIGNATURE, "checksum does not match", f);
        }
        // payDate is not covered by the checksum: the window is measured from the payment's own start.
        long amount = Long.parseLong(f.get("amount"));
        Optional<CallbackChecks.Refusal> refusal = checks.accept(f.get("orderId"), f.get("requestCode"), amount, "VND",
                f.get("transactionNo"), null);
        if (refusal.isPresent()) {
            return refused(PayGovReplyStatus.FAILED, refusal.get().rejection(), refusal.get().detail(), f);
        }
        PayGovConfirmation c = new PayGovConfirmation(f.get("orderId"), f.get("errorCode"), amount, f.get("orderInfo"),
                f.get("requestCode"), f.get("transactionNo"), f.get("payDate"), f.get("paygate"));
        LOG.debug("PayGov callback for order {} accepted (errorCode {})", c.orderId(), c.errorCode());
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

    private PayGovCallbackResult refused(PayGovReplyStatus status, CallbackRejection why, String detail,
            Map<String, String> f) {
        checks.logRefusal(why, detail, f.get("orderId"), f.get("transactionNo"));
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
        private PaymentStore paymentStore;
        private Duration maxAge = Duration.ofHours(24);
        private Duration maxSkew = Duration.ofMinutes(5);
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
         * Sets the store of accepted callbacks. By default the keys go to a table beside the payment
         * store's ({@code govsdk_payment_replay}, kept for the window), so a shared payment store shares
         * replay protection too; a payment store of the application's own gets an in-memory store
         * (100,000 keys), which protects one process only. It must keep keys at least as long as the
         * window.
         *
         * @param store the store ({@link ReplayStore#jdbc} shared by every instance)
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replayStore = store;
            return this;
        }

        /**
         * Sets the store of the orders this client starts (required): each order is recorded before
         * its request leaves, and a callback is accepted only for a recorded order with the same
         * request code and amount.
         *
         * @param store the store ({@link PaymentStore#jdbc} shared by every instance)
         * @return this builder
         */
        public Builder paymentStore(PaymentStore store) {
            this.paymentStore = store;
            return this;
        }

        /**
         * Sets the callback window: a confirmation is accepted from {@code maxSkew} before the order
         * was started until {@code maxAge} after it.
         *
         * @param maxAge how long after the start (default 24 h)
         * @param maxSkew the clock difference tolerated (default 5 min)
         * @return this builder
         */
        public Builder window(Duration maxAge, Duration maxSkew) {
            this.maxAge = maxAge;
            this.maxSkew = maxSkew;
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
            if (paymentStore == null) {
                throw new InvalidInputException("paymentStore",
                        "is required: PaymentStore.h2(dir) for one instance, PaymentStore.jdbc(dataSource) for several");
            }
            if (maxAge == null || maxAge.isNegative() || maxAge.isZero() || maxSkew == null || maxSkew.isNegative()) {
                throw new InvalidInputException("window", "must be a positive maximum age and a non-negative skew");
            }
            return new PayGovClient(this);
        }
    }
}
