package vn.govsdk.testkit.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.Http;
import vn.govsdk.testkit.MockGovPlatform;

/** The payment mocks over raw HTTP, checksums computed here independently. */
class PaymentMocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = Http.client();

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String init(String ref, String key) throws Exception {
        String t = "20250910100000";
        String sum = sha256(String.join("|", "PAY", "1.0.0", "DVC-TEST", ref, "1000", "1", "1", "1", "vi", "VND", "",
                "x", t, "127.0.0.1", key));
        return "{\"LoaiBanTin\":\"PAY\",\"PhienBan\":\"1.0.0\",\"MaDoiTac\":\"DVC-TEST\",\"MaThamChieu\":\"" + ref
                + "\",\"SoTien\":\"1000\",\"LoaiHinhThanhToan\":\"1\",\"MaKenhThanhToan\":\"1\",\"MaThietBi\":\"1\","
                + "\"NgonNgu\":\"vi\",\"MaTienTe\":\"VND\",\"MaNganHang\":\"\",\"ThongTinGiaoDich\":\"x\",\"ThoiGianGD\":\"" + t
                + "\",\"Ip\":\"127.0.0.1\",\"MaXacThuc\":\"" + sum + "\"}";
    }

    @Test
    void ppdvcqgChecksTheChecksumAndSignsItsCallback() throws Exception {
        try (MockGovPlatform p = MockGovPlatform.builder().service(PaymentPlatformService::new).build()) {
            PaymentPlatformService mock = (PaymentPlatformService) p.service("/ppdvcqg").orElseThrow();
            URI init = p.baseUrl("/ppdvcqg/inittransaction");
            assertThat(JSON.readTree(Http.post(http, init, init("R1", "wrong")).body()).path("MaLoi").asText()).isEqualTo("97");
            JsonNode ok = JSON.readTree(Http.post(http, init, init("R1", PaymentPlatformService.HASH_KEY)).body());
            assertThat(ok.path("MaLoi").asText()).isEqualTo("00");
            assertThat(ok.path("UrlThanhToan").asText()).endsWith("/ppdvcqg/pay/R1");
            assertThat(JSON.readTree(Http.post(http, init, init("R1", PaymentPlatformService.HASH_KEY)).body())
                    .path("MaLoi").asText()).isEqualTo("04");

            JsonNode cb = JSON.readTree(mock.signedCallback("R1", true));
            String expected = sha256(String.join("|", cb.path("LoaiBanTin").asText(), "00", "DVC-TEST", "R1", "1000", "VND",
                    cb.path("MaGiaoDich").asText(), cb.path("MaNganHang").asText(), cb.path("ThoiGianGD").asText(), "x",
                    PaymentPlatformService.HASH_KEY));
            assertThat(cb.path("MaXacThuc").asText()).isEqualTo(expected);
            assertThat(JSON.readTree(mock.signedCallback("R1", true)).path("MaGiaoDich").asText())
                    .isNotEqualTo(cb.path("MaGiaoDich").asText());
            assertThatThrownBy(() -> mock.citizenPaid("R1", URI.create("http://example.com/cb")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
            assertThat(Http.post(http, p.baseUrl("/ppdvcqg/__admin/callback"),
                    "{\"MaThamChieu\":\"R1\",\"callbackUrl\":\"http://10.0.0.1/cb\"}").status()).isEqualTo(400);
        }
    }

    @Test
    void paygovRequiresBearerAndLgspHeaderAndChecksum() throws Exception {
        try (MockGovPlatform p = MockGovPlatform.builder().service(PayGovService::new).build()) {
            assertThat(Http.post(http, p.baseUrl("/paygov/payment-url"), "{}").status()).isEqualTo(401);
            String lgsp = java.util.Base64.getEncoder().encodeToString(
                    ("{\"AccessKey\":\"" + PayGovService.ACCESS_KEY + "\"}").getBytes(StandardCharsets.UTF_8));
            Http.Result token = Http.execute(http, new okhttp3.Request.Builder().url(p.baseUrl("/paygov/token").toString())
                    .header("lgspaccesstoken", lgsp).post(new okhttp3.FormBody.Builder().add("grant_type", "client_credentials")
                            .add("client_id", PayGovService.CLIENT_ID).add("client_secret", PayGovService.CLIENT_SECRET).build())
                    .build());
            String bearer = JSON.readTree(token.body()).path("access_token").asText();
            assertThat(bearer).startsWith("paygov-token-");
            String sum = sha256(PayGovService.SECRET_KEY + PayGovService.ACCESS_KEY + PayGovService.PARTNER_CODE
                    + "U-1-01" + "RQ" + "5000");
            String body = "{\"partnerCode\":\"PAYGOV-TEST\",\"orderId\":\"U-1-01\",\"amount\":\"5000\",\"orderInfo\":\"Le phi\","
                    + "\"requestCode\":\"RQ\",\"accessKey\":\"" + PayGovService.ACCESS_KEY + "\",\"checksum\":\"%s\"}";
            okhttp3.Request.Builder req = new okhttp3.Request.Builder().url(p.baseUrl("/paygov/payment-url").toString())
                    .header("Authorization", "Bearer " + bearer).header("lgspaccesstoken", lgsp);
            assertThat(Http.execute(http, req.post(okhttp3.RequestBody.create(body.formatted("00"), Http.JSON)).build()).body())
                    .contains("\"97\"");
            assertThat(Http.execute(http, req.post(okhttp3.RequestBody.create(body.formatted(sum), Http.JSON)).build()).body())
                    .contains("/paygov/pay/U-1-01");
            PayGovService mock = (PayGovService) p.service("/paygov").orElseThrow();
            JsonNode cb = JSON.readTree(mock.signedCallback("U-1-01", false));
            assertThat(cb.path("errorCode").asText()).isEqualTo("24");
            assertThat(cb.path("checksum").asText()).isEqualTo(sha256(PayGovService.SECRET_KEY + PayGovService.ACCESS_KEY
                    + PayGovService.PARTNER_CODE + "U-1-01" + "RQ" + "5000" + "24" + cb.path("transactionNo").asText()));
        }
    }
}
