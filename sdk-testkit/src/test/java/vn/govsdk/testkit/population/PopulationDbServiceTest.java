package vn.govsdk.testkit.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.Http;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticCitizen;

/** The mock population database on the wire, without the client. */
class PopulationDbServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:04:05Z");
    private final MockGovPlatform platform = MockGovPlatform.builder().seed(3)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).service(PopulationDbService::new).build();
    private final OkHttpClient http = Http.client();

    @AfterEach
    void close() {
        platform.close();
    }

    private static String request(String op, String inner) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:dan=\"http://dancuquocgia.bca\">"
                + "<soapenv:Header/><soapenv:Body><dan:" + op + ">" + inner + "</dan:" + op + "></soapenv:Body></soapenv:Envelope>";
    }

    private static String caller() {
        return "<dan:MaYeuCau>r1</dan:MaYeuCau><dan:MaDVC>VPCP</dan:MaDVC><dan:MaTichHop>037</dan:MaTichHop>"
                + "<dan:MaCanBo>cb</dan:MaCanBo>";
    }

    private Http.Result direct(String body, long timestampMillis, String secret) {
        URI url = platform.baseUrl(PopulationDbService.DIRECT_PATH);
        String ts = Long.toString(timestampMillis);
        String password = sha256(url + PopulationDbService.DIRECT_USERNAME + ts + secret);
        Request request = new Request.Builder().url(url.toString())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (PopulationDbService.DIRECT_USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Timestamp", ts).header("X-Road-Client", PopulationDbService.X_ROAD_CLIENT)
                .post(RequestBody.create(body, MediaType.get("text/xml; charset=utf-8"))).build();
        return Http.execute(http, request);
    }

    private Http.Result direct(String body) {
        return direct(body, NOW.toEpochMilli(), PopulationDbService.DIRECT_SECRET_KEY);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersALookupFromTheSyntheticCitizens() {
        SyntheticCitizen c = platform.data().citizen(10);
        Http.Result r = direct(request("TraCuuThongTinCongDan", caller() + "<dan:SoDinhDanh>" + c.citizenId() + "</dan:SoDinhDanh>"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<ns1:SoDinhDanh>" + c.citizenId() + "</ns1:SoDinhDanh>")
                .contains("<ns1:HoVaTen>" + c.fullNameUpperCase() + "</ns1:HoVaTen>")
                .contains("<ns1:MaYeuCau>r1</ns1:MaYeuCau>");
    }

    @Test
    void refusesElementsOutOfOrderWithAFaultSayingSo() {
        SyntheticCitizen c = platform.data().citizen(10);
        String swapped = "<dan:MaDVC>VPCP</dan:MaDVC><dan:MaYeuCau>r1</dan:MaYeuCau><dan:MaTichHop>037</dan:MaTichHop>"
                + "<dan:MaCanBo>cb</dan:MaCanBo><dan:SoDinhDanh>" + c.citizenId() + "</dan:SoDinhDanh>";
        Http.Result r = direct(request("TraCuuThongTinCongDan", swapped));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("soapenv:Fault").contains(">C06-002</ns1:MaLoi>")
                .contains("element order: MaYeuCau must come before MaDVC");

        Http.Result late = direct(request("TraCuuThongTinCongDan", caller() + "<dan:HoVaTen>A</dan:HoVaTen>"
                + "<dan:SoDinhDanh>" + c.citizenId() + "</dan:SoDinhDanh>"));
        assertThat(late.body()).contains("C06-002").contains("SoDinhDanh must come before HoVaTen");
    }

    @Test
    void refusesMissingCallerFieldsAndBadIdentifiers() {
        assertThat(direct(request("TraCuuThongTinCongDan", "<dan:MaYeuCau>r1</dan:MaYeuCau><dan:SoDinhDanh>001203012345</dan:SoDinhDanh>"))
                .body()).contains("C06-003").contains("missing element MaDVC");
        assertThat(direct(request("TraCuuThongTinCongDan", caller() + "<dan:SoDinhDanh>12345</dan:SoDinhDanh>")).body())
                .contains("C06-003").contains("12 digits");
    }

    @Test
    void refusesARequestWithADtd() {
        Http.Result r = direct("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + request("TraCuuThongTinCongDan", caller() + "<dan:SoDinhDanh>&e;</dan:SoDinhDanh>"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains("C06-001");
    }

    @Test
    void refusesAWrongSignatureAndAStaleTimestamp() {
        String body = request("TraCuuThongTinCongDan", caller() + "<dan:SoDinhDanh>" + platform.data().citizen(1).citizenId()
                + "</dan:SoDinhDanh>");
        Http.Result wrong = direct(body, NOW.toEpochMilli(), "not-the-secret");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("C06-401");
        Http.Result stale = direct(body, NOW.minus(Duration.ofMinutes(6)).toEpochMilli(), PopulationDbService.DIRECT_SECRET_KEY);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.body()).contains("C06-402");
        Http.Result fresh = direct(body, NOW.minus(Duration.ofMinutes(4)).toEpochMilli(), PopulationDbService.DIRECT_SECRET_KEY);
        assertThat(fresh.status()).isEqualTo(200);
        Http.Result seconds = direct(body, NOW.getEpochSecond(), PopulationDbService.DIRECT_SECRET_KEY);
        assertThat(seconds.status()).isEqualTo(200);
    }

    @Test
    void theLgspRouteNeedsAnIssuedTokenAndTheAccessTokenHeader() {
        String access = Base64.getEncoder().encodeToString(("{\"AccessKey\":\"" + PopulationDbService.LGSP_ACCESS_KEY
                + "\",\"SecretKey\":\"" + PopulationDbService.LGSP_SECRET_KEY + "\",\"AppName\":\""
                + PopulationDbService.LGSP_APP_NAME + "\",\"PartnerCode\":\"" + PopulationDbService.LGSP_PARTNER_CODE
                + "\",\"PartnerCodeCus\":\"\"}").getBytes(StandardCharsets.UTF_8));
        Http.Result token = Http.execute(http, new Request.Builder()
                .url(platform.baseUrl(PopulationDbService.LGSP_TOKEN_PATH).toString()).header("lgspaccesstoken", access)
                .post(RequestBody.create("grant_type=client_credentials&client_id=" + PopulationDbService.LGSP_CLIENT_ID
                        + "&client_secret=" + PopulationDbService.LGSP_CLIENT_SECRET,
                        MediaType.get("application/x-www-form-urlencoded"))).build());
        assertThat(token.status()).isEqualTo(200);
        String bearer = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String body = request("TraCuuThongTinCongDan", caller() + "<dan:SoDinhDanh>" + platform.data().citizen(1).citizenId()
                + "</dan:SoDinhDanh>");
        Request.Builder soap = new Request.Builder().url(platform.baseUrl(PopulationDbService.LGSP_PATH).toString())
                .post(RequestBody.create(body, MediaType.get("text/xml")));
        assertThat(Http.execute(http, soap.header("Authorization", "Bearer " + bearer)
                .header("lgspaccesstoken", access).build()).status()).isEqualTo(200);
        assertThat(Http.execute(http, soap.header("Authorization", "Bearer forged").build()).status()).isEqualTo(401);
        assertThat(Http.execute(http, soap.header("Authorization", "Bearer " + bearer).removeHeader("lgspaccesstoken")
                .build()).status()).isEqualTo(401);
    }

    @Test
    void theAsynchronousFlowIsPendingForTheConfiguredPollsThenDone() {
        String submit = direct(request("GuiYeuCauTraCuu", caller() + "<dan:DanhSachCongDan><dan:SoDinhDanh>"
                + platform.data().citizen(2).citizenId() + "</dan:SoDinhDanh></dan:DanhSachCongDan>")).body();
        String handle = submit.replaceAll(".*<ns1:MaYeuCauXuLy>([^<]+)</ns1:MaYeuCauXuLy>.*", "$1");
        String poll = request("GetRequestStatus", caller() + "<dan:MaYeuCauXuLy>" + handle + "</dan:MaYeuCauXuLy>");
        String result = request("GetRequestResult", caller() + "<dan:MaYeuCauXuLy>" + handle + "</dan:MaYeuCauXuLy>");
        assertThat(direct(result).body()).contains("C06-003").contains("not finished");
        for (int i = 0; i < PopulationDbService.POLLS_BEFORE_DONE; i++) {
            assertThat(direct(poll).body()).contains("<ns1:TrangThai>PENDING</ns1:TrangThai>");
        }
        assertThat(direct(poll).body()).contains("<ns1:TrangThai>DONE</ns1:TrangThai>");
        assertThat(direct(result).body()).contains(platform.data().citizen(2).citizenId());
        platform.reset();
        assertThat(direct(poll).body()).contains("C06-004");
    }
}
