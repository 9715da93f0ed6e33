package vn.govsdk.dataexchange.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.dataexchange.internal.payment.CallbackChecks;
import vn.govsdk.dataexchange.internal.payment.CallbackFormats;
import vn.govsdk.dataexchange.internal.payment.Checksums;

/**
 * Verifies the payment platform's (PP DVCQG) result callback before anything in it is trusted, and
 * builds the reply. There is no way to skip the check.
 *
 * <p>In order: the body must be a JSON object of at most 64 KiB with the callback fields; it must
 * carry {@code MaXacThuc}; every field must have its exact format (no {@code |}, amounts without a
 * leading zero, two-digit codes, ...), checked before the checksum; {@code MaXacThuc} must equal
 * (compared in constant time) the lowercase hex SHA-256 of
 * {@code LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|ThongTinGiaoDich|hash_key};
 * {@code MaDoiTac} must be this partner's; the callback must match a payment this application
 * started, recorded by {@link PaymentPlatformClient} in the {@link PaymentStore} (same reference,
 * amount and currency); it must arrive within the window measured from that payment's start (default
 * 24 hours, 5 minutes of skew), with {@code ThoiGianGD} inside it too; and the transaction must not
 * have been accepted before (the {@link ReplayStore}, which must keep keys at least as long as the
 * window). Refusals are logged at WARN, masked. A refusal replies {@code MaLoi} "99"; acceptance
 * replies "00". A genuine callback reporting a failed payment ({@code MaLoi} other than "00") is
 * accepted: it is verified news that the payment failed ({@link VerifiedPayment#succeeded()} is false).
 *
 * <p>The reply's {@code MaXacThuc} is SHA-256 of {@code MaLoi|MaDoiTac|MaThamChieu|ThoiGianGD|hash_key}
 * (provisional: no public source gives it). Thread-safe.
 */
