package vn.govsdk.testkit.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.internal.SplitMix64;
import vn.govsdk.testkit.internal.Json;

/**
 * Mock city hotline 1022 citizen-feedback service (phản ánh kiến nghị), published through a WSO2-style
 * gateway under {@value #PREFIX}: {@code POST /lgsp-1022/token}, then {@code POST 1022/1.0/phanAnh} to
 * submit a report, {@code GET 1022/1.0/phanAnh/{id}} to follow it, {@code GET 1022/1.0/phanAnh?maPhuong=&page=&size=}
 * to list an area's reports. Unknown ward codes are refused (422), and so is a reporter's citizen ID
 * that is not one of the synthetic citizens. A report moves one state per status
 * read ({@code DA_TIEP_NHAN → DANG_XU_LY → DA_XU_LY}), never by time. {@value #SEEDED} reports are
 * seeded from the seed over {@link OpenDataService#wardCodes()}. See {@code docs/contracts/citizen-feedback-1022.md}.
 */
public final class CitizenFeedbackService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/lgsp-1022";
    /** The token endpoint. */
    public static final String TOKEN_PATH = PREFIX + "/token";
    /** The reports resource. */
    public static final String REPORTS_PATH = PREFIX + "/1022/1.0/phanAnh";
    /** The client id accepted (synthetic). */
    public static final String CLIENT_ID = "govsdk-test-1022";
    /** The client secret accepted (synthetic). */
    public static final String CLIENT_SECRET = "synthetic-1022-secret";
    /** Reports present at start. */
    public static final int SEEDED = 90;

    private static final Set<String> CATEGORIES = Set.of("TTDT", "VSMT", "GT", "CTN", "CSCC", "ANTT", "KHAC");
    private static final String[] STATES = {"DA_TIEP_NHAN", "DANG_XU_LY", "DA_XU_LY"};
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MockGovPlatform platform;
    private final WsoTokens tokens;
    private final Map<String, Map<String, Object>> reports = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * Creates the service.
     *
     * @param platform the platform (seed, clock)
     */
    public CitizenFeedbackService(MockGovPlatform platform) {
        this.platform = platform;
        this.tokens = new WsoTokens(CLIENT_ID, CLIENT_SECRET, platform.clock());
        seed();
    }

    private void seed() {
        List<String> wards = OpenDataService.wardCodes();
        List<String> cats = List.copyOf(new java.util.TreeSet<>(CATEGORIES));
        for (int i = 0; i < SEEDED; i++) {
            SplitMix64 r = SplitMix64.of(platform.seed(), 1022, i);
            Map<String, Object> rep = report(String.format("PA%08d", sequence.incrementAndGet()),
                    cats.get(r.nextInt(cats.size())), wards.get(i % 3), 10.76 + r.nextDouble() * 0.02,
                    106.69 + r.nextDouble() * 0.02, "Phản ánh số " + (i + 1) + " về hiện trạng tại địa phương", 0,
                    LocalDateTime.of(2025, 6, 1, 8, 0).plusHours(i * 5L));
            rep.put("trangThai", STATES[r.nextInt(STATES.length)]);
            reports.put((String) rep.get("maPhanAnh"), rep);
        }
    }

    @Override
    public String name() {
        return "City hotline 1022 citizen feedback via data-sharing gateway";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        tokens.reset();
        reports.clear();
        sequence.set(0);
        seed();
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (request.path().equals(TOKEN_PATH) && request.method().equals("POST")) {
            return tokens.token(request);
        }
        MockResponse refusal = tokens.refusal(request);
        if (refusal != null) {
            return refusal;
        }
        if (request.path().equals(REPORTS_PATH)) {
            return switch (request.method()) {
                case "POST" -> submit(request);
                case "GET" -> list(request);
                default -> error(405, "PA405", "method not allowed");
            };
        }
        if (request.path().startsWith(REPORTS_PATH + "/") && request.method().equals("GET")) {
            return status(request.path().substring(REPORTS_PATH.length() + 1));
        }
        return error(404, "PA404", "no such resource");
    }

    private MockResponse submit(MockRequest request) {
        JsonNode b;
        try {
            b = Json.read(request.bodyAsString());
        } catch (RuntimeException e) {
            return error(400, "PA400", "body is not JSON");
        }
        String category = b.path("linhVuc").asText("");
        String ward = b.path("maPhuong").asText("");
        String text = b.path("noiDung").asText("");
        if (!CATEGORIES.contains(category)) {
            return error(400, "PA400", "linhVuc không hợp lệ");
        }
        if (!OpenDataService.wardCodes().contains(ward)) {
            return error(422, "PA_WARD", "Mã phường không tồn tại: " + ward);
        }
        if (text.isBlank() || !b.path("viDo").isNumber() || !b.path("kinhDo").isNumber()) {
            return error(400, "PA400", "noiDung, viDo and kinhDo are required");
        }
        String reporter = b.path("soDinhDanhNguoiPhanAnh").asText("");
        if (!reporter.isEmpty() && platform.data().findByCitizenId(reporter).isEmpty()) {
            return error(422, "PA_CITIZEN", "Không tìm thấy công dân phản ánh");
        }
        int attachments = 0;
        for (JsonNode a : b.path("tepDinhKem")) {
            try {
                Base64.getDecoder().decode(a.path("noiDung").asText(""));
            } catch (IllegalArgumentException e) {
                return error(400, "PA400", "tepDinhKem.noiDung is not base64");
            }
            attachments++;
        }
        String id = String.format("PA%08d", sequence.incrementAndGet());
        Map<String, Object> rep = report(id, category, ward, b.path("viDo").asDouble(), b.path("kinhDo").asDouble(), text,
                attachments, LocalDateTime.ofInstant(platform.clock().instant(), VN));
        reports.put(id, rep);
        return MockResponse.json(201, Json.write(Map.of("maPhanAnh", id, "trangThai", "DA_TIEP_NHAN")));
    }

    private static Map<String, Object> report(String id, String category, String ward, double lat, double lon, String text,
            int attachments, LocalDateTime at) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("maPhanAnh", id);
        rep.put("linhVuc", category);
        rep.put("maPhuong", ward);
        rep.put("viDo", lat);
        rep.put("kinhDo", lon);
        rep.put("noiDung", text);
        rep.put("soTepDinhKem", attachments);
        rep.put("ngayTiepNhan", at.withNano(0).toString());
        rep.put("trangThai", "DA_TIEP_NHAN");
        return rep;
    }

    private MockResponse status(String id) {
        Map<String, Object> rep = reports.get(id);
        if (rep == null) {
            return error(404, "PA404", "Không tìm thấy phản ánh");
        }
        Map<String, Object> answer;
        synchronized (rep) {
            answer = new LinkedHashMap<>(rep);
            int s = List.of(STATES).indexOf((String) rep.get("trangThai"));
            if (s < STATES.length - 1) {
                rep.put("trangThai", STATES[s + 1]);
            }
        }
        return MockResponse.json(200, Json.write(answer));
    }

    private MockResponse list(MockRequest request) {
        String ward = request.queryParameter("maPhuong").orElse("");
        int page;
        int size;
        try {
            page = Integer.parseInt(request.queryParameter("page").orElse("0"));
            size = Integer.parseInt(request.queryParameter("size").orElse("20"));
        } catch (NumberFormatException e) {
            return error(400, "PA400", "page and size must be whole numbers");
        }
        if (page < 0 || size < 1 || size > 100) {
            return error(400, "PA400", "page must be 0 or more and size 1 to 100");
        }
        if (!OpenDataService.wardCodes().contains(ward)) {
            return error(422, "PA_WARD", "Mã phường không tồn tại: " + ward);
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> r : reports.values()) {
            if (ward.equals(r.get("maPhuong"))) {
                synchronized (r) {
                    matching.add(new LinkedHashMap<>(r));
                }
            }
        }
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", matching.subList(from, to));
        body.put("page", page);
        body.put("size", size);
        body.put("totalElements", matching.size());
        return MockResponse.json(200, Json.write(body));
    }

    private static MockResponse error(int status, String code, String message) {
        return MockResponse.json(status, Json.write(Map.of("error_code", code, "message", message)));
    }
}
