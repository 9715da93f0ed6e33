package vn.govsdk.testkit.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import vn.govsdk.core.adminunit.AdministrativeUnits;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.Json;

/**
 * A stateful mock of the national public-service portal (DVCQG) integration API, under {@code /dvcqg}:
 * session login at {@code /dvcqg/auth}, writes and sync at {@code /dvcqg/integration}, catalogue reads
 * at {@code /dvcqg/share}. See docs/contracts/public-service-portal.md.
 *
 * <p>Credentials are synthetic: {@link #USERNAME}, {@link #PASSWORD}, {@link #DSTCODE}. Every call
 * must carry the {@code dstcode} header (else HTTP 403) and a session from the login (else HTTP 401).
 * The catalogue ({@link #PROCEDURE_COUNT} procedures) is generated from the platform seed. Dossiers,
 * progress steps and statuses are stored and checked: progress or status for an unknown dossier is
 * refused with {@code error_code} "03", a status change the workflow does not allow with "05".
 */
public final class PortalService implements MockService {

    /** The synthetic account name. */
    public static final String USERNAME = "dvcqg-test";
    /** The synthetic password. */
    public static final String PASSWORD = "dvcqg-test-password";
    /** The synthetic destination code. */
    public static final String DSTCODE = "DVCQG-TEST";
    /** How many procedures the catalogue holds. */
    public static final int PROCEDURE_COUNT = 300;
    /** The path prefix. */
    public static final String PREFIX = "/dvcqg";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern DATE = Pattern.compile("[0-9]{14}");
    /** Allowed status changes (same status always allowed); final statuses allow none. */
    private static final Map<Integer, Set<Integer>> TRANSITIONS = Map.of(
            1, Set.of(2, 3, 7),
            2, Set.of(4, 5, 6, 7, 8, 9),
            4, Set.of(5, 6, 8, 9),
            5, Set.of(4, 7, 8),
            6, Set.of(4, 7, 8, 9),
            9, Set.of(10));

    private final MockGovPlatform platform;
    private final PortalCatalogue catalogue;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionCounter = new AtomicLong();
    private final Map<String, Stored> dossiers = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ratings = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> agencyQuestions = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static final class Stored {
        String procedureCode;
        int status;
        int syncCount;
        final Map<String, Integer> progress = new LinkedHashMap<>();
        final List<Integer> history = new ArrayList<>();
        Map<String, Object> data;
    }

    /**
     * Creates the service for a platform (its seed drives the catalogue).
     *
     * @param platform the platform
     */
    public PortalService(MockGovPlatform platform) {
        this.platform = platform;
        this.catalogue = new PortalCatalogue(platform.seed(), PROCEDURE_COUNT);
    }

    @Override
    public String name() {
        return "Public-service portal (DVCQG)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        sessions.clear();
        dossiers.clear();
        answers.clear();
        ratings.clear();
        agencyQuestions.clear();
    }

    /**
     * Forgets every session, so the next call gets HTTP 401 and must log in again.
     */
    public void expireSessions() {
        sessions.clear();
    }

    /**
     * Returns the codes of the generated procedures, in catalogue order.
     *
     * @return the codes
     */
    public List<String> procedureCodes() {
        return catalogue.all().stream().map(p -> (String) p.get("MATTHC")).toList();
    }

