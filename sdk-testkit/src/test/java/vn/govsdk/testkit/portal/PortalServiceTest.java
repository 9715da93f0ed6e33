package vn.govsdk.testkit.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.Http;
import vn.govsdk.testkit.MockGovPlatform;

/** The mock portal over raw HTTP, without the client module. */
class PortalServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OkHttpClient http = Http.client();

    private static Http.Result post(OkHttpClient http, URI url, String dstcode, String body) {
        Request.Builder b = new Request.Builder().url(url.toString()).post(RequestBody.create(body, Http.JSON));
        if (dstcode != null) {
            b.header("dstcode", dstcode);
        }
        return Http.execute(http, b.build());
    }

    private String login(MockGovPlatform p) throws Exception {
        Http.Result r = post(http, p.baseUrl("/dvcqg/auth"), PortalService.DSTCODE,
                "{\"username\":\"dvcqg-test\",\"password\":\"dvcqg-test-password\"}");
        return JSON.readTree(r.body()).path("session").asText();
    }

    private JsonNode call(MockGovPlatform p, String path, String session, String rest) throws Exception {
        Http.Result r = post(http, p.baseUrl(path), PortalService.DSTCODE,
                "{\"session\":\"" + session + "\",\"madonvi\":\"000.00.00.H99\"," + rest + "}");
        assertThat(r.status()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void sameSeedSameCatalogueDifferentSeedDifferent() throws Exception {
        String a;
        String b;
        String c;
        try (MockGovPlatform p = MockGovPlatform.builder().seed(5).service(PortalService::new).build()) {
            a = call(p, "/dvcqg/share", login(p), "\"service\":\"LayThuTuc\",\"MaTTHC\":\""
                    + ((PortalService) p.service("/dvcqg").orElseThrow()).procedureCodes().get(3) + "\"").toString();
        }
        try (MockGovPlatform p = MockGovPlatform.builder().seed(5).service(PortalService::new).build()) {
            b = call(p, "/dvcqg/share", login(p), "\"service\":\"LayThuTuc\",\"MaTTHC\":\""
                    + ((PortalService) p.service("/dvcqg").orElseThrow()).procedureCodes().get(3) + "\"").toString();
        }
        String d;
        try (MockGovPlatform p = MockGovPlatform.builder().seed(5).service(PortalService::new).build()) {
            d = call(p, "/dvcqg/share", login(p), "\"service\":\"LayDanhSachTTHC\",\"PageIndex\":1,\"PageSize\":300").toString();
        }
        try (MockGovPlatform p = MockGovPlatform.builder().seed(6).service(PortalService::new).build()) {
            c = call(p, "/dvcqg/share", login(p), "\"service\":\"LayDanhSachTTHC\",\"PageIndex\":1,\"PageSize\":300")
                    .toString();
        }
        assertThat(a).isEqualTo(b).contains("TENTTHC").contains("CACHTHUCTHUCHIEN");
        assertThat(JSON.readTree(d).path("result")).hasSize(PortalService.PROCEDURE_COUNT);
        assertThat(c).isNotEqualTo(d);
        try (MockGovPlatform p = MockGovPlatform.builder().seed(6).service(PortalService::new).build();
                MockGovPlatform q = MockGovPlatform.builder().seed(5).service(PortalService::new).build()) {
            assertThat(((PortalService) p.service("/dvcqg").orElseThrow()).procedureCodes())
                    .hasSize(PortalService.PROCEDURE_COUNT).doesNotHaveDuplicates()
                    .isNotEqualTo(((PortalService) q.service("/dvcqg").orElseThrow()).procedureCodes());
        }
    }

    @Test
    void dstcodeAndSessionAreChecked() throws Exception {
        try (MockGovPlatform p = MockGovPlatform.builder().service(PortalService::new).build()) {
            assertThat(post(http, p.baseUrl("/dvcqg/auth"), null, "{\"username\":\"dvcqg-test\",\"password\":\"dvcqg-test-password\"}")
                    .status()).isEqualTo(403);
            assertThat(post(http, p.baseUrl("/dvcqg/auth"), PortalService.DSTCODE,
                    "{\"username\":\"dvcqg-test\",\"password\":\"wrong\"}").body()).contains("\"error_code\":\"10\"");
            assertThat(post(http, p.baseUrl("/dvcqg/share"), PortalService.DSTCODE,
                    "{\"session\":\"forged\",\"madonvi\":\"X\",\"service\":\"LayDanhMucGioiTinh\"}").status()).isEqualTo(401);
            String session = login(p);
            assertThat(call(p, "/dvcqg/share", session, "\"service\":\"LayDanhMucGioiTinh\"").path("error_code").asText())
                    .isEqualTo("00");
            ((PortalService) p.service("/dvcqg").orElseThrow()).expireSessions();
            assertThat(post(http, p.baseUrl("/dvcqg/share"), PortalService.DSTCODE,
                    "{\"session\":\"" + session + "\",\"madonvi\":\"X\",\"service\":\"LayDanhMucGioiTinh\"}").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void dossierStateIsCheckedForConsistency() throws Exception {
        try (MockGovPlatform p = MockGovPlatform.builder().service(PortalService::new).build()) {
            PortalService portal = (PortalService) p.service("/dvcqg").orElseThrow();
            String s = login(p);
            String procedure = portal.procedureCodes().get(0);
            String dossier = "{\"MaHoSo\":\"HS-1\",\"MaTTHC\":\"" + procedure + "\",\"TenTTHC\":\"T\",\"MaLinhVuc\":\"L\","
                    + "\"TenLinhVuc\":\"L\",\"LoaiDoiTuong\":\"1\",\"TrichYeuHoSo\":\"x\",\"NgayTiepNhan\":\"20250801090000\","
                    + "\"NgayHenTra\":\"20250805090000\",\"TrangThaiHoSo\":\"1\",\"DonViXuLy\":\"U\"}";
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"HS-1\","
                    + "\"NguoiXuLy\":\"A\",\"ThoiDiemXuLy\":\"20250801100000\",\"NoiDungXuLy\":\"x\",\"TrangThai\":\"2\"}]")
                    .path("error_code").asText()).isEqualTo("03");
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"True\",\"data\":["
                    + dossier + "]").path("error_code").asText()).isEqualTo("06");
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"False\",\"data\":["
                    + dossier + "]").path("error_code").asText()).isEqualTo("00");
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"False\",\"data\":["
                    + dossier + "]").path("error_code").asText()).isEqualTo("06");
            // 1 (new) -> 9 (done) skips the workflow.
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"DongBoTrangThaiHoSo\",\"data\":[{\"MaHoSo\":\"HS-1\","
                    + "\"TrangThaiHoSo\":\"9\"}]").path("error_code").asText()).isEqualTo("05");
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"DongBoTrangThaiHoSo\",\"data\":[{\"MaHoSo\":\"HS-1\","
                    + "\"TrangThaiHoSo\":\"2\"}]").path("error_code").asText()).isEqualTo("00");
            assertThat(portal.dossier("HS-1").orElseThrow().statusHistory()).containsExactly(1, 2);
            assertThat(call(p, "/dvcqg/integration", s, "\"service\":\"KhongCo\"").path("error_code").asText()).isEqualTo("02");
            p.reset();
            assertThat(portal.dossier("HS-1")).isEmpty();
        }
    }
}