public final class PaymentCallbackVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCallbackVerifier.class);
    /** The largest callback body read. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final String partnerCode;
    private final Secret hashKey;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final CallbackChecks checks;

    private PaymentCallbackVerifier(Builder b) {
        partnerCode = b.partnerCode;
        hashKey = b.hashKey;
        clock = b.clock;
        maxAge = b.maxAge;
        maxSkew = b.maxSkew;
        ReplayStore replayStore = b.replayStore != null ? b.replayStore
                : CallbackChecks.defaultReplayStore(b.paymentStore, maxAge.plus(maxSkew));
        checks = new CallbackChecks(PaymentSystem.PP_DVCQG, partnerCode, b.paymentStore, replayStore, clock, maxAge,
                maxSkew, LOG);
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
     * Verifies a callback body.
     *
     * @param body the raw request body, as received
     * @return the outcome and the reply to send
     * @throws PaymentStoreException if the payment or replay store cannot be read or written (answer
     *     the platform with a server error, so that it sends the callback again)
     */
    public CallbackResult verify(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return refuse(CallbackRejection.MALFORMED, Map.of(), "empty or oversized body");
        }
        JsonNode tree;
        try {
            tree = GovJson.readTree(body);
        } catch (GovSdkException e) {
            return refuse(CallbackRejection.MALFORMED, Map.of(), "not JSON");
        }
        if (tree == null || !tree.isObject()) {
            return refuse(CallbackRejection.MALFORMED, Map.of(), "not a JSON object");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : Checksums.PP_CALLBACK_FIELDS) {
            JsonNode v = tree.get(name);
            if (v != null && !v.isNull() && !v.isValueNode()) {
                return refuse(CallbackRejection.MALFORMED, Map.of(), name + " is not a value");
            }
            f.put(name, v == null || v.isNull() ? null : v.asText());
        }
        JsonNode sig = tree.get("MaXacThuc");
        if (sig == null || sig.isNull() || sig.asText().isBlank()) {
            return refuse(CallbackRejection.UNSIGNED, f, "no MaXacThuc");
        }
        // Exact formats before the checksum: no field may carry the separator or another field's digits.
        Optional<String> bad = CallbackFormats.firstViolation(f, CallbackFormats.PP);
        if (bad.isPresent()) {
            return refuse(CallbackRejection.BAD_FORMAT, f, bad.get());
        }
        String expected = Checksums.pipeJoined(f, Checksums.PP_CALLBACK_FIELDS, hashKey.value());
        if (!Checksums.matches(expected, sig.asText())) {
            return refuse(CallbackRejection.BAD_SIGNATURE, f, "MaXacThuc does not match");
        }
        // From here on the fields are authentic.
        if (!partnerCode.equals(f.get("MaDoiTac"))) {
            return refuse(CallbackRejection.WRONG_PARTNER, f, "MaDoiTac is not this partner");
        }
        Instant at;
        try {
            at = GovDateTimes.parseBasicInstant("ThoiGianGD", f.get("ThoiGianGD"));
        } catch (InvalidInputException e) {
            return refuse(CallbackRejection.BAD_FORMAT, f, "ThoiGianGD is not a valid yyyyMMddHHmmss time");
        }
        long amount = Long.parseLong(f.get("SoTien"));
        Optional<CallbackChecks.Refusal> refusal = checks.accept(f.get("MaThamChieu"), "", amount, f.get("MaTienTe"),
                f.get("MaGiaoDich"), at);
        if (refusal.isPresent()) {
            return refuse(refusal.get().rejection(), f, refusal.get().detail());
        }
        VerifiedPayment payment = new VerifiedPayment(f.get("MaThamChieu"), f.get("MaGiaoDich"), amount,
                f.get("MaTienTe"), f.get("MaNganHang"), at, f.get("MaLoi"), f.get("ThongTinGiaoDich"));
        LOG.debug("Payment callback for reference {} accepted (MaLoi {})", payment.reference(), payment.resultCode());
        return new CallbackResult(Optional.of(payment), Optional.empty(), reply("00", "Thành công", f));
    }

    /**
     * Verifies a callback body given as text.
     *
     * @param body the body
     * @return the outcome and reply
     */
    public CallbackResult verify(String body) {
        return verify(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private CallbackResult refuse(CallbackRejection why, Map<String, String> f, String detail) {
        checks.logRefusal(why, detail, f.get("MaThamChieu"), f.get("MaGiaoDich"));
        return new CallbackResult(Optional.empty(), Optional.of(why), reply("99", "Từ chối: " + why.name(), f));
    }

    private String reply(String code, String description, Map<String, String> f) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("MaLoi", code);
        r.put("MoTaLoi", description);
        r.put("MaDoiTac", partnerCode);
        String reference = f.get("MaThamChieu");
        // Echo the reference only when it is well formed; a hostile one is not sent back.
        r.put("MaThamChieu", reference != null && CallbackFormats.PP.get("MaThamChieu").pattern().matcher(reference).matches()
                ? reference : "");
        r.put("ThoiGianGD", GovDateTimes.formatBasicDateTime(clock.instant()));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        r.forEach(o::put);
        o.put("MaXacThuc", Checksums.pipeJoined(r, Checksums.PP_REPLY_FIELDS, hashKey.value()));
        return GovJson.writeString(o);
    }

    /**
     * Describes the verifier (no key).
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PaymentCallbackVerifier[partnerCode=" + partnerCode + ", hashKey=***, window=-" + maxAge + "/+" + maxSkew + "]";
    }

    /** Builds a {@link PaymentCallbackVerifier}; not thread-safe. */
    public static final class Builder {
        private String partnerCode;
        private Secret hashKey;
        private ReplayStore replayStore;
        private PaymentStore paymentStore;
        private Clock clock = Clock.systemUTC();
        private Duration maxAge = Duration.ofHours(24);
        private Duration maxSkew = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Sets this partner's code ({@code MaDoiTac}, required).
         *
         * @param partnerCode the code
         * @return this builder
         */
        public Builder partnerCode(String partnerCode) {
            this.partnerCode = partnerCode;
            return this;
        }

        /**
         * Sets the shared key ({@code hash_key}, required).
         *
         * @param hashKey the key
         * @return this builder
         */
        public Builder hashKey(Secret hashKey) {
            this.hashKey = hashKey;
            return this;
        }

        /**
         * Sets the store of accepted transactions. By default the keys go to a table beside the payment
         * store's ({@code govsdk_payment_replay}, kept for the window), so a shared payment store shares
         * replay protection too; a payment store of the application's own gets an in-memory store of
         * 100,000 keys (one process). It must keep keys at least as long as the window.
         *
         * @param store the store (share one between instances)
         * @return this builder
         */
        public Builder replayStore(ReplayStore store) {
            this.replayStore = store;
            return this;
        }

        /**
         * Sets the store of the payments this application started (required): the same store its
         * {@link PaymentPlatformClient} records into. A callback for a payment not in it, or with
         * another amount or currency, is refused.
         *
         * @param store the store (share one between instances)
         * @return this builder
         */
        public Builder paymentStore(PaymentStore store) {
            this.paymentStore = store;
            return this;
        }

        /**
         * Sets the clock for the time window.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the window on {@code ThoiGianGD}: how old and how far in the future it may be.
         *
         * @param maxAge how old (default 24 h)
         * @param maxSkew how far ahead (default 5 min)
         * @return this builder
         */
        public Builder window(Duration maxAge, Duration maxSkew) {
            this.maxAge = maxAge;
            this.maxSkew = maxSkew;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws InvalidInputException naming the first missing setting
         */
        public PaymentCallbackVerifier build() {
            if (partnerCode == null || partnerCode.isBlank()) {
                throw new InvalidInputException("partnerCode", "is required");
            }
            if (hashKey == null) {
                throw new InvalidInputException("hashKey", "is required");
            }
            if (clock == null) {
                throw new InvalidInputException("clock", "is required");
            }
            if (paymentStore == null) {
                throw new InvalidInputException("paymentStore",
                        "is required: the PaymentStore the PaymentPlatformClient records started payments in");
            }
            if (maxAge == null || maxAge.isNegative() || maxSkew == null || maxSkew.isNegative()) {
                throw new InvalidInputException("window", "must be two non-negative durations");
            }
            return new PaymentCallbackVerifier(this);
        }
    }
}
