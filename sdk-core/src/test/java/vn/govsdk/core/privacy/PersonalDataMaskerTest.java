package vn.govsdk.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What reaches a log line: structure, never a person. The inputs are synthetic. */
class PersonalDataMaskerTest {

    private static final PersonalDataMasker M = PersonalDataMasker.standard();

    @Test
    void secretsAndPersonalFieldsInJsonAreMaskedByName() {
        String body = "{\"MatKhau\":\"hunter2-secret\",\"DiaChi\":\"Số 37 đường Bà Triệu\",\"SoHoChieu\":\"C1234567\","
                + "\"NgaySinh\":\"1978-03-16\",\"DanToc\":\"Kinh\",\"TonGiao\":\"Không\",\"ngaySinh\":\"1955-12-31\","
                + "\"hoTenCha\":\"Nguyễn Văn Phong\",\"hoTenMe\":\"Phan Ngọc Hoa\",\"email\":\"binh@example.vn\","
                + "\"MaHoSo\":\"HS-2025-0001\"}";
        String masked = M.maskText(body);
        assertThat(masked).doesNotContain("hunter2-secret", "Bà Triệu", "C1234567", "1978-03-16", "Kinh", "Không",
                "1955-12-31", "Nguyễn Văn Phong", "Phan Ngọc Hoa", "binh@example.vn");
        assertThat(masked).contains("\"MatKhau\":\"***\"", "\"hoTenCha\":\"N*** V*** P***\"", "\"MaHoSo\":\"HS-2025-0001\"",
                "\"DiaChi\":\"***\"");
    }

    @Test
    void personalFieldsInXmlAreMaskedByNameWithTheirNamespacePrefix() {
        String xml = "<ns1:NgayThangNamSinh><ns1:NgayThangNam>19780316</ns1:NgayThangNam></ns1:NgayThangNamSinh>"
                + "<ns1:ThuongTru>Số 37 đường Bà Triệu, Phường Trung Thạnh, Cao Bằng</ns1:ThuongTru>"
                + "<ns1:NoiOHienTai>Số 37 đường Bà Triệu</ns1:NoiOHienTai><ns1:QueQuan>Cao Bằng</ns1:QueQuan>"
                + "<ns1:DanToc>Kinh</ns1:DanToc><ns1:TonGiao>Phật giáo</ns1:TonGiao><ns1:GioiTinh>Nam</ns1:GioiTinh>";
        String masked = M.maskText(xml);
        assertThat(masked).doesNotContain("19780316", "Bà Triệu", "Cao Bằng", "Kinh", "Phật giáo", ">Nam<");
        assertThat(masked).contains("<ns1:NgayThangNam>***</ns1:NgayThangNam>");
    }

    @Test
    void aNameInAFormOrQueryIsMaskedWholeNotJustItsFirstWord() {
        assertThat(M.maskText("HoVaTen=Nguyễn Văn An&MaHoSo=HS1")).isEqualTo("HoVaTen=N*** V*** A***&MaHoSo=HS1");
        assertThat(M.maskText("lookup HoVaTen=Nguyễn Văn An SoDinhDanh=079203001234"))
                .doesNotContain("Văn", "An S", "079203001234");
        assertThat(M.maskText("?MatKhau=p%40ss&x=1")).isEqualTo("?MatKhau=***&x=1");
    }

    @Test
    void freeTextPatternsAreMaskedWhereverTheyStand() {
        String text = "citizen 079 203 001 234 / 079-203-001-234 called from 0901 234 567, +84 901 234 567 and"
                + " 0901.234.567, wrote to binh.tran@example.vn with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"
                + " and a bare eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln; subject CN=Lê Ngọc Trâm,O=govsdk";
        String masked = M.maskText(text);
        assertThat(masked).doesNotContain("079 203 001 234", "079-203-001-234", "0901 234 567", "901 234 567",
                "0901.234.567", "binh.tran@example.vn", "eyJzdWIiOiIxIn0", "Lê Ngọc Trâm");
        assertThat(masked).contains("079 *** *** *34", "Bearer ***", "b***@example.vn", "CN=L*** N*** T***");
    }

    @Test
    void amountsDatesAndAddressesOfMachinesStayReadable() {
        assertThat(M.maskText("paid 50.000 VND on 2025-09-10 10:00:00 from 127.0.0.1, version 1.0.0"))
                .isEqualTo("paid 50.000 VND on 2025-09-10 10:00:00 from 127.0.0.1, version 1.0.0");
    }

    @Test
    void remoteTextIsCappedAndNeutralised() {
        assertThat(M.maskRemote("x<script>alert(1)</script>\nFAKE LOG LINE")).doesNotContain("<", ">", "\n")
                .contains("\\u003c", "\\u000a");
        assertThat(M.maskRemote("a".repeat(5000))).hasSize(PersonalDataMasker.MAX_REMOTE_TEXT + 1).endsWith("…");
        assertThat(M.maskRemote("evil\u202Etxt.exe")).doesNotContain("\u202E");
        assertThat(M.maskRemote("Nguyễn Văn An 079203001234")).isEqualTo("Nguyễn Văn An 079*******34");
        assertThat(M.maskRemote(null)).isNull();
    }
}
