package vn.govsdk.testkit.data.internal;

import java.util.List;
import java.util.Set;

/**
 * Vietnamese name, ethnicity and street lists with realistic sampling weights. Family-name weights
 * follow the commonly cited shares (Nguyễn about 38%, Trần 11%, Lê 9.5%, ...); Hoàng and Vũ are
 * written Huỳnh and Võ more often in the south, so those two are resolved by region.
 */
public final class NameTables {
    private NameTables() {
    }

    /** Marker for the family name written Hoàng in the north and Huỳnh in the south. */
    static final String HOANG_HUYNH = "Hoàng|Huỳnh";
    /** Marker for the family name written Vũ in the north and Võ in the south. */
    static final String VU_VO = "Vũ|Võ";

    static final WeightedList<String> FAMILY = WeightedList.<String>builder()
            .add("Nguyễn", 38.4).add("Trần", 11.0).add("Lê", 9.5).add("Phạm", 7.1).add(HOANG_HUYNH, 5.1)
            .add("Phan", 4.5).add(VU_VO, 3.9).add("Đặng", 2.1).add("Bùi", 2.0).add("Đỗ", 1.4).add("Hồ", 1.3)
            .add("Ngô", 1.3).add("Dương", 1.0).add("Lý", 0.5).add("Đinh", 0.8).add("Trương", 0.7)
            .add("Đoàn", 0.6).add("Lâm", 0.5).add("Mai", 0.5).add("Trịnh", 0.5).add("Hà", 0.5).add("Lương", 0.4)
            .add("Cao", 0.4).add("Tạ", 0.3).add("Lưu", 0.3).add("Châu", 0.2).add("Tô", 0.2).add("Thái", 0.2)
            .add("Triệu", 0.2).add("Chu", 0.2).add("Kiều", 0.1).add("Quách", 0.1).add("La", 0.1)
            .build();

    /**
     * Resolves the regional spelling of a family name: the south writes Huỳnh and Võ.
     *
     * @param drawn the drawn family name
     * @param birthProvinceCode the earlier two-digit code of the birth province
     * @param rng the random source
     * @return the family name as written
     */
    static String regional(String drawn, String birthProvinceCode, SplitMix64 rng) {
        if (!drawn.contains("|")) {
            return drawn;
        }
        int code = Integer.parseInt(birthProvinceCode);
        double south = code <= 42 ? 0.08 : code <= 62 ? 0.6 : 0.85;
        String[] two = drawn.split("\\|");
        return rng.chance(south) ? two[1] : two[0];
    }

    static final WeightedList<String> MIDDLE_MALE_OLDER = WeightedList.<String>builder()
            .add("Văn", 50).add("Hữu", 7).add("Đức", 7).add("Minh", 6).add("Quang", 5).add("Công", 4)
            .add("Xuân", 4).add("Đình", 4).add("Ngọc", 3).add("Thanh", 3).add("Quốc", 3).add("Trọng", 2)
            .add("Mạnh", 1).add("Bá", 1)
            .build();
    static final WeightedList<String> MIDDLE_MALE_YOUNGER = WeightedList.<String>builder()
            .add("Minh", 14).add("Văn", 12).add("Đức", 10).add("Gia", 8).add("Quang", 7).add("Hoàng", 7)
            .add("Anh", 6).add("Tuấn", 5).add("Hữu", 5).add("Thành", 5).add("Bảo", 5).add("Đăng", 5)
            .add("Khánh", 4).add("Nhật", 4).add("Trung", 3)
            .build();
    static final WeightedList<String> MIDDLE_FEMALE_OLDER = WeightedList.<String>builder()
            .add("Thị", 62).add("Ngọc", 7).add("Thanh", 6).add("Thu", 6).add("Kim", 5).add("Hồng", 4)
            .add("Minh", 3).add("Phương", 3).add("Bích", 2).add("Thị Thu", 1).add("Thị Thanh", 1)
            .build();
    static final WeightedList<String> MIDDLE_FEMALE_YOUNGER = WeightedList.<String>builder()
            .add("Thị", 18).add("Ngọc", 10).add("Thu", 8).add("Phương", 8).add("Minh", 7).add("Bảo", 7)
            .add("Khánh", 6).add("Mai", 5).add("Thanh", 5).add("Diệu", 4).add("Hà", 4).add("Quỳnh", 4)
            .add("Như", 4).add("Thảo", 3).add("Thị Thu", 2).add("Hoài", 3)
            .build();

    static final WeightedList<String> GIVEN_MALE = uniform(List.of(
            "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
            "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong",
            "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thái", "Thắng", "Thành", "Thịnh", "Tiến", "Toàn", "Trí",
            "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hiển"));
    static final WeightedList<String> GIVEN_FEMALE = uniform(List.of(
            "An", "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương",
            "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhi", "Nhung", "Oanh",
            "Phương", "Quỳnh", "Tâm", "Thảo", "Thư", "Thủy", "Trang", "Trâm", "Trinh", "Tuyết", "Uyên", "Vân",
            "Vy", "Yến"));

