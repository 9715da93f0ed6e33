package vn.govsdk.dataexchange.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.payment.CallbackDelivery;
import vn.govsdk.testkit.payment.PaymentPlatformService;

class PaymentPlatformTest {

    private static final Instant NOW = Instant.parse("2025-09-10T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b.clock(CLOCK)
            .service(PaymentPlatformService::new));

    private static final ObjectMapper JSON = new ObjectMapper();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;
    private HttpTransport transport;
    private PaymentStore payments;
    private PaymentPlatformClient client;
    private PaymentCallbackVerifier verifier;
    private CallbackReceiver receiver;
    private final AtomicReference<CallbackResult> last = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        transport = HttpTransport.create();
        payments = PaymentStore.h2(dir);
        client = PaymentPlatformClient.builder().endpoint(MOCK.platform().baseUrl("/ppdvcqg"))
                .partnerCode(PaymentPlatformService.PARTNER_CODE).hashKey(Secret.of(PaymentPlatformService.HASH_KEY))
                .httpClient(transport).clock(CLOCK).paymentStore(payments).build();
        verifier = verifier(PaymentPlatformService.HASH_KEY, CLOCK);
        receiver = new CallbackReceiver(body -> {
            CallbackResult r = verifier.verify(body);
            last.set(r);
            return r.replyJson();
        });
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        transport.close();
        payments.close();
    }

    private PaymentCallbackVerifier verifier(String key, Clock clock) {
        return PaymentCallbackVerifier.builder().partnerCode(PaymentPlatformService.PARTNER_CODE)
                .hashKey(Secret.of(key)).clock(clock).paymentStore(payments).build();
    }

    private static PaymentPlatformService mock() {
        return (PaymentPlatformService) MOCK.platform().service("/ppdvcqg").orElseThrow();
    }

    private static PaymentRequest request(String reference, long amount) {
        return new PaymentRequest(reference, amount, "Thanh toan le phi ho so " + reference, "127.0.0.1",
                reference, "1.001234", "Đăng ký khai sinh", "UBND Phường Dĩ An", "Nguyễn Văn An",
                List.of(new PaymentRequest.ReceiptFee("2", "LP01", "Lệ phí hộ tịch", amount)));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void startsATransactionWithTheChecksumComputedOverTheFieldsInOrder() throws Exception {
        PaymentTransaction t = client.startTransaction(request("HS-0001", 50_000));
        assertThat(t.paymentUrl().toString()).endsWith("/ppdvcqg/pay/HS-0001");
        assertThat(mock().transaction("HS-0001")).isPresent();
        JsonNode sent = JSON.readTree(MOCK.platform().journal().lastTo("/ppdvcqg").orElseThrow().bodyAsString());
        assertThat(sent.path("ThoiGianGD").asText()).isEqualTo("20250910100000");
        String joined = String.join("|", "PAY", "1.0.0", "DVC-TEST", "HS-0001", "50000", "1", "1", "1", "vi", "VND", "",
                "Thanh toan le phi ho so HS-0001", "20250910100000", "127.0.0.1", PaymentPlatformService.HASH_KEY);
        assertThat(sent.path("MaXacThuc").asText()).isEqualTo(sha256(joined));
        assertThat(sent.path("ThongTinBienLai").path("PhiLePhi").get(0).path("SoTien").asLong()).isEqualTo(50_000);
    }

    @Test
    void wrongKeyIsRefusedByThePlatform() {
        PaymentPlatformClient wrong = PaymentPlatformClient.builder().endpoint(MOCK.platform().baseUrl("/ppdvcqg"))
                .partnerCode(PaymentPlatformService.PARTNER_CODE).hashKey(Secret.of("not-the-key"))
                .httpClient(transport).clock(CLOCK).paymentStore(payments).build();
        assertThatThrownBy(() -> wrong.startTransaction(request("HS-0002", 10_000)))
                .isInstanceOfSatisfying(GovServiceException.class, e -> assertThat(e.errorCode()).contains("97"));
    }

    @Test
    void invalidPaymentsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> client.startTransaction(request("HS-0003", 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("payment.amountVnd"));
        PaymentRequest mismatched = new PaymentRequest("HS-0003", 60_000, "x", "127.0.0.1", "HS-0003", "1.001234", "T",
                "U", "Nguyễn An", List.of(new PaymentRequest.ReceiptFee("2", "LP01", "Lệ phí", 50_000)));
        assertThatThrownBy(() -> client.startTransaction(mismatched))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).contains("sum of the fees"));
        PaymentRequest pipe = new PaymentRequest("HS-0003", 50_000, "a|b", "127.0.0.1", "HS-0003", "1.001234", "T",
                "U", "Nguyễn An", List.of());
        assertThatThrownBy(() -> client.startTransaction(pipe))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("payment.description"));
        assertThat(MOCK.platform().journal().count()).isZero();
    }

    @Test
    void genuineCallbackIsAcceptedAndAReplayIsRefused() throws Exception {
        client.startTransaction(request("HS-0004", 50_000));
        CallbackDelivery d = mock().citizenPaid("HS-0004", receiver.url());
        assertThat(d.status()).isEqualTo(200);
        CallbackResult r = last.get();
        assertThat(r.accepted()).isTrue();
        VerifiedPayment p = r.payment().orElseThrow();
        assertThat(p.succeeded()).isTrue();
        assertThat(p.reference()).isEqualTo("HS-0004");
        assertThat(p.amountVnd()).isEqualTo(50_000);
        assertThat(p.transactionTime()).isEqualTo(NOW);
        JsonNode reply = JSON.readTree(d.reply());
        assertThat(reply.path("MaLoi").asText()).isEqualTo("00");
        assertThat(reply.path("MaThamChieu").asText()).isEqualTo("HS-0004");
        assertThat(reply.path("MaXacThuc").asText()).isEqualTo(sha256(String.join("|", "00", "DVC-TEST", "HS-0004",
                reply.path("ThoiGianGD").asText(), PaymentPlatformService.HASH_KEY)));

        // The same callback again: a replay.
        CallbackResult replay = verifier.verify(d.body());
        assertThat(replay.accepted()).isFalse();
        assertThat(replay.rejection()).contains(CallbackRejection.REPLAYED);
        assertThat(JSON.readTree(replay.replyJson()).path("MaLoi").asText()).isEqualTo("99");
    }

    @Test
    void alteredCallbackIsRefused() throws Exception {
        client.startTransaction(request("HS-0005", 50_000));
        ObjectNode body = (ObjectNode) JSON.readTree(mock().signedCallback("HS-0005", true));
        body.put("SoTien", "5000000");
        CallbackResult r = verifier.verify(JSON.writeValueAsString(body));
        assertThat(r.rejection()).contains(CallbackRejection.BAD_SIGNATURE);
        assertThat(r.payment()).isEmpty();
        assertThat(JSON.readTree(r.replyJson()).path("MaLoi").asText()).isEqualTo("99");
    }

    @Test
    void forgedAndUnsignedCallbacksAreRefused() throws Exception {
        client.startTransaction(request("HS-0006", 50_000));
        // Forged: a verifier with another key stands for an attacker who does not hold hash_key.
        CallbackResult forged = verifier("attacker-key", CLOCK).verify(mock().signedCallback("HS-0006", true));
        assertThat(forged.rejection()).contains(CallbackRejection.BAD_SIGNATURE);

        ObjectNode body = (ObjectNode) JSON.readTree(mock().signedCallback("HS-0006", true));
        body.remove("MaXacThuc");
        assertThat(verifier.verify(JSON.writeValueAsString(body)).rejection()).contains(CallbackRejection.UNSIGNED);
        body.put("MaXacThuc", "");
        assertThat(verifier.verify(JSON.writeValueAsString(body)).rejection()).contains(CallbackRejection.UNSIGNED);
        assertThat(verifier.verify("<xml/>").rejection()).contains(CallbackRejection.MALFORMED);
        assertThat(verifier.verify(new byte[PaymentCallbackVerifier.MAX_BODY_BYTES + 1]).rejection())
                .contains(CallbackRejection.MALFORMED);
    }

    @Test
    void staleCallbackIsRefused() {
        client.startTransaction(request("HS-0007", 50_000));
        String body = mock().signedCallback("HS-0007", true);
        PaymentCallbackVerifier later = verifier(PaymentPlatformService.HASH_KEY,
                Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertThat(later.verify(body).rejection()).contains(CallbackRejection.STALE);
    }

    @Test
    void failedPaymentIsVerifiedNewsOfFailure() throws Exception {
        client.startTransaction(request("HS-0008", 50_000));
        CallbackDelivery d = mock().paymentFailed("HS-0008", receiver.url());
        assertThat(last.get().accepted()).isTrue();
        assertThat(last.get().payment().orElseThrow().succeeded()).isFalse();
        assertThat(JSON.readTree(d.reply()).path("MaLoi").asText()).isEqualTo("00");
    }

    @Test
    void adminEndpointTriggersTheCallback() throws Exception {
        client.startTransaction(request("HS-0009", 70_000));
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        String admin = "{\"MaThamChieu\":\"HS-0009\",\"outcome\":\"paid\",\"callbackUrl\":\"" + receiver.url() + "\"}";
        try (okhttp3.Response resp = http.newCall(new okhttp3.Request.Builder()
                .url(MOCK.platform().baseUrl("/ppdvcqg/__admin/callback").toString())
                .post(okhttp3.RequestBody.create(admin, okhttp3.MediaType.get("application/json"))).build()).execute()) {
            assertThat(resp.code()).isEqualTo(200);
        }
        assertThat(receiver.received).hasSize(1);
        assertThat(last.get().payment().orElseThrow().amountVnd()).isEqualTo(70_000);
    }

    @Test
    void replayStoreIsBounded() {
        ReplayStore store = ReplayStore.inMemory(2, Duration.ofHours(1));
        assertThat(store.markSeen("a", NOW)).isTrue();
        assertThat(store.markSeen("a", NOW)).isFalse();
        assertThat(store.markSeen("b", NOW)).isTrue();
        assertThat(store.markSeen("c", NOW)).isTrue(); // evicts "a", the oldest
        assertThat(store.markSeen("b", NOW)).isFalse();
        assertThat(store.markSeen("a", NOW)).isTrue();
    }

    @Test
    void toStringsShowNoKey() {
        assertThat(client.toString()).doesNotContain(PaymentPlatformService.HASH_KEY);
        assertThat(verifier.toString()).doesNotContain(PaymentPlatformService.HASH_KEY);
    }
}
