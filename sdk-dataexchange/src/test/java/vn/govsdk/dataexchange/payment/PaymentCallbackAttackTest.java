package vn.govsdk.dataexchange.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.dataexchange.outbox.LogCapture;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.payment.PayGovService;
import vn.govsdk.testkit.payment.PaymentPlatformService;

/**
 * Hostile payment callbacks, each on H2 and on PostgreSQL: fields shifted across the checksum's
 * boundaries, callbacks for payments this application never started or with another amount, and
 * replays after the window. Each was accepted before the payment store and the field formats.
 */
class PaymentCallbackAttackTest {

    private static final TestClock CLOCK = TestClock.at(Instant.parse("2026-03-02T02:00:00Z"));
    private static final Duration RETENTION = Duration.ofDays(2);

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b.clock(CLOCK)
            .service(PayGovService::new).service(PaymentPlatformService::new));
    /** The same platform for the two-instance test. */
    static final MockGovPlatformExtension MOCK_FOR_SHARED = MOCK;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "000.00.00.H99";

    @TempDir
    Path dir;
    private final HttpTransport transport = HttpTransport.create();
    private StoreKind.Stores stores;

    @AfterEach
    void tearDown() {
        if (stores != null) {
            stores.close();
        }
        transport.close();
    }

    private StoreKind.Stores open(StoreKind kind) {
        stores = kind.open(dir, RETENTION);
        return stores;
    }

    /** Bearer from the mock's token endpoint plus {@code lgspaccesstoken}, as PayGov wants. */
    static GatewayAuth payGovAuth(URI tokenUri) {
        return GatewayAuth.combine(
                ClientCredentials.builder().tokenUri(tokenUri)
                        .clientId(PayGovService.CLIENT_ID).clientSecret(Secret.of(PayGovService.CLIENT_SECRET)).build(),
                LgspAccessToken.builder().accessKey(PayGovService.ACCESS_KEY).secretKey(Secret.of("lgsp-secret"))
                        .appName("govsdk-test").partnerCode("LGSP-TEST").partnerCodeCus("LGSP-TEST").build());
    }

    static PayGovClient payGov(HttpTransport transport, PaymentStore payments, ReplayStore replays) {
        GatewayAuth auth = payGovAuth(MOCK.platform().baseUrl("/paygov/token"));
        return PayGovClient.builder().endpoint(MOCK.platform().baseUrl("/paygov/payment-url")).auth(auth)
                .partnerCode(PayGovService.PARTNER_CODE).accessKey(PayGovService.ACCESS_KEY)
                .secretKey(Secret.of(PayGovService.SECRET_KEY)).serviceCode("LEPHI")
                .returnUrl(URI.create("http://localhost/return")).httpClient(transport).clock(CLOCK)
                .paymentStore(payments).replayStore(replays).build();
    }

    static PaymentPlatformClient platform(HttpTransport transport, PaymentStore payments) {
        return PaymentPlatformClient.builder().endpoint(MOCK.platform().baseUrl("/ppdvcqg"))
                .partnerCode(PaymentPlatformService.PARTNER_CODE).hashKey(Secret.of(PaymentPlatformService.HASH_KEY))
                .httpClient(transport).clock(CLOCK).paymentStore(payments).build();
    }

    static PaymentCallbackVerifier verifier(PaymentStore payments, ReplayStore replays) {
        return PaymentCallbackVerifier.builder().partnerCode(PaymentPlatformService.PARTNER_CODE)
                .hashKey(Secret.of(PaymentPlatformService.HASH_KEY)).clock(CLOCK).paymentStore(payments)
                .replayStore(replays).build();
    }

    static PayGovService payGovMock() {
        return (PayGovService) MOCK.platform().service("/paygov").orElseThrow();
    }

    static PaymentPlatformService platformMock() {
        return (PaymentPlatformService) MOCK.platform().service("/ppdvcqg").orElseThrow();
    }

    static PayGovOrder order(String dossierNo, long amount) {
        return new PayGovOrder(UNIT, dossierNo, amount, "Le phi ho so " + dossierNo, "RQ-" + dossierNo, "127.0.0.1");
    }

    static PaymentRequest request(String reference, long amount) {
        return new PaymentRequest(reference, amount, "Thanh toan le phi ho so " + reference, "127.0.0.1", reference,
                "1.001234", "Đăng ký khai sinh", "UBND Phường Dĩ An", "Nguyễn Văn An",
                List.of(new PaymentRequest.ReceiptFee("2", "LP01", "Lệ phí hộ tịch", amount)));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the PayGov checksum covers, concatenated as the platform defines it. */
    private static String payGovChecksum(ObjectNode b) throws Exception {
        return sha256(PayGovService.SECRET_KEY + PayGovService.ACCESS_KEY + PayGovService.PARTNER_CODE
                + b.path("orderId").asText() + b.path("requestCode").asText() + b.path("amount").asText()
                + b.path("errorCode").asText() + b.path("transactionNo").asText());
    }

    /** A callback the platform signs itself (it holds the key) for any order and amount. */
    private static String payGovSignedByPlatform(String orderId, String requestCode, long amount) throws Exception {
        ObjectNode b = JSON.createObjectNode().put("orderId", orderId).put("errorCode", "00")
                .put("amount", Long.toString(amount)).put("orderInfo", "Le phi").put("requestCode", requestCode)
                .put("transactionNo", "PG9" + amount).put("payDate", "20260302090000").put("paygate", "PAYGOV")
                .put("type", "1").put("transactionCode", "TC9");
        b.put("checksum", payGovChecksum(b));
        return JSON.writeValueAsString(b);
    }

    private static String ppSignedByPlatform(Map<String, String> fields) throws Exception {
        StringBuilder joined = new StringBuilder();
        for (String name : List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien", "MaTienTe", "MaGiaoDich",
                "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich")) {
            joined.append(fields.getOrDefault(name, "")).append('|');
        }
        ObjectNode b = JSON.createObjectNode();
        fields.forEach(b::put);
        b.put("MaXacThuc", sha256(joined + PaymentPlatformService.HASH_KEY));
        return JSON.writeValueAsString(b);
    }

    private static Map<String, String> ppFields(String reference, long amount, String transaction) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", "PAY_RESULT");
        f.put("MaLoi", "00");
        f.put("MaDoiTac", PaymentPlatformService.PARTNER_CODE);
        f.put("MaThamChieu", reference);
        f.put("SoTien", Long.toString(amount));
        f.put("MaTienTe", "VND");
        f.put("MaGiaoDich", transaction);
        f.put("MaNganHang", "NHTEST");
        f.put("ThoiGianGD", "20260302090000");
        f.put("ThongTinGiaoDich", "Thanh toan le phi ho so " + reference);
        return f;
    }

    // ---- PayGov ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void payGovRequestCodeToAmountShiftIsRefusedAndTheGenuineCallbackIsStillAccepted(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        PayGovClient client = payGov(transport, s.payments, s.replays);
        client.requestPaymentUrl(order("HS7", 50_000));
        String genuine = payGovMock().signedCallback(UNIT + "-HS7-01", true);
        ObjectNode shifted = (ObjectNode) JSON.readTree(genuine);
        shifted.put("requestCode", "RQ-HS").put("amount", "750000");     // "RQ-HS7"+"50000" = "RQ-HS"+"750000"
        assertThat(shifted.path("checksum").asText()).isEqualTo(payGovChecksum(shifted));   // still valid

        PayGovCallbackResult r = client.verifyCallback(JSON.writeValueAsString(shifted));
        assertThat(r.accepted()).isFalse();
        assertThat(r.rejection()).contains(CallbackRejection.MISMATCHED_PAYMENT);
        assertThat(r.status()).isEqualTo(PayGovReplyStatus.FAILED);

        PayGovCallbackResult g = client.verifyCallback(genuine);
        assertThat(g.status()).isEqualTo(PayGovReplyStatus.SUCCESSFUL);
        assertThat(g.confirmation().orElseThrow().amountVnd()).isEqualTo(50_000);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void payGovOrderIdToRequestCodeShiftIsRefused(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        PayGovClient client = payGov(transport, s.payments, s.replays);
        client.requestPaymentUrl(order("HS8", 50_000));
        String genuine = payGovMock().signedCallback(UNIT + "-HS8-01", true);
        ObjectNode shifted = (ObjectNode) JSON.readTree(genuine);
        shifted.put("orderId", UNIT + "-HS8-0").put("requestCode", "1RQ-HS8");
        assertThat(shifted.path("checksum").asText()).isEqualTo(payGovChecksum(shifted));
        PayGovCallbackResult r = client.verifyCallback(JSON.writeValueAsString(shifted));
        assertThat(r.rejection()).contains(CallbackRejection.BAD_FORMAT);   // orderId must end in -01

        // The other way: the order id swallows the request code's head and still ends in -01.
        client.requestPaymentUrl(new PayGovOrder(UNIT, "HS9", 50_000, "Le phi", "X-01Z", "127.0.0.1"));
        ObjectNode other = (ObjectNode) JSON.readTree(payGovMock().signedCallback(UNIT + "-HS9-01", true));
        other.put("orderId", UNIT + "-HS9-01X-01").put("requestCode", "Z");
        assertThat(other.path("checksum").asText()).isEqualTo(payGovChecksum(other));
        assertThat(client.verifyCallback(JSON.writeValueAsString(other)).rejection())
                .contains(CallbackRejection.UNKNOWN_PAYMENT);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void payGovCallbackForAnUnknownOrderIsRefused(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        PayGovClient client = payGov(transport, s.payments, s.replays);
        PayGovCallbackResult r = client.verifyCallback(payGovSignedByPlatform(UNIT + "-NEVER-01", "RQ-NEVER", 10_000));
        assertThat(r.accepted()).isFalse();
        assertThat(r.rejection()).contains(CallbackRejection.UNKNOWN_PAYMENT);
        assertThat(r.status()).isEqualTo(PayGovReplyStatus.FAILED);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void payGovCallbackWithAnotherAmountIsRefused(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        PayGovClient client = payGov(transport, s.payments, s.replays);
        client.requestPaymentUrl(order("HS10", 50_000));
        PayGovCallbackResult r = client.verifyCallback(payGovSignedByPlatform(UNIT + "-HS10-01", "RQ-HS10", 5_000));
        assertThat(r.rejection()).contains(CallbackRejection.MISMATCHED_PAYMENT);
        assertThat(client.verifyCallback(payGovSignedByPlatform(UNIT + "-HS10-01", "RQ-HS10", 50_000)).accepted()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void payGovReplayIsRefusedWithinAndAfterTheWindow(StoreKind kind) {
        StoreKind.Stores s = open(kind);
        PayGovClient client = payGov(transport, s.payments, s.replays);
        client.requestPaymentUrl(order("HS11", 50_000));
        String genuine = payGovMock().signedCallback(UNIT + "-HS11-01", true);
        assertThat(client.verifyCallback(genuine).accepted()).isTrue();
        CLOCK.advance(Duration.ofHours(23));
        assertThat(client.verifyCallback(genuine).rejection()).contains(CallbackRejection.REPLAYED);
        CLOCK.advance(Duration.ofDays(2));   // three days after: past the window and the replay keys' retention
        assertThat(client.verifyCallback(genuine).rejection()).contains(CallbackRejection.STALE);
        // A fresh callback for the old order, never seen before, is just as late.
        assertThat(client.verifyCallback(payGovMock().signedCallback(UNIT + "-HS11-01", true)).rejection())
                .contains(CallbackRejection.STALE);
    }

    // ---- PP DVCQG -------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ppFieldsMovedAcrossTheSeparatorAreRefusedBeforeTheChecksum(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        platform(transport, s.payments).startTransaction(request("HS-0101", 50_000));
        PaymentCallbackVerifier verifier = verifier(s.payments, s.replays);
        // A field that carries the separator: the joined text, and so the checksum, stay the same.
        Map<String, String> f = ppFields("HS-0101", 50_000, "GD77");
        f.put("ThongTinGiaoDich", "Le phi|HS-0101");
        ObjectNode shifted = (ObjectNode) JSON.readTree(ppSignedByPlatform(f));
        shifted.put("ThoiGianGD", "20260302090000|Le phi").put("ThongTinGiaoDich", "HS-0101");
        shifted.put("MaNganHang", "NHTEST");
        CallbackResult r = verifier.verify(JSON.writeValueAsString(shifted));
        assertThat(r.rejection()).contains(CallbackRejection.BAD_FORMAT);
        assertThat(verifier.verify(ppSignedByPlatform(f)).rejection()).contains(CallbackRejection.BAD_FORMAT);
        // Leading zeros would let digits move too.
        Map<String, String> zero = ppFields("HS-0101", 50_000, "GD78");
        zero.put("SoTien", "050000");
        assertThat(verifier.verify(ppSignedByPlatform(zero)).rejection()).contains(CallbackRejection.BAD_FORMAT);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ppCallbackForAnUnknownReferenceIsRefused(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        PaymentCallbackVerifier verifier = verifier(s.payments, s.replays);
        CallbackResult r = verifier.verify(ppSignedByPlatform(ppFields("HS-NEVER", 50_000, "GD1")));
        assertThat(r.rejection()).contains(CallbackRejection.UNKNOWN_PAYMENT);
        assertThat(JSON.readTree(r.replyJson()).path("MaLoi").asText()).isEqualTo("99");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ppCallbackWithAnotherAmountOrCurrencyIsRefused(StoreKind kind) throws Exception {
        StoreKind.Stores s = open(kind);
        platform(transport, s.payments).startTransaction(request("HS-0102", 50_000));
        PaymentCallbackVerifier verifier = verifier(s.payments, s.replays);
        assertThat(verifier.verify(ppSignedByPlatform(ppFields("HS-0102", 750_000, "GD2"))).rejection())
                .contains(CallbackRejection.MISMATCHED_PAYMENT);
        Map<String, String> usd = ppFields("HS-0102", 50_000, "GD3");
        usd.put("MaTienTe", "USD");
        assertThat(verifier.verify(ppSignedByPlatform(usd)).rejection()).contains(CallbackRejection.MISMATCHED_PAYMENT);
        assertThat(verifier.verify(ppSignedByPlatform(ppFields("HS-0102", 50_000, "GD4"))).accepted()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void ppReplayIsRefusedWithinAndAfterTheWindow(StoreKind kind) {
        StoreKind.Stores s = open(kind);
        platform(transport, s.payments).startTransaction(request("HS-0103", 50_000));
        PaymentCallbackVerifier verifier = verifier(s.payments, s.replays);
        String genuine = platformMock().signedCallback("HS-0103", true);
        assertThat(verifier.verify(genuine).accepted()).isTrue();
        CLOCK.advance(Duration.ofHours(23));
        assertThat(verifier.verify(genuine).rejection()).contains(CallbackRejection.REPLAYED);
        CLOCK.advance(Duration.ofDays(2));
        assertThat(verifier.verify(genuine).rejection()).contains(CallbackRejection.STALE);
    }

    // ---- rules that need no database ------------------------------------------------------------

    @Test
    void aReplayStoreThatForgetsBeforeTheWindowEndsIsRefused() {
        try (PaymentStore payments = PaymentStore.h2(dir)) {
            ReplayStore shortLived = ReplayStore.inMemory(10, Duration.ofHours(1));
            assertThatThrownBy(() -> verifier(payments, shortLived))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("replayStore"));
            assertThatThrownBy(() -> payGov(transport, payments, shortLived))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("replayStore"));
        }
    }

    @Test
    void aPaymentStoreIsRequiredAndAReferenceCannotBeReusedForAnotherAmount() {
        assertThatThrownBy(() -> PaymentCallbackVerifier.builder().partnerCode("DVC-TEST").hashKey(Secret.of("k")).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("paymentStore"));
        try (PaymentStore payments = PaymentStore.h2(dir)) {
            PaymentPlatformClient client = platform(transport, payments);
            client.startTransaction(request("HS-0104", 50_000));
            assertThatThrownBy(() -> client.startTransaction(request("HS-0104", 70_000)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("payment.reference"));
        }
    }

    @Test
    void refusalsAreLoggedAtWarnWithRemoteTextNeutralisedAndMasked() throws Exception {
        try (PaymentStore payments = PaymentStore.h2(dir);
                LogCapture log = new LogCapture("vn.govsdk.dataexchange.payment", Level.DEBUG)) {
            PaymentCallbackVerifier verifier = verifier(payments, ReplayStore.inMemory(10, RETENTION));
            verifier.verify(ppSignedByPlatform(ppFields("HS-NEVER", 50_000, "GD1")));
            ObjectNode hostile = JSON.createObjectNode().put("MaThamChieu", "079203001234\n<script>x</script>")
                    .put("MaGiaoDich", "GD1").put("MaXacThuc", "00");
            verifier.verify(JSON.writeValueAsString(hostile));
            List<String> warns = log.lines(Level.WARN);
            assertThat(warns).hasSize(2);
            assertThat(warns.get(0)).contains("UNKNOWN_PAYMENT").contains("HS-NEVER");
            assertThat(warns.get(1)).contains("BAD_FORMAT").doesNotContain("<script>").doesNotContain("\n")
                    .doesNotContain("079203001234").contains("079*******34");
        }
    }
}
