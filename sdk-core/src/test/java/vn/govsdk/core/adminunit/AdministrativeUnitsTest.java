package vn.govsdk.core.adminunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govsdk.core.InvalidInputException;

class AdministrativeUnitsTest {

    /**
     * The two tables of shared/domain/provinces.md, copied verbatim, so that the shipped data is
     * checked against the source by an independent path (Markdown here, TSV in the jar).
     */
    private static final String FORMER_TABLE = """
            | 01 | Hà Nội | Hà Nội (01) |
            | 02 | Hà Giang | Tuyên Quang (08) |
            | 04 | Cao Bằng | Cao Bằng (04) |
            | 06 | Bắc Kạn | Thái Nguyên (19) |
            | 08 | Tuyên Quang | Tuyên Quang (08) |
            | 10 | Lào Cai | Lào Cai (15) |
            | 11 | Điện Biên | Điện Biên (11) |
            | 12 | Lai Châu | Lai Châu (12) |
            | 14 | Sơn La | Sơn La (14) |
            | 15 | Yên Bái | Lào Cai (15) |
            | 17 | Hòa Bình | Phú Thọ (25) |
            | 19 | Thái Nguyên | Thái Nguyên (19) |
            | 20 | Lạng Sơn | Lạng Sơn (20) |
            | 22 | Quảng Ninh | Quảng Ninh (22) |
            | 24 | Bắc Giang | Bắc Ninh (24) |
            | 25 | Phú Thọ | Phú Thọ (25) |
            | 26 | Vĩnh Phúc | Phú Thọ (25) |
            | 27 | Bắc Ninh | Bắc Ninh (24) |
            | 30 | Hải Dương | Hải Phòng (31) |
            | 31 | Hải Phòng | Hải Phòng (31) |
            | 33 | Hưng Yên | Hưng Yên (33) |
            | 34 | Thái Bình | Hưng Yên (33) |
            | 35 | Hà Nam | Ninh Bình (37) |
            | 36 | Nam Định | Ninh Bình (37) |
            | 37 | Ninh Bình | Ninh Bình (37) |
            | 38 | Thanh Hóa | Thanh Hóa (38) |
            | 40 | Nghệ An | Nghệ An (40) |
            | 42 | Hà Tĩnh | Hà Tĩnh (42) |
            | 44 | Quảng Bình | Quảng Trị (44) |
            | 45 | Quảng Trị | Quảng Trị (44) |
            | 46 | Thừa Thiên Huế | Huế (46) |
            | 48 | Đà Nẵng | Đà Nẵng (48) |
            | 49 | Quảng Nam | Đà Nẵng (48) |
            | 51 | Quảng Ngãi | Quảng Ngãi (51) |
            | 52 | Bình Định | Gia Lai (52) |
            | 54 | Phú Yên | Đắk Lắk (66) |
            | 56 | Khánh Hòa | Khánh Hòa (56) |
            | 58 | Ninh Thuận | Khánh Hòa (56) |
            | 60 | Bình Thuận | Lâm Đồng (68) |
            | 62 | Kon Tum | Quảng Ngãi (51) |
            | 64 | Gia Lai | Gia Lai (52) |
            | 66 | Đắk Lắk | Đắk Lắk (66) |
            | 67 | Đắk Nông | Lâm Đồng (68) |
            | 68 | Lâm Đồng | Lâm Đồng (68) |
            | 70 | Bình Phước | Đồng Nai (75) |
            | 72 | Tây Ninh | Tây Ninh (80) |
            | 74 | Bình Dương | Hồ Chí Minh (79) |
            | 75 | Đồng Nai | Đồng Nai (75) |
            | 77 | Bà Rịa - Vũng Tàu | Hồ Chí Minh (79) |
            | 79 | Hồ Chí Minh | Hồ Chí Minh (79) |
            | 80 | Long An | Tây Ninh (80) |
            | 82 | Tiền Giang | Đồng Tháp (82) |
            | 83 | Bến Tre | Vĩnh Long (86) |
            | 84 | Trà Vinh | Vĩnh Long (86) |
            | 86 | Vĩnh Long | Vĩnh Long (86) |
            | 87 | Đồng Tháp | Đồng Tháp (82) |
            | 89 | An Giang | An Giang (91) |
            | 91 | Kiên Giang | An Giang (91) |
            | 92 | Cần Thơ | Cần Thơ (92) |
            | 93 | Hậu Giang | Cần Thơ (92) |
            | 94 | Sóc Trăng | Cần Thơ (92) |
            | 95 | Bạc Liêu | Cà Mau (96) |
            | 96 | Cà Mau | Cà Mau (96) |
            """;