    private static final Set<String> NORTH_MOUNTAINS =
            Set.of("02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20");
    private static final Set<String> HIGHLANDS = Set.of("62", "64", "66", "67", "68");
    private static final Set<String> KHMER_DELTA = Set.of("84", "89", "91", "94", "95");
    private static final Set<String> CHAM_COAST = Set.of("58", "60");
    private static final Set<String> THANH_NGHE = Set.of("38", "40");

    private static final WeightedList<String> ETHNIC_NORTH_MOUNTAINS = WeightedList.<String>builder()
            .add("Kinh", 45).add("Tày", 14).add("Thái", 10).add("H'Mông", 10).add("Nùng", 8).add("Mường", 6)
            .add("Dao", 6).add("Sán Chay", 1).build();
    private static final WeightedList<String> ETHNIC_HIGHLANDS = WeightedList.<String>builder()
            .add("Kinh", 65).add("Gia Rai", 12).add("Ê Đê", 9).add("Ba Na", 6).add("Xơ Đăng", 4).add("Cơ Ho", 4)
            .build();
    private static final WeightedList<String> ETHNIC_KHMER_DELTA = WeightedList.<String>builder()
            .add("Kinh", 85).add("Khmer", 13).add("Hoa", 2).build();
    private static final WeightedList<String> ETHNIC_CHAM_COAST = WeightedList.<String>builder()
            .add("Kinh", 85).add("Chăm", 10).add("Raglai", 5).build();
    private static final WeightedList<String> ETHNIC_THANH_NGHE = WeightedList.<String>builder()
            .add("Kinh", 85).add("Thái", 8).add("Mường", 7).build();
    private static final WeightedList<String> ETHNIC_HCM = WeightedList.<String>builder()
            .add("Kinh", 93).add("Hoa", 7).build();
    private static final WeightedList<String> ETHNIC_ELSEWHERE = WeightedList.<String>builder()
            .add("Kinh", 98).add("Hoa", 1).add("Mường", 1).build();

    /**
     * Draws an ethnic group (dân tộc) for a person born in a province.
     *
     * @param birthProvinceCode the earlier two-digit code
     * @param rng the random source
     * @return the ethnic group
     */
    static String ethnicity(String birthProvinceCode, SplitMix64 rng) {
        WeightedList<String> list;
        if (NORTH_MOUNTAINS.contains(birthProvinceCode)) {
            list = ETHNIC_NORTH_MOUNTAINS;
        } else if (HIGHLANDS.contains(birthProvinceCode)) {
            list = ETHNIC_HIGHLANDS;
        } else if (KHMER_DELTA.contains(birthProvinceCode)) {
            list = ETHNIC_KHMER_DELTA;
        } else if (CHAM_COAST.contains(birthProvinceCode)) {
            list = ETHNIC_CHAM_COAST;
        } else if (THANH_NGHE.contains(birthProvinceCode)) {
            list = ETHNIC_THANH_NGHE;
        } else if (birthProvinceCode.equals("79")) {
            list = ETHNIC_HCM;
        } else {
            list = ETHNIC_ELSEWHERE;
        }
        return list.pick(rng);
    }

    static final List<String> STREETS = List.of(
            "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Nguyễn Trãi",
            "Lê Duẩn", "Điện Biên Phủ", "Hùng Vương", "Phan Chu Trinh", "Nguyễn Du", "Lê Thánh Tông",
            "Nguyễn Thị Minh Khai", "Phan Đình Phùng", "Trần Phú", "Bà Triệu", "Ngô Quyền", "Lê Hồng Phong",
            "Võ Thị Sáu", "Nguyễn Văn Cừ", "Cách Mạng Tháng Tám", "Hoàng Diệu", "Tôn Đức Thắng", "Nguyễn Đình Chiểu",
            "Pasteur", "Lý Tự Trọng", "Phạm Ngũ Lão", "Chu Văn An", "Kim Mã");

    static final List<String> WARD_SYLLABLES = List.of(
            "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Phước", "Thịnh", "Hưng", "Đông", "Tây", "Mỹ",
            "Trung", "Vĩnh", "Thuận", "Lộc", "Hiệp", "Quang", "Minh", "Đức", "Thái", "Xuân", "Hải", "Sơn",
            "Thành", "Nghĩa", "Lợi", "Hạnh", "Khánh");

    private static WeightedList<String> uniform(List<String> values) {
        WeightedList.Builder<String> b = WeightedList.builder();
        values.forEach(v -> b.add(v, 1));
        return b.build();
    }
}
