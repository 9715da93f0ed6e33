package vn.govsdk.testkit.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.MaritalStatus;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.internal.Json;

/**
 * Mock civil-registration (hộ tịch) extract service, published through a WSO2-style data-sharing
 * gateway under {@value #PREFIX}: {@code POST /lgsp-moj/token} (client credentials), then
 * {@code POST /lgsp-moj/hotich/1.0/trichLuc} to request an extract (trích lục) of a birth, marriage,
 * death or parent-child recognition by register number or citizen ID, and
 * {@code GET /lgsp-moj/hotich/1.0/trangThai?maYeuCau=} to follow it. Backed by the synthetic citizens:
 * everyone has a birth registration, married citizens a marriage one, nobody a death one. A request
 * moves one state on each status check ({@code DA_TIEP_NHAN → DANG_XU_LY → DA_CO_KET_QUA | TU_CHOI}),
 * never by wall-clock time. See {@code docs/contracts/civil-registration.md}.
 */
public final class CivilRegistryService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/lgsp-moj";
    /** The token endpoint. */
    public static final String TOKEN_PATH = PREFIX + "/token";
    /** The extract request resource. */
    public static final String EXTRACT_PATH = PREFIX + "/hotich/1.0/trichLuc";
    /** The status resource. */
    public static final String STATUS_PATH = PREFIX + "/hotich/1.0/trangThai";
    /** The client id accepted (synthetic). */
    public static final String CLIENT_ID = "govsdk-test-moj";
    /** The client secret accepted (synthetic). */
    public static final String CLIENT_SECRET = "synthetic-moj-secret";

    private static final Map<String, String> PREFIXES = Map.of("KHAI_SINH", "KS", "KET_HON", "KH", "KHAI_TU", "KT",
            "NHAN_CHA_ME_CON", "CMC");

    private final MockGovPlatform platform;
    private final WsoTokens tokens;
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private record Request(String kind, SyntheticCitizen person, int checks) {
    }

    /**
     * Creates the service.
     *
     * @param platform the platform (synthetic citizens, clock)
     */
    public CivilRegistryService(MockGovPlatform platform) {
        this.platform = platform;
        this.tokens = new WsoTokens(CLIENT_ID, CLIENT_SECRET, platform.clock());
    }

    /**
     * Returns the register number (số đăng ký) of a synthetic citizen's registration of a kind.
     *
     * @param kind {@code KHAI_SINH}, {@code KET_HON}, {@code KHAI_TU} or {@code NHAN_CHA_ME_CON}
     * @param citizenIndex the citizen's index
     * @return the register number, for example {@code KS-2025-000123}
     */
    public static String registerNumber(String kind, long citizenIndex) {
        return PREFIXES.get(kind) + "-" + String.format("%06d", citizenIndex);
    }

    @Override
    public String name() {
        return "Civil registration extracts (hộ tịch) via data-sharing gateway";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        tokens.reset();
        requests.clear();
        sequence.set(0);
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
        if (request.path().equals(EXTRACT_PATH) && request.method().equals("POST")) {
            return extract(request);
        }
        if (request.path().equals(STATUS_PATH) && request.method().equals("GET")) {
            return status(request.queryParameter("maYeuCau").orElse(""));
        }
        return error(404, "HT404", "no such resource");
    }

    private MockResponse extract(MockRequest request) {
        JsonNode body;
        try {
            body = Json.read(request.bodyAsString());
        } catch (RuntimeException e) {
            return error(400, "HT400", "body is not JSON");
        }
        String kind = body.path("loaiTrichLuc").asText("");
        if (!PREFIXES.containsKey(kind)) {
            return error(400, "HT400", "loaiTrichLuc must be KHAI_SINH, KET_HON, KHAI_TU or NHAN_CHA_ME_CON");
        }
        String id = body.path("soDinhDanh").asText("");
        String number = body.path("soDangKy").asText("");
        if (id.isEmpty() == number.isEmpty()) {
            return error(400, "HT400", "exactly one of soDinhDanh and soDangKy is required");
        }
        if (body.path("mucDich").asText("").isBlank()) {
            return error(400, "HT400", "mucDich is required");
        }
        Optional<SyntheticCitizen> person;
        if (!id.isEmpty()) {
            person = platform.data().findByCitizenId(id);
        } else {
            String prefix = PREFIXES.get(kind) + "-";
            person = Optional.empty();
            if (number.startsWith(prefix)) {
                try {
                    long index = Long.parseLong(number.substring(prefix.length()));
                    if (index >= 0 && index < platform.data().population()) {
                        person = Optional.of(platform.data().citizen(index));
                    }
                } catch (NumberFormatException e) {
                    person = Optional.empty();
                }
            }
        }
        if (person.isEmpty()) {
            return error(404, "HT404", "Không tìm thấy dữ liệu hộ tịch");
        }
        String requestId = String.format("TL%08d", sequence.incrementAndGet());
        requests.put(requestId, new Request(kind, person.get(), 0));
        return MockResponse.json(200, Json.write(Map.of("maYeuCau", requestId, "trangThai", "DA_TIEP_NHAN")));
    }

    private MockResponse status(String requestId) {
        Request r = requests.computeIfPresent(requestId, (k, v) -> new Request(v.kind(), v.person(), v.checks() + 1));
        if (r == null) {
            return error(404, "HT404", "Không tìm thấy yêu cầu");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("maYeuCau", requestId);
        if (r.checks() < 2) {
            answer.put("trangThai", "DANG_XU_LY");
            return MockResponse.json(200, Json.write(answer));
        }
        SyntheticCitizen p = r.person();
        String refusal = switch (r.kind()) {
            case "KHAI_TU" -> "Không có dữ liệu đăng ký khai tử";
            case "KET_HON" -> p.maritalStatus() == MaritalStatus.MARRIED ? null : "Không có dữ liệu đăng ký kết hôn";
            default -> null;
        };
        if (refusal != null) {
            answer.put("trangThai", "TU_CHOI");
            answer.put("lyDo", refusal);
            return MockResponse.json(200, Json.write(answer));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("loaiTrichLuc", r.kind());
        result.put("soDangKy", registerNumber(r.kind(), p.index()));
        result.put("ngayDangKy", (r.kind().equals("KET_HON") ? p.birthDate().plusYears(25) : p.birthDate().plusDays(12)).toString());
        result.put("noiDangKy", "UBND " + p.address().wardName() + ", " + p.address().province().name());
        result.put("hoTen", p.fullName());
        result.put("soDinhDanh", p.citizenId());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ngaySinh", p.birthDate().toString());
        details.put("gioiTinh", p.gender().vietnameseName());
        if (p.father() != null) {
            details.put("hoTenCha", p.father().fullName());
        }
        if (p.mother() != null) {
            details.put("hoTenMe", p.mother().fullName());
        }
        result.put("chiTiet", details);
        answer.put("trangThai", "DA_CO_KET_QUA");
        answer.put("ketQua", result);
        return MockResponse.json(200, Json.write(answer));
    }

    private static MockResponse error(int status, String code, String message) {
        return MockResponse.json(status, Json.write(Map.of("error_code", code, "message", message)));
    }
}
