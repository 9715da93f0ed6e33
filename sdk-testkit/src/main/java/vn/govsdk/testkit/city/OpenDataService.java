package vn.govsdk.testkit.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.internal.SplitMix64;
import vn.govsdk.testkit.internal.Json;

/**
 * Mock city open-data portal (cổng dữ liệu mở) under {@value #PREFIX}: the CKAN-compatible datastore
 * search in its DKAN form ({@code /api/action/datastore/search.json?resource_id=&limit=&offset=&filters[Field]=})
 * and its CKAN v3 form ({@code /api/3/action/datastore_search?...&filters={json}}), and the catalogue
 * ({@code /api/3/action/package_list}, {@code package_show?id=}).
 *
 * <p>Two datasets are served. {@value #BIG_DATASET} has one resource of {@value #BIG_ROWS} rows of
 * citizen-report statistics generated row by row from the seed when a page is asked for (never held in
 * memory); it can be filtered on {@code ma_phuong} only. {@value #SMALL_DATASET} has one small resource
 * of public Wi-Fi points that can be filtered on any column. Pages hold at most {@value #MAX_LIMIT}
 * records; a larger {@code limit} is clamped, as CKAN does. Thread-safe and stateless.
 */
public final class OpenDataService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/opendata";
    /** The large dataset's name. */
    public static final String BIG_DATASET = "phan-anh-hien-truong-1022";
    /** The small dataset's name. */
    public static final String SMALL_DATASET = "diem-wifi-cong-cong";
    /** The large resource's id (a UUID, as DKAN gives). */
    public static final String BIG_RESOURCE = uuid(BIG_DATASET);
    /** The small resource's id. */
    public static final String SMALL_RESOURCE = uuid(SMALL_DATASET);
    /** Rows in the large resource. */
    public static final long BIG_ROWS = 1_000_000L;
    /** Rows in the small resource. */
    public static final int SMALL_ROWS = 150;
    /** The most records one page holds. */
    public static final int MAX_LIMIT = 1000;

    private static final String[][] WARDS = {
        {"26734", "Phường Sài Gòn"}, {"26737", "Phường Tân Định"}, {"26740", "Phường Bến Thành"},
        {"26743", "Phường Cầu Ông Lãnh"}, {"26758", "Phường Bàn Cờ"}, {"26761", "Phường Xuân Hòa"},
        {"26764", "Phường Nhiêu Lộc"}, {"26767", "Phường Xóm Chiếu"}, {"26770", "Phường Khánh Hội"},
        {"26773", "Phường Vĩnh Hội"}, {"26776", "Phường Chợ Quán"}, {"26779", "Phường An Đông"},
        {"26782", "Phường Chợ Lớn"}, {"26785", "Phường Bình Tây"}, {"26788", "Phường Bình Tiên"},
        {"26791", "Phường Bình Phú"}, {"26794", "Phường Phú Lâm"}, {"26797", "Phường Tân Thuận"},
        {"26800", "Phường Phú Thuận"}, {"26803", "Phường Tân Mỹ"}};
    private static final String[] CATEGORIES = {"Trật tự đô thị", "Vệ sinh môi trường", "Giao thông",
        "Cấp thoát nước", "Chiếu sáng công cộng", "An ninh trật tự", "Cây xanh", "Tiếng ồn"};
    private static final String[] STATUSES = {"Đã tiếp nhận", "Đang xử lý", "Đã xử lý", "Chuyển đơn vị khác"};
    private static final String[] STREETS = {"Nguyễn Huệ", "Lê Lợi", "Hai Bà Trưng", "Điện Biên Phủ",
        "Võ Văn Tần", "Trần Hưng Đạo", "Nguyễn Trãi", "Cách Mạng Tháng Tám", "Lý Thường Kiệt", "Pasteur"};
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private final long seed;
    private final List<Map<String, Object>> small;

    /**
     * Creates the service with tables derived from the platform's seed.
     *
     * @param platform the platform
     */
    public OpenDataService(MockGovPlatform platform) {
        this(platform.seed());
    }

    /**
     * Creates the service with tables derived from a seed.
     *
     * @param seed the seed
     */
    public OpenDataService(long seed) {
        this.seed = seed;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < SMALL_ROWS; i++) {
            SplitMix64 r = SplitMix64.of(seed, 7, i);
            String[] ward = WARDS[r.nextInt(WARDS.length)];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("_id", i + 1);
            row.put("ma_phuong", ward[0]);
            row.put("ten_phuong", ward[1]);
            row.put("ten_diem", "Wi-Fi công cộng " + STREETS[r.nextInt(STREETS.length)] + " " + (i + 1));
            row.put("dia_chi", (1 + r.nextInt(300)) + " " + STREETS[r.nextInt(STREETS.length)] + ", " + ward[1]);
            row.put("vi_do", Math.round((10.70 + r.nextDouble() * 0.12) * 1e6) / 1e6);
            row.put("kinh_do", Math.round((106.62 + r.nextDouble() * 0.12) * 1e6) / 1e6);
            row.put("ngay_lap_dat", START.minusDays(r.nextInt(1500)).toString());
            rows.add(row);
        }
        this.small = List.copyOf(rows);
    }

    /**
     * Returns the ward codes used in the generated tables.
     *
     * @return five-digit ward codes
     */
    public static List<String> wardCodes() {
        List<String> codes = new ArrayList<>();
        for (String[] w : WARDS) {
            codes.add(w[0]);
        }
        return List.copyOf(codes);
    }

    /**
     * Returns one row of the large resource, exactly as served, computed from the seed.
     *
     * @param index the zero-based row index, below {@link #BIG_ROWS}
     * @return the row, column name to value
     */
    public Map<String, Object> bigRow(long index) {
        SplitMix64 r = SplitMix64.of(seed, 1022, index);
        String[] ward = WARDS[(int) (index % WARDS.length)];
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("_id", index + 1);
        row.put("ma_phuong", ward[0]);
        row.put("ten_phuong", ward[1]);
        row.put("ngay", START.plusDays(r.nextInt(365)).toString());
        row.put("linh_vuc", category);
        row.put("trang_thai", STATUSES[r.nextInt(STATUSES.length)]);
        row.put("so_luong", 1 + r.nextInt(50));
        row.put("mo_ta", category + " tại đường " + STREETS[r.nextInt(STREETS.length)] + ", " + ward[1]);
        return row;
    }

    @Override
    public String name() {
        return "City open-data portal (CKAN/DKAN datastore)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (!request.method().equals("GET")) {
            return error(405, "Method Not Allowed", "only GET is served");
        }
        String path = request.path().substring(PREFIX.length());
        try {
            return switch (path) {
                case "/api/action/datastore/search.json" -> search(request, dkanFilters(request));
                case "/api/3/action/datastore_search" -> search(request, ckanFilters(request));
                case "/api/3/action/package_list" -> ok(List.of(BIG_DATASET, SMALL_DATASET));
                case "/api/3/action/package_show" -> packageShow(request);
                default -> error(404, "Not Found Error", "no such action: " + path);
            };
        } catch (IllegalArgumentException e) {
            return error(409, "Validation Error", e.getMessage());
        }
    }

    private MockResponse packageShow(MockRequest request) {
        String id = request.queryParameter("id").orElse("");
        String resource;
        String title;
        String notes;
        if (id.equals(BIG_DATASET) || id.equals(uuid("pkg:" + BIG_DATASET))) {
            resource = BIG_RESOURCE;
            title = "Thống kê phản ánh hiện trường qua đường dây nóng 1022";
            notes = "Số phản ánh theo phường, ngày và lĩnh vực (dữ liệu tổng hợp).";
            id = BIG_DATASET;
        } else if (id.equals(SMALL_DATASET) || id.equals(uuid("pkg:" + SMALL_DATASET))) {
            resource = SMALL_RESOURCE;
            title = "Điểm phát Wi-Fi công cộng";
            notes = "Danh sách điểm phát Wi-Fi miễn phí trên địa bàn thành phố.";
            id = SMALL_DATASET;
        } else {
            return error(404, "Not Found Error", "Not found");
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("id", resource);
        res.put("name", title);
        res.put("format", "CSV");
        res.put("datastore_active", true);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("id", uuid("pkg:" + id));
        pkg.put("name", id);
        pkg.put("title", title);
        pkg.put("notes", notes);
        pkg.put("license_title", "Creative Commons Attribution");
        pkg.put("organization", Map.of("title", "Sở Khoa học và Công nghệ TP. Hồ Chí Minh"));
        pkg.put("metadata_modified", "2025-06-30T08:00:00");
        pkg.put("resources", List.of(res));
        return ok(pkg);
    }

    private MockResponse search(MockRequest request, Map<String, String> filters) {
        String resourceId = request.queryParameter("resource_id").orElse("");
        int limit = (int) Math.min(MAX_LIMIT, number(request, "limit", 100));
        long offset = number(request, "offset", 0);
        List<Map<String, Object>> records = new ArrayList<>();
        long total;
        List<Map<String, String>> fields;
        if (resourceId.equals(BIG_RESOURCE)) {
            fields = fields("_id:int", "ma_phuong:text", "ten_phuong:text", "ngay:date", "linh_vuc:text",
                    "trang_thai:text", "so_luong:int", "mo_ta:text");
            long stride = 1;
            long first = 0;
            total = BIG_ROWS;
            for (String f : filters.keySet()) {
                if (!f.equals("ma_phuong")) {
                    throw new IllegalArgumentException("filters: this resource can be filtered on ma_phuong only");
                }
            }
            String ward = filters.get("ma_phuong");
            if (ward != null) {
                int w = wardCodes().indexOf(ward);
                if (w < 0) {
                    total = 0;
                } else {
                    stride = WARDS.length;
                    first = w;
                    total = (BIG_ROWS - w + WARDS.length - 1) / WARDS.length;
                }
            }
            for (long i = offset; i < Math.min(total, offset + limit); i++) {
                records.add(bigRow(first + i * stride));
            }
        } else if (resourceId.equals(SMALL_RESOURCE)) {
            fields = fields("_id:int", "ma_phuong:text", "ten_phuong:text", "ten_diem:text", "dia_chi:text",
                    "vi_do:numeric", "kinh_do:numeric", "ngay_lap_dat:date");
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> row : small) {
                boolean keep = true;
                for (Map.Entry<String, String> f : filters.entrySet()) {
                    if (!row.containsKey(f.getKey())) {
                        throw new IllegalArgumentException("filters: no such field " + f.getKey());
                    }
                    keep &= String.valueOf(row.get(f.getKey())).equals(f.getValue());
                }
                if (keep) {
                    matching.add(row);
                }
            }
            total = matching.size();
            for (long i = offset; i < Math.min(total, offset + limit); i++) {
                records.add(matching.get((int) i));
            }
        } else {
            return error(404, "Not Found Error", "Resource \"" + resourceId + "\" was not found.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resource_id", resourceId);
        result.put("fields", fields);
        result.put("records", records);
        result.put("limit", limit);
        result.put("offset", offset);
        result.put("total", total);
        return ok(result);
    }

    private static Map<String, String> dkanFilters(MockRequest request) {
        Map<String, String> filters = new LinkedHashMap<>();
        request.query().forEach((k, v) -> {
            if (k.startsWith("filters[") && k.endsWith("]") && !v.isEmpty()) {
                filters.put(k.substring(8, k.length() - 1), v.get(0));
            }
        });
        return filters;
    }

    private static Map<String, String> ckanFilters(MockRequest request) {
        Optional<String> json = request.queryParameter("filters");
        Map<String, String> filters = new LinkedHashMap<>();
        if (json.isPresent()) {
            JsonNode node;
            try {
                node = Json.read(json.get());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("filters: not a JSON object");
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("filters: not a JSON object");
            }
            node.fields().forEachRemaining(e -> filters.put(e.getKey(), e.getValue().asText()));
        }
        return filters;
    }

    private static long number(MockRequest request, String name, long fallback) {
        Optional<String> v = request.queryParameter(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < 0) {
                throw new IllegalArgumentException(name + ": must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number");
        }
    }

    private static List<Map<String, String>> fields(String... specs) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String s : specs) {
            String[] p = s.split(":");
            out.add(Map.of("id", p[0], "type", p[1]));
        }
        return out;
    }

    private static MockResponse ok(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", "https://opendata.hochiminhcity.gov.vn/api/3/action/help_show");
        body.put("success", true);
        body.put("result", result);
        return MockResponse.json(200, Json.write(body));
    }

    private static MockResponse error(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", Map.of("__type", type, "message", message));
        return MockResponse.json(status, Json.write(body));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("govsdk-opendata:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