    private static final String CURRENT_TABLE = """
            | 01 | Hà Nội (city) | 01 |
            | 04 | Cao Bằng | 04 |
            | 08 | Tuyên Quang | 08, 02 |
            | 11 | Điện Biên | 11 |
            | 12 | Lai Châu | 12 |
            | 14 | Sơn La | 14 |
            | 15 | Lào Cai | 10, 15 |
            | 19 | Thái Nguyên | 19, 06 |
            | 20 | Lạng Sơn | 20 |
            | 22 | Quảng Ninh | 22 |
            | 24 | Bắc Ninh | 27, 24 |
            | 25 | Phú Thọ | 25, 26, 17 |
            | 31 | Hải Phòng (city) | 31, 30 |
            | 33 | Hưng Yên | 33, 34 |
            | 37 | Ninh Bình | 37, 35, 36 |
            | 38 | Thanh Hóa | 38 |
            | 40 | Nghệ An | 40 |
            | 42 | Hà Tĩnh | 42 |
            | 44 | Quảng Trị | 45, 44 |
            | 46 | Huế (city) | 46 |
            | 48 | Đà Nẵng (city) | 48, 49 |
            | 51 | Quảng Ngãi | 51, 62 |
            | 52 | Gia Lai | 64, 52 |
            | 56 | Khánh Hòa | 56, 58 |
            | 66 | Đắk Lắk | 66, 54 |
            | 68 | Lâm Đồng | 68, 67, 60 |
            | 75 | Đồng Nai | 75, 70 |
            | 79 | Hồ Chí Minh (city) | 79, 74, 77 |
            | 80 | Tây Ninh | 72, 80 |
            | 82 | Đồng Tháp | 87, 82 |
            | 86 | Vĩnh Long | 86, 83, 84 |
            | 91 | An Giang | 89, 91 |
            | 92 | Cần Thơ (city) | 92, 93, 94 |
            | 96 | Cà Mau | 96, 95 |
            """;

    private static final Pattern FORMER_ROW = Pattern.compile("\\| (\\d\\d) \\| ([^|]+?) \\| ([^|]+?) \\((\\d\\d)\\) \\|");
    private static final Pattern CURRENT_ROW = Pattern.compile("\\| (\\d\\d) \\| ([^|]+?) \\| ([0-9, ]+) \\|");

    private record ExpectedFormer(String code, String name, String successorName, String successorCode) {
    }

    private record ExpectedCurrent(String code, String name, boolean city, List<String> formedFrom) {
    }

