package vn.govsdk.testkit.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The mock portal's procedure catalogue, generated from the platform seed: same seed, same
 * catalogue. Each procedure is a JSON-ready map with the {@code LayThuTuc} member names.
 */
final class PortalCatalogue {

    private static final String[][] FIELDS = {
        {"G09-TP01", "Hộ tịch", "TP"}, {"G09-TP02", "Chứng thực", "TP"}, {"G09-TNMT01", "Đất đai", "TNMT"},
        {"G09-XD01", "Xây dựng", "XD"}, {"G09-KH01", "Thành lập và hoạt động doanh nghiệp", "KHDT"},
        {"G09-GT01", "Đường bộ", "GTVT"}, {"G09-LD01", "Bảo trợ xã hội", "LDTBXH"},
        {"G09-GD01", "Giáo dục và đào tạo", "GDDT"}, {"G09-YT01", "Khám bệnh, chữa bệnh", "YT"},
        {"G09-CT01", "Công thương", "CT"}, {"G09-VH01", "Văn hóa", "VHTTDL"}, {"G09-NN01", "Trồng trọt", "NNPTNT"},
    };
    private static final String[] ACTIONS = {"Đăng ký", "Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn",
        "Thu hồi", "Xác nhận", "Công nhận", "Thẩm định", "Chấp thuận", "Đăng ký thay đổi"};
    private static final String[] OBJECTS = {"khai sinh", "kết hôn", "khai tử", "giấy chứng nhận quyền sử dụng đất",
        "giấy phép xây dựng", "giấy chứng nhận đăng ký doanh nghiệp", "giấy phép lái xe", "trợ cấp xã hội hằng tháng",
        "văn bằng, chứng chỉ", "giấy phép hoạt động khám bệnh, chữa bệnh", "giấy phép kinh doanh rượu",
        "giấy phép tổ chức lễ hội", "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "thay đổi hộ tịch",
        "nhận cha, mẹ, con", "bản sao từ sổ gốc", "chữ ký trong giấy tờ, văn bản", "hộ kinh doanh"};
    /** The field (index into FIELDS) each object belongs to, so names and fields agree. */
    private static final int[] OBJECT_FIELD = {0, 0, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 0, 1, 1, 4};
    private static final String[] LEVELS = {"Cấp Tỉnh", "Cấp Xã", "Cấp Bộ"};
    private static final String[] UNITS = {"Ngày làm việc", "Ngày"};

    private final List<Map<String, Object>> procedures;
    private final Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();

    PortalCatalogue(long seed, int count) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Map<String, Object>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = (i % 3 == 2 ? "2." : "1.") + String.format("%06d", 1000 + i * 7 + rnd.nextInt(7));
            int object = rnd.nextInt(OBJECTS.length);
            String[] field = FIELDS[OBJECT_FIELD[object]];
            String name = ACTIONS[rnd.nextInt(ACTIONS.length)] + " " + OBJECTS[object];
            String level = LEVELS[rnd.nextInt(LEVELS.length)];
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("MATTHC", code);
            p.put("MATTHCDP", "DP-" + code);
            p.put("TENTTHC", name);
            p.put("TENLINHVUC", field[1]);
            p.put("CAPTHUCHIEN", level);
            p.put("CAPDONVI", level);
            p.put("MACOQUANCONGBO", "G09");
            p.put("LINHVUCTHUCHIEN", List.of(Map.of("MALINHVUC", field[0], "TENLINHVUC", field[1], "MANGANH", field[2])));
            List<Object> channels = new ArrayList<>();
            long fee = 10_000L * (1 + rnd.nextInt(50));
            for (int k = 1; k <= 3; k++) {
                if (k == 1 || rnd.nextInt(3) > 0) {
                    int days = 1 + rnd.nextInt(30);
                    channels.add(Map.of("KENH", String.valueOf(k), "THOIGIAN", List.of(Map.of(
                            "THOIGIANGIAIQUYET", String.valueOf(days), "DONVITINH", UNITS[rnd.nextInt(UNITS.length)],
                            "MOTA", "Trong thời hạn " + days + " ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
                            "PHILEPHI", List.of(Map.of("MAPHILEPHI", "LP-" + code, "SOTIEN", String.format(java.util.Locale.ROOT, "%,d", fee)
                                    .replace(',', '.'), "DONVI", "Đồng", "MOTA", "Lệ phí " + name.toLowerCase(java.util.Locale.ROOT)))))));
                }
            }
            p.put("CACHTHUCTHUCHIEN", channels);
            p.put("THANHPHANHOSO", List.of(Map.of("TRUONGHOP", "Trường hợp chung", "GIAYTO", List.of(
                    Map.of("MAGIAYTO", "GT-" + i + "-1", "TENGIAYTO", "Tờ khai theo mẫu", "URL",
                            "http://localhost/mau/" + code + ".docx", "TENMAUDON", "Mẫu tờ khai " + code),
                    Map.of("MAGIAYTO", "GT-" + i + "-2", "TENGIAYTO", "Bản sao giấy tờ tùy thân", "URL", "",
                            "TENMAUDON", "")))));
            p.put("TRINHTUTHUCHIEN", List.of(Map.of("TRUONGHOP", "Trường hợp chung", "TRINHTU", List.of(
                    Map.of("TENTRINHTU", "Bước 1: Nộp hồ sơ"), Map.of("TENTRINHTU", "Bước 2: Tiếp nhận và kiểm tra hồ sơ"),
                    Map.of("TENTRINHTU", "Bước 3: Giải quyết và trả kết quả")))));
            p.put("CANCUPHAPLY", List.of(Map.of("SOVANBAN", (10 + rnd.nextInt(150)) + "/2024/NĐ-CP",
                    "TENVANBAN", "Nghị định quy định chi tiết lĩnh vực " + field[1].toLowerCase(java.util.Locale.ROOT))));
            p.put("COQUANTHUCHIEN", List.of(Map.of("MADONVI", "000.00.00.H" + (10 + rnd.nextInt(89)),
                    "TENDONVI", "Ủy ban nhân dân " + level.toLowerCase(java.util.Locale.ROOT))));
            p.put("KETQUATHUCHIEN", List.of(Map.of("MAKETQUA", "KQ-" + code, "TENKETQUA", "Giấy " + OBJECTS[i % OBJECTS.length])));
            p.put("YEUCAU", "Không");
            p.put("DOITUONGTHUCHIEN", rnd.nextBoolean() ? "Công dân Việt Nam" : "Tổ chức, doanh nghiệp");
            list.add(p);
            byCode.put(code, p);
        }
        procedures = List.copyOf(list);
    }

    List<Map<String, Object>> all() {
        return procedures;
    }

    Map<String, Object> find(String code) {
        return byCode.get(code);
    }

    static Map<String, Object> summary(Map<String, Object> p) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String k : new String[] {"MATTHC", "TENTTHC", "TENLINHVUC", "CAPTHUCHIEN"}) {
            s.put(k, p.get(k));
        }
        return s;
    }
}