    /**
     * Returns the stored state of a dossier.
     *
     * @param code {@code MaHoSo}
     * @return the state, or empty if never synced
     */
    public Optional<PortalDossierState> dossier(String code) {
        Stored s = dossiers.get(code);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.of(new PortalDossierState(code, s.procedureCode, s.status, s.syncCount,
                    new ArrayList<>(s.progress.values()), s.history));
        }
    }

    /**
     * Returns the answer stored for a question.
     *
     * @param questionId {@code MaCauHoi}
     * @return the answer text, or empty
     */
    public Optional<String> answer(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }

    /**
     * Returns the rating stored for a dossier.
     *
     * @param dossierCode {@code MaHoSo}
     * @return the score, or empty
     */
    public Optional<Integer> rating(String dossierCode) {
        return Optional.ofNullable(ratings.get(dossierCode));
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (!"POST".equals(request.method())) {
            return MockResponse.json(405, "{\"error_code\":\"405\",\"message\":\"POST only\"}");
        }
        if (!DSTCODE.equals(request.header("dstcode").orElse(null))) {
            return MockResponse.json(403, "{\"error_code\":\"403\",\"message\":\"dstcode sai hoặc thiếu\"}");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            return error("01", "Dữ liệu không phải JSON");
        }
        if (body == null || !body.isObject()) {
            return error("01", "Dữ liệu không phải đối tượng JSON");
        }
        String path = request.path();
        if (path.equals(PREFIX + "/auth")) {
            if (USERNAME.equals(text(body, "username")) && PASSWORD.equals(text(body, "password"))) {
                String session = "mock-session-" + sessionCounter.incrementAndGet();
                sessions.add(session);
                return MockResponse.json(200, Json.write(Map.of("session", session, "error_code", 0)));
            }
            return MockResponse.json(200, "{\"error_code\":\"10\",\"message\":\"Sai tên đăng nhập hoặc mật khẩu\"}");
        }
        String session = text(body, "session");
        if (session == null || !sessions.contains(session)) {
            return MockResponse.json(401, "{\"error_code\":\"401\",\"message\":\"Phiên làm việc không hợp lệ\"}");
        }
        String madonvi = text(body, "madonvi");
        if (madonvi == null || !CODE.matcher(madonvi).matches()) {
            return error("01", "Thiếu madonvi");
        }
        String service = text(body, "service");
        if (service == null) {
            return error("01", "Thiếu service");
        }
        if (path.equals(PREFIX + "/share")) {
            return share(service, body);
        }
        if (path.equals(PREFIX + "/integration")) {
            return integration(service, body);
        }
        return MockResponse.json(404, "{\"error_code\":\"404\",\"message\":\"Không có đường dẫn này\"}");
    }

    private MockResponse share(String service, JsonNode body) {
        switch (service) {
            case "LayDanhSachTTHC": {
                int index = Math.max(1, body.path("PageIndex").asInt(1));
                int size = Math.min(1000, Math.max(1, body.path("PageSize").asInt(50)));
                List<Map<String, Object>> all = catalogue.all();
                long from = (long) (index - 1) * size;
                List<Object> page = new ArrayList<>();
                for (long i = from; i < Math.min(all.size(), from + size); i++) {
                    page.add(PortalCatalogue.summary(all.get((int) i)));
                }
                return ok(page);
            }
            case "LayThuTuc": {
                Map<String, Object> p = catalogue.find(text(body, "MaTTHC"));
                return p == null ? error("04", "Không tìm thấy thủ tục") : ok(List.of(p));
            }
            case "LayDVC": {
                Map<String, Object> p = catalogue.find(text(body, "MaTTHC"));
                if (p == null) {
                    return error("04", "Không tìm thấy thủ tục");
                }
                Map<String, Object> dvc = new LinkedHashMap<>();
                dvc.put("MADVC", "DVC-" + p.get("MATTHC"));
                dvc.put("TENDVC", "Dịch vụ công trực tuyến: " + p.get("TENTTHC"));
                dvc.put("MATTHC", p.get("MATTHC"));
                dvc.put("TENTTHC", p.get("TENTTHC"));
                dvc.put("TENCOQUANBANHANH", "Văn phòng Chính phủ");
                dvc.put("TENLINHVUC", p.get("TENLINHVUC"));
                dvc.put("APDUNGDVC", List.of());
                return ok(Map.of("data", List.of(dvc)));
            }
            case "LayDanhMucTinhThanh":
                return ok(AdministrativeUnits.provinces().stream()
                        .map(pr -> Map.of("MA", pr.code(), "TEN", pr.name())).toList());
            case "LayDanhMucQuanHuyen":
                // The district level was abolished on 1 July 2025: the list is empty.
                return ok(List.of());
            case "LayDanhMucPhuongXa": {
                String parent = text(body, "MaCha");
                if (parent == null || AdministrativeUnits.province(parent).isEmpty()) {
                    return error("04", "Không tìm thấy tỉnh");
                }
                List<Object> wards = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    wards.add(Map.of("MA", String.format("%05d", Integer.parseInt(parent) * 300 + i),
                            "TEN", (i % 2 == 0 ? "Xã " : "Phường ") + "Số " + i, "MACHA", parent));
                }
                return ok(wards);
            }
            case "LayDanhMucGioiTinh":
                return ok(List.of(Map.of("MA", "1", "TEN", "Nam"), Map.of("MA", "2", "TEN", "Nữ"),
                        Map.of("MA", "9", "TEN", "Chưa có thông tin")));
            case "LayDanhMucDanToc":
                return ok(List.of(Map.of("MA", "01", "TEN", "Kinh"), Map.of("MA", "02", "TEN", "Tày"),
                        Map.of("MA", "03", "TEN", "Thái"), Map.of("MA", "04", "TEN", "Hoa"),
                        Map.of("MA", "05", "TEN", "Khơ-me")));
            case "LayDanhMucLinhVuc":
                return ok(catalogue.all().stream().map(p -> ((List<?>) p.get("LINHVUCTHUCHIEN")).get(0)).distinct()
                        .map(f -> Map.of("MA", ((Map<?, ?>) f).get("MALINHVUC"), "TEN", ((Map<?, ?>) f).get("TENLINHVUC")))
                        .toList());
            case "LayDanhMucCoQuan": case "LayDanhMucQuocGia": case "LayDanhMucTonGiao":
            case "LayDanhMucTinhTrangHonNhan": case "LayDanhMucDoiTuong": case "LayDanhMucCapThucHien":
            case "LayDanhMucCanCuPhapLy": case "LayDanhMucLePhi":
                return ok(List.of(Map.of("MA", "01", "TEN", service.substring("LayDanhMuc".length()) + " 01"),
                        Map.of("MA", "X-NEW-99", "TEN", "Mã mới chưa có trong bảng mã của SDK")));
            default:
                return error("02", "Dịch vụ không tồn tại: " + service);
        }
    }

    private MockResponse integration(String service, JsonNode body) {
        switch (service) {
            case "TraCuuHoSo": {
                Stored s = dossiers.get(String.valueOf(text(body, "MaHoSo")));
                if (s == null) {
                    return ok(List.of());
                }
                synchronized (s) {
                    Map<String, Object> r = new LinkedHashMap<>(s.data);
                    r.put("TrangThaiHoSo", String.valueOf(s.status));
                    r.put("SoBuocXuLy", String.valueOf(s.progress.size()));
                    return ok(List.of(r));
                }
            }
            case "DongBoHoSoMC":
                return syncDossier(body);
            case "CapNhatTienDoHoSoMC":
                return progress(body);
            case "DongBoTrangThaiHoSo":
                return status(body);
            case "DongBoDanhGia": {
                JsonNode d = single(body);
                if (d == null) {
                    return error("01", "Thiếu data");
                }
                if (!dossiers.containsKey(String.valueOf(text(d, "MaHoSo")))) {
                    return error("03", "Không tìm thấy hồ sơ");
                }
                int score = d.path("DiemDanhGia").asInt(0);
                if (score < 1 || score > 5) {
                    return error("01", "DiemDanhGia phải từ 1 đến 5");
                }
                ratings.put(text(d, "MaHoSo"), score);
                return ok(List.of());
            }
            case "LayDanhSachHoiDapGuiTuDVCQG":
                return ok(List.of(
                        Map.of("MaCauHoi", "CH0001", "TieuDe", "Thời hạn cấp lại giấy khai sinh",
                                "NoiDung", "Tôi cần cấp lại giấy khai sinh thì mất bao lâu?", "NgayGui", "20250801090000"),
                        Map.of("MaCauHoi", "CH0002", "TieuDe", "Lệ phí đăng ký kết hôn",
                                "NoiDung", "Đăng ký kết hôn có mất lệ phí không?", "NgayGui", "20250802100000")));
            case "DongBoHoiDap": {
                JsonNode d = single(body);
                if (d == null) {
                    return error("01", "Thiếu data");
                }
                for (String f : new String[] {"MaCauHoi", "TieuDe", "NoiDung", "NgayGui", "NoiDungTraLoi", "NguoiTraLoi"}) {
                    if (text(d, f) == null || text(d, f).isBlank()) {
                        return error("01", "Thiếu trường bắt buộc " + f);
                    }
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> qa = MAPPER.convertValue(d, LinkedHashMap.class);
                agencyQuestions.put(text(d, "MaCauHoi"), qa);
                answers.put(text(d, "MaCauHoi"), text(d, "NoiDungTraLoi"));
                return ok(List.of());
            }
            case "LayDanhSachHoiDapBoCoQuan":
                return ok(new ArrayList<>(agencyQuestions.values()));
            case "LayNoiDungTraLoiTheoCauHoi": {
                String id = text(body, "MaCauHoi");
                if (id == null || !(agencyQuestions.containsKey(id) || "CH0001".equals(id) || "CH0002".equals(id))) {
                    return error("03", "Không tìm thấy câu hỏi");
                }
                String a = answers.get(id);
                return ok(a == null ? List.of() : List.of(Map.of("MaCauHoi", id, "NoiDungTraLoi", a)));
            }
            case "DongBoKetQuaHoiDapGuiTuDVCQG": {
                JsonNode d = single(body);
                if (d == null) {
                    return error("01", "Thiếu data");
                }
                String id = text(d, "MaCauHoi");
                if (!"CH0001".equals(id) && !"CH0002".equals(id)) {
                    return error("03", "Không tìm thấy câu hỏi");
                }
                String content = text(d, "NoiDungTraLoi");
                if (content == null || content.isBlank()) {
                    return error("01", "Thiếu NoiDungTraLoi");
                }
                answers.put(id, content);
                return ok(List.of());
            }
            default:
                return error("02", "Dịch vụ không tồn tại: " + service);
        }
    }

    private static JsonNode single(JsonNode body) {
        JsonNode data = body.get("data");
        if (data == null || !data.isArray() || data.size() != 1 || !data.get(0).isObject()) {
            return null;
        }
        return data.get(0);
    }

    private MockResponse syncDossier(JsonNode body) {
        String updating = text(body, "isUpdating");
        if (!"True".equals(updating) && !"False".equals(updating)) {
            return error("01", "isUpdating phải là \"True\" hoặc \"False\"");
        }
        JsonNode d = single(body);
        if (d == null) {
            return error("01", "data phải có đúng một hồ sơ");
        }
        for (String f : new String[] {"MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "LoaiDoiTuong",
                "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "DonViXuLy"}) {
            String v = text(d, f);
            if (v == null || v.isBlank()) {
                return error("01", "Thiếu trường bắt buộc " + f);
            }
        }
        String code = text(d, "MaHoSo");
        if (!CODE.matcher(code).matches()) {
            return error("01", "MaHoSo không hợp lệ");
        }
        if (catalogue.find(text(d, "MaTTHC")) == null) {
            return error("04", "Không tìm thấy thủ tục " + text(d, "MaTTHC"));
        }
        if (!DATE.matcher(text(d, "NgayTiepNhan")).matches() || !DATE.matcher(text(d, "NgayHenTra")).matches()) {
            return error("01", "Ngày phải có dạng yyyyMMddHHmmss");
        }
        if (text(d, "NgayHenTra").compareTo(text(d, "NgayTiepNhan")) < 0) {
            return error("01", "NgayHenTra trước NgayTiepNhan");
        }
        int status = parseStatus(text(d, "TrangThaiHoSo"));
        if (status < 0) {
            return error("01", "TrangThaiHoSo phải từ 1 đến 10");
        }
        boolean exists = dossiers.containsKey(code);
        if (exists != "True".equals(updating)) {
            return error("06", exists ? "Hồ sơ đã tồn tại (isUpdating phải là True)"
                    : "Hồ sơ chưa tồn tại (isUpdating phải là False)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = MAPPER.convertValue(d, LinkedHashMap.class);
        Stored s = dossiers.computeIfAbsent(code, k -> new Stored());
        synchronized (s) {
            s.procedureCode = text(d, "MaTTHC");
            s.data = data;
            s.syncCount++;
            if (s.history.isEmpty() || s.status != status) {
                s.history.add(status);
            }
            s.status = status;
        }
        return ok(List.of());
    }

    private MockResponse progress(JsonNode body) {
        JsonNode d = single(body);
        if (d == null) {
            return error("01", "data phải có đúng một bước xử lý");
        }
        Stored s = dossiers.get(String.valueOf(text(d, "MaHoSo")));
        if (s == null) {
            return error("03", "Không tìm thấy hồ sơ " + text(d, "MaHoSo"));
        }
        String at = text(d, "ThoiDiemXuLy");
        if (at == null || !DATE.matcher(at).matches()) {
            return error("01", "ThoiDiemXuLy phải có dạng yyyyMMddHHmmss");
        }
        if (text(d, "NguoiXuLy") == null || text(d, "NoiDungXuLy") == null) {
            return error("01", "Thiếu NguoiXuLy hoặc NoiDungXuLy");
        }
        int status = parseStatus(text(d, "TrangThai"));
        if (status < 0) {
            return error("01", "TrangThai phải từ 1 đến 10");
        }
        synchronized (s) {
            if (!s.progress.containsKey(at) && !allowed(s.status, status)) {
                return error("05", "Không được chuyển trạng thái từ " + s.status + " sang " + status);
            }
            s.progress.put(at, status);
            if (s.status != status) {
                s.history.add(status);
            }
            s.status = status;
        }
        return ok(List.of());
    }

    private MockResponse status(JsonNode body) {
        JsonNode d = single(body);
        if (d == null) {
            return error("01", "data phải có đúng một hồ sơ");
        }
        Stored s = dossiers.get(String.valueOf(text(d, "MaHoSo")));
        if (s == null) {
            return error("03", "Không tìm thấy hồ sơ " + text(d, "MaHoSo"));
        }
        int status = parseStatus(text(d, "TrangThaiHoSo"));
        if (status < 0) {
            return error("01", "TrangThaiHoSo phải từ 1 đến 10");
        }
        synchronized (s) {
            if (!allowed(s.status, status)) {
                return error("05", "Không được chuyển trạng thái từ " + s.status + " sang " + status);
            }
            if (s.status != status) {
                s.history.add(status);
            }
            s.status = status;
        }
        return ok(List.of());
    }

    private static boolean allowed(int from, int to) {
        return from == to || TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
    }

    private static int parseStatus(String s) {
        if (s == null || !s.trim().matches("[0-9]{1,2}")) {
            return -1;
        }
        int n = Integer.parseInt(s.trim());
        return n >= 1 && n <= 10 ? n : -1;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static MockResponse ok(Object result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("error_code", "00");
        r.put("message", "Thành công");
        r.put("result", result);
        return MockResponse.json(200, Json.write(r));
    }

    private static MockResponse error(String code, String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("error_code", code);
        r.put("message", message);
        return MockResponse.json(200, Json.write(r));
    }

    /**
     * The platform's clock (kept for symmetry with other services; the portal stores times as sent).
     *
     * @return the clock
     */
    Clock clock() {
        return platform.clock();
    }
}