    private static List<ExpectedFormer> expectedFormer() {
        List<ExpectedFormer> rows = new ArrayList<>();
        for (String line : FORMER_TABLE.strip().split("\\n")) {
            Matcher m = FORMER_ROW.matcher(line.strip());
            assertThat(m.matches()).as("row %s", line).isTrue();
            rows.add(new ExpectedFormer(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }

    private static List<ExpectedCurrent> expectedCurrent() {
        List<ExpectedCurrent> rows = new ArrayList<>();
        for (String line : CURRENT_TABLE.strip().split("\\n")) {
            Matcher m = CURRENT_ROW.matcher(line.strip());
            assertThat(m.matches()).as("row %s", line).isTrue();
            String name = m.group(2);
            boolean city = name.endsWith(" (city)");
            rows.add(new ExpectedCurrent(m.group(1), city ? name.substring(0, name.length() - 7) : name, city,
                    List.of(m.group(3).replace(" ", "").split(","))));
        }
        return rows;
    }

    @Test
    void currentListHas34ProvincesWithUniqueTwoDigitCodesInCodeOrder() {
        List<Province> provinces = AdministrativeUnits.provinces();
        assertThat(provinces).hasSize(34);
        List<String> codes = provinces.stream().map(Province::code).toList();
        assertThat(new HashSet<>(codes)).hasSize(34);
        assertThat(codes).allMatch(c -> c.matches("[0-9]{2}")).isSorted();
    }

    @Test
    void formerListHas63ProvincesWithUniqueTwoDigitCodesInCodeOrder() {
        List<FormerProvince> former = AdministrativeUnits.formerProvinces();
        assertThat(former).hasSize(63);
        List<String> codes = former.stream().map(FormerProvince::code).toList();
        assertThat(new HashSet<>(codes)).hasSize(63);
        assertThat(codes).allMatch(c -> c.matches("[0-9]{2}")).isSorted();
    }

    @Test
    void currentProvincesMatchTheSourceTableExactly() {
        List<ExpectedCurrent> expected = expectedCurrent();
        assertThat(expected).hasSize(34);
        assertThat(AdministrativeUnits.provinces()).hasSize(expected.size());
        for (ExpectedCurrent row : expected) {
            Province p = AdministrativeUnits.province(row.code()).orElseThrow();
            assertThat(p.name()).as("name of %s", row.code()).isEqualTo(row.name());
            assertThat(p.kind()).as("kind of %s", row.code())
                    .isEqualTo(row.city() ? ProvinceKind.CITY : ProvinceKind.PROVINCE);
            assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        }
    }

    @Test
    void formerProvincesMatchTheSourceTableExactly() {
        List<ExpectedFormer> expected = expectedFormer();
        assertThat(expected).hasSize(63);
        for (ExpectedFormer row : expected) {
            FormerProvince fp = AdministrativeUnits.formerProvince(row.code()).orElseThrow();
            assertThat(fp.name()).as("name of %s", row.code()).isEqualTo(row.name());
            assertThat(fp.successorCode()).as("successor of %s", row.code()).isEqualTo(row.successorCode());
            assertThat(fp.validUntil()).isEqualTo(LocalDate.of(2025, 6, 30));
            Province successor = AdministrativeUnits.successorOf(fp);
            assertThat(successor.code()).isEqualTo(row.successorCode());
            assertThat(successor.name()).as("successor name of %s", row.code()).isEqualTo(row.successorName());
        }
    }

    @Test
    void everyFormerProvincesSuccessorExists() {
        Set<String> current = AdministrativeUnits.provinces().stream().map(Province::code).collect(Collectors.toSet());
        for (FormerProvince fp : AdministrativeUnits.formerProvinces()) {
            assertThat(current).as("successor of %s", fp.code()).contains(fp.successorCode());
            assertThat(AdministrativeUnits.successorOf(fp).code()).isEqualTo(fp.successorCode());
        }
    }

    @Test
    void formedFromMatchesTheSourceTableForEveryCurrentProvince() {
        for (ExpectedCurrent row : expectedCurrent()) {
            Province p = AdministrativeUnits.province(row.code()).orElseThrow();
            List<String> actual = AdministrativeUnits.formedFrom(p).stream().map(FormerProvince::code).toList();
            assertThat(actual).as("formed from of %s", row.code())
                    .containsExactlyElementsOf(row.formedFrom().stream().sorted().toList());
        }
    }

    @Test
    void everyFormerProvinceIsPartOfExactlyOneCurrentProvince() {
        Map<String, String> owner = new LinkedHashMap<>();
        for (Province p : AdministrativeUnits.provinces()) {
            for (FormerProvince part : AdministrativeUnits.formedFrom(p)) {
                assertThat(owner.put(part.code(), p.code())).as("%s listed twice", part.code()).isNull();
                assertThat(part.successorCode()).isEqualTo(p.code());
            }
        }
        assertThat(owner).hasSize(63);
    }

    @Test
    void sixCentrallyRunCities() {
        List<String> cities = AdministrativeUnits.provinces().stream()
                .filter(p -> p.kind() == ProvinceKind.CITY).map(Province::name).toList();
        assertThat(cities).containsExactly("Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");
    }

    @Test
    void binhDuongBecamePartOfHoChiMinhCity() {
        FormerProvince binhDuong = AdministrativeUnits.formerProvince("74").orElseThrow();
        assertThat(binhDuong.name()).isEqualTo("Bình Dương");
        Province hcm = AdministrativeUnits.successorOf(binhDuong);
        assertThat(hcm.code()).isEqualTo("79");
        assertThat(hcm.name()).isEqualTo("Hồ Chí Minh");
        assertThat(hcm.kind()).isEqualTo(ProvinceKind.CITY);
        assertThat(AdministrativeUnits.formedFrom(hcm)).extracting(FormerProvince::name)
                .containsExactly("Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh");
        assertThat(AdministrativeUnits.province("74")).isEmpty();
    }

    @Test
    void theWidelyCopiedWrongCodesAreNotCurrentCodes() {
        // The list that keeps the "main" province's old code gives these; the official codes differ.
        Map<String, String> wrongToRight = Map.of(
                "10", "15", // Lào Cai
                "27", "24", // Bắc Ninh
                "45", "44", // Quảng Trị
                "64", "52", // Gia Lai
                "72", "80", // Tây Ninh
                "87", "82", // Đồng Tháp
                "89", "91"); // An Giang
        wrongToRight.forEach((wrong, right) -> {
            assertThat(AdministrativeUnits.province(wrong)).as("current code %s", wrong).isEmpty();
            FormerProvince former = AdministrativeUnits.formerProvince(wrong).orElseThrow();
            Province official = AdministrativeUnits.province(right).orElseThrow();
            assertThat(official.name()).isEqualTo(former.name());
            assertThat(AdministrativeUnits.successorOf(former)).isEqualTo(official);
        });
    }

    @Test
    void lookupsAcceptTheCitizenIdFormWithALeadingZero() {
        assertThat(AdministrativeUnits.province("079")).isEqualTo(AdministrativeUnits.province("79")).isPresent();
        assertThat(AdministrativeUnits.province("001").orElseThrow().name()).isEqualTo("Hà Nội");
        assertThat(AdministrativeUnits.formerProvince("074")).isEqualTo(AdministrativeUnits.formerProvince("74"))
                .isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "99", "03", "099", "000"})
    void unknownWellFormedCodesGiveEmpty(String code) {
        assertThat(AdministrativeUnits.province(code)).isEmpty();
        assertThat(AdministrativeUnits.formerProvince(code)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "7", "7a", "179", "0790", "25942", " 79", "79 ", "\u0667\u0669", "+79"})
    void malformedCodesAreRefusedNamingTheField(String code) {
        assertThatThrownBy(() -> AdministrativeUnits.province(code))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("provinceCode"));
        assertThatThrownBy(() -> AdministrativeUnits.formerProvince(code))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("formerProvinceCode"));
    }

