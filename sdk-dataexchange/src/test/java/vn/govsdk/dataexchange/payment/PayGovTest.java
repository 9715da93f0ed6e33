package vn.govsdk.dataexchange.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.testkit.JournalEntry;
import vn.govsdk.testkit.junit.MockGovPlatformExtension;
import vn.govsdk.testkit.payment.CallbackDelivery;
import vn.govsdk.testkit.payment.PayGovService;

class PayGovTest {

    @RegisterExtension
    static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b.service(PayGovService::new));

    private static final ObjectMapper JSON = new ObjectMapper();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;
    private HttpTransport transport;
    private PaymentStore payments;
    private PayGovClient client;
    private CallbackReceiver receiver;
    private final AtomicReference<PayGovCallbackResult> last = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        transport = HttpTransport.create();
        payments = PaymentStore.h2(dir);
        client = client(PayGovService.SECRET_KEY);
        receiver = new CallbackReceiver(body -> {
            PayGovCallbackResult r = client.verifyCallback(body);
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

    private PayGovClient client(String secret) {
        GatewayAuth auth = PaymentCallbackAttackTest.payGovAuth(MOCK.platform().baseUrl("/paygov/token"));
        return PayGovClient.builder().endpoint(MOCK.platform().baseUrl("/paygov/payment-url")).auth(auth)
                .partnerCode(PayGovService.PARTNER_CODE).accessKey(PayGovService.ACCESS_KEY).secretKey(Secret.of(secret))
                .serviceCode("LEPHI").returnUrl(URI.create("http://localhost/return")).httpClient(transport)
                .paymentStore(payments).build();
    }

    private static PayGovService mock() {
        return (PayGovService) MOCK.platform().service("/paygov").orElseThrow();
    }

    private static PayGovOrder order(String dossierNo, long amount) {
        return new PayGovOrder("000.00.00.H99", dossierNo, amount, "Lệ phí đăng ký khai sinh – hồ sơ " + dossierNo,
                "RQ-" + dossierNo, "127.0.0.1");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requestsThePaymentUrlWithBearerLgspHeaderAndChecksum() throws Exception {
        URI url = client.requestPaymentUrl(order("HS1", 30_000));
        assertThat(url.toString()).endsWith("/paygov/pay/000.00.00.H99-HS1-01");
        JournalEntry call = MOCK.platform().journal().lastTo("/paygov/payment-url").orElseThrow();
        assertThat(call.header("Authorization").orElseThrow()).startsWith("Bearer paygov-token-");
        assertThat(call.header("lgspaccesstoken")).isPresent();
        JsonNode body = JSON.readTree(call.bodyAsString());
        assertThat(body.path("orderId").asText()).isEqualTo("000.00.00.H99-HS1-01");
        assertThat(body.path("orderInfo").asText()).isEqualTo("Le phi dang ky khai sinh  ho so HS1");
        assertThat(body.path("checksum").asText()).isEqualTo(sha256(PayGovService.SECRET_KEY + PayGovService.ACCESS_KEY
                + PayGovService.PARTNER_CODE + "000.00.00.H99-HS1-01" + "RQ-HS1" + "30000"));
    }

    @Test
    void invalidOrderIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.requestPaymentUrl(order("HS1", -5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("order.amountVnd"));
        assertThatThrownBy(() -> client.requestPaymentUrl(order("HS 1", 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("order.dossierNo"));
        assertThat(MOCK.platform().journal().count()).isZero();
    }

    @Test
    void genuineConfirmationIsSuccessfulAndItsReplayFails() {
        client.requestPaymentUrl(order("HS2", 40_000));
        CallbackDelivery d = mock().citizenPaid("000.00.00.H99-HS2-01", receiver.url());
        assertThat(d.reply()).contains("SUCCESSFUL");
        PayGovConfirmation c = last.get().confirmation().orElseThrow();
        assertThat(c.amountVnd()).isEqualTo(40_000);
        assertThat(c.succeeded()).isTrue();

        PayGovCallbackResult replay = client.verifyCallback(d.body());
        assertThat(replay.status()).isEqualTo(PayGovReplyStatus.FAILED);
        assertThat(replay.rejection()).contains(CallbackRejection.REPLAYED);
    }

    @Test
    void failedPaymentAnswersFailed() {
        client.requestPaymentUrl(order("HS3", 40_000));
        CallbackDelivery d = mock().paymentFailed("000.00.00.H99-HS3-01", receiver.url());
        assertThat(d.reply()).contains("\"FAILED\"");
        assertThat(last.get().accepted()).isTrue();
        assertThat(last.get().confirmation().orElseThrow().succeeded()).isFalse();
    }

    @Test
    void alteredForgedAndUnsignedConfirmationsAnswerSignatureWrong() throws Exception {
        client.requestPaymentUrl(order("HS4", 40_000));
        ObjectNode altered = (ObjectNode) JSON.readTree(mock().signedCallback("000.00.00.H99-HS4-01", true));
        altered.put("amount", "400");
        assertThat(client.verifyCallback(JSON.writeValueAsString(altered)).status())
                .isEqualTo(PayGovReplyStatus.SIGNATURE_WRONG);

        PayGovCallbackResult forged = client("attacker-secret").verifyCallback(
                mock().signedCallback("000.00.00.H99-HS4-01", true));
        assertThat(forged.status()).isEqualTo(PayGovReplyStatus.SIGNATURE_WRONG);
        assertThat(forged.rejection()).contains(CallbackRejection.BAD_SIGNATURE);

        ObjectNode unsigned = (ObjectNode) JSON.readTree(mock().signedCallback("000.00.00.H99-HS4-01", true));
        unsigned.remove("checksum");
        PayGovCallbackResult r = client.verifyCallback(JSON.writeValueAsString(unsigned));
        assertThat(r.status()).isEqualTo(PayGovReplyStatus.SIGNATURE_WRONG);
        assertThat(r.rejection()).contains(CallbackRejection.UNSIGNED);
        assertThat(r.replyJson()).isEqualTo("{\"status\":\"SIGNATURE_WRONG\"}");
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(client.toString()).doesNotContain(PayGovService.SECRET_KEY);
    }
}