    @Test
    void refusedLookupDoesNotEchoALongValue() {
        assertThatThrownBy(() -> AdministrativeUnits.province("079203012345"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("provinceCode must be 2 digits, or 3 digits with a leading 0 as in a citizen ID, got 12 characters");
        assertThatThrownBy(() -> AdministrativeUnits.province("179"))
                .hasMessageEndingWith("got \"179\"");
    }

    @Test
    void currentProvinceOfReadsTheCodeInTheListInForceOnTheDate() {
        LocalDate before = LocalDate.of(2025, 6, 30);
        LocalDate from = LocalDate.of(2025, 7, 1);
        assertThat(AdministrativeUnits.currentProvinceOf("74", before).orElseThrow().code()).isEqualTo("79");
        assertThat(AdministrativeUnits.currentProvinceOf("74", from)).isEmpty();
        // 24 was Bắc Giang before and is Bắc Ninh now: same answer by two routes.
        assertThat(AdministrativeUnits.currentProvinceOf("24", LocalDate.of(2020, 1, 1)).orElseThrow().name())
                .isEqualTo("Bắc Ninh");
        assertThat(AdministrativeUnits.currentProvinceOf("27", LocalDate.of(2020, 1, 1)).orElseThrow().code())
                .isEqualTo("24");
        assertThat(AdministrativeUnits.currentProvinceOf("27", from)).isEmpty();
        // 52 was Bình Định, now Gia Lai; 64 was Gia Lai, now not a code.
        assertThat(AdministrativeUnits.currentProvinceOf("052", before).orElseThrow().name()).isEqualTo("Gia Lai");
        assertThat(AdministrativeUnits.currentProvinceOf("64", before).orElseThrow().code()).isEqualTo("52");
        assertThat(AdministrativeUnits.currentProvinceOf("64", LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(AdministrativeUnits.currentProvinceOf("99", before)).isEmpty();
        assertThatThrownBy(() -> AdministrativeUnits.currentProvinceOf("79", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void successorOfAndFormedFromRefuseCodesOutsideTheCatalogue() {
        FormerProvince bogus = new FormerProvince("98", "Nowhere", "97", LocalDate.of(2025, 6, 30));
        assertThatThrownBy(() -> AdministrativeUnits.successorOf(bogus))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("former.successorCode"))
                .hasMessageContaining("97");
        Province unknown = new Province("97", "Nowhere", ProvinceKind.PROVINCE, LocalDate.of(2025, 7, 1));
        assertThatThrownBy(() -> AdministrativeUnits.formedFrom(unknown))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("province.code"));
        assertThatThrownBy(() -> AdministrativeUnits.successorOf(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AdministrativeUnits.formedFrom(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void formedFromMatchesByCodeForAnEqualValueBuiltByTheCaller() {
        Province hue = new Province("46", "Huế", ProvinceKind.CITY, LocalDate.of(2025, 7, 1));
        assertThat(hue).isEqualTo(AdministrativeUnits.province("46").orElseThrow());
        assertThat(AdministrativeUnits.formedFrom(hue)).extracting(FormerProvince::name).containsExactly("Thừa Thiên Huế");
    }

    @Test
    void dataVersionNamesTheDecisionAndDate() {
        assertThat(AdministrativeUnits.dataVersion()).isEqualTo("19/2025/QĐ-TTg, effective 2025-07-01");
        assertThat(AdministrativeUnits.currentListEffectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    }

    @Test
    void listsAreImmutable() {
        Province first = AdministrativeUnits.provinces().get(0);
        FormerProvince firstFormer = AdministrativeUnits.formerProvinces().get(0);
        assertThatThrownBy(() -> AdministrativeUnits.provinces().add(first))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> AdministrativeUnits.formerProvinces().remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> AdministrativeUnits.formedFrom(first).add(firstFormer))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void namesAreNfcWithDiacriticsAndNoStraySpaces() {
        List<String> names = new ArrayList<>();
        AdministrativeUnits.provinces().forEach(p -> names.add(p.name()));
        AdministrativeUnits.formerProvinces().forEach(p -> names.add(p.name()));
        for (String name : names) {
            assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name).isTrue();
            assertThat(name).isEqualTo(name.strip()).doesNotContain("  ").doesNotContain("\t");
        }
        assertThat(AdministrativeUnits.formerProvince("46").orElseThrow().name()).isEqualTo("Thừa Thiên Huế");
        assertThat(AdministrativeUnits.province("66").orElseThrow().name()).isEqualTo("Đắk Lắk");
    }

    @Test
    void recordsCheckTheShapeOfTheirComponents() {
        LocalDate d = LocalDate.of(2025, 7, 1);
        assertThatThrownBy(() -> new Province("7", "X", ProvinceKind.PROVINCE, d))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> new Province("079", "X", ProvinceKind.PROVINCE, d))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Province("79", " ", ProvinceKind.PROVINCE, d))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new Province("79", "X", null, d)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Province("79", "X", ProvinceKind.CITY, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FormerProvince("74", "X", "7", d))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("successorCode"));
        assertThatThrownBy(() -> new FormerProvince(null, "X", "79", d))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
        assertThatThrownBy(() -> new FormerProvince("74", "X", "79", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void provinceKindCarriesTheVietnameseTerm() {
        assertThat(ProvinceKind.CITY.vietnameseTerm()).isEqualTo("thành phố trực thuộc trung ương");
        assertThat(ProvinceKind.PROVINCE.vietnameseTerm()).isEqualTo("tỉnh");
    }
}
