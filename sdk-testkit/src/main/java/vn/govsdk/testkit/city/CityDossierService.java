package vn.govsdk.testkit.city;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.internal.SplitMix64;
import vn.govsdk.testkit.internal.Json;

/**
 * Mock Ho Chi Minh City dossier system (DVCMC, VNPT iGate style) under {@value #PREFIX}:
 * <ul>
 *   <li>{@code POST /hcmc-dvc/auth/realms/digo/protocol/openid-connect/token}: Keycloak client
 *       credentials, {@code grant_type=client_credentials} with the client in HTTP Basic only
 *       (scheme F);</li>
 *   <li>{@code GET /hcmc-dvc/pa/dossier-search/dvc?page=&size=&spec=slice&code=}: a Spring slice
 *       ({@code content[], number, size, numberOfElements, first, last, empty}) of dossiers, Bearer
 *       token required; {@code code} is an exact match, absent means all.</li>
 * </ul>
 * {@value #DOSSIERS} dossiers are derived from the seed, applicants taken from the synthetic citizens.
 * See {@code docs/contracts/city-dossier.md}.
 */
public final class CityDossierService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/hcmc-dvc";
    /** The Keycloak token endpoint (realm {@code digo}). */
    public static final String TOKEN_PATH = PREFIX + "/auth/realms/digo/protocol/openid-connect/token";
    /** The dossier search path. */
    public static final String SEARCH_PATH = PREFIX + "/pa/dossier-search/dvc";
    /** The client id accepted (synthetic). */
    public static final String CLIENT_ID = "govsdk-test-dvcmc";
    /** The client secret accepted (synthetic). */
    public static final String CLIENT_SECRET = "synthetic-dvcmc-secret";
    /** How many dossiers are served. */
    public static final int DOSSIERS = 240;
    /** Token lifetime in seconds. */
    public static final int TOKEN_LIFETIME_SECONDS = 300;

    private static final String[] PROCEDURES = {"Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đăng ký hộ kinh doanh",
        "Cấp bản sao trích lục hộ tịch", "Đăng ký khai sinh", "Chứng thực bản sao từ bản chính",
        "Cấp giấy phép kinh doanh bán lẻ rượu", "Đăng ký kết hôn"};
    private static final String[] TASKS = {"Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Phê duyệt", "Trả kết quả"};
    private static final String[] METHODS = {"Trực tuyến", "Trực tiếp", "Bưu chính công ích"};
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SPRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final MockGovPlatform platform;
    private final List<Map<String, Object>> dossiers;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

    /**
     * Creates the service with dossiers derived from the platform's seed.
     *
     * @param platform the platform (seed, synthetic citizens, clock)
     */
    public CityDossierService(MockGovPlatform platform) {
        this.platform = platform;
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            list.add(dossier(i));
        }
        this.dossiers = List.copyOf(list);
    }

    /**
     * Returns the code of one served dossier.
     *
     * @param index 0 to {@link #DOSSIERS} - 1
     * @return the dossier code
     */
    public String dossierCode(int index) {
        return (String) dossiers.get(index).get("code");
    }

    /**
     * Returns the applicant of one served dossier.
     *
     * @param index 0 to {@link #DOSSIERS} - 1
     * @return the synthetic citizen
     */
    public SyntheticCitizen applicant(int index) {
        return platform.data().citizen(index * 7L + 3);
    }

    private Map<String, Object> dossier(int i) {
        SplitMix64 r = SplitMix64.of(platform.seed(), 8800, i);
        LocalDateTime applied = LocalDateTime.of(2025, 1, 2, 7, 30).plusDays(r.nextInt(300)).plusMinutes(r.nextInt(540));
        String code = String.format("000.%02d.%02d.H29-%s-%04d", 20 + r.nextInt(20), 1 + r.nextInt(30),
                applied.format(DateTimeFormatter.ofPattern("yyMMdd")), i + 1);
        int task = r.nextInt(TASKS.length);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 24));
        d.put("code", code);
        d.put("applicant", Map.of("data", Map.of("fullname", applicant(i).fullName())));
        d.put("procedure", Map.of("code", "1.00" + (1000 + r.nextInt(9000)),
                "translate", List.of(Map.of("languageId", 228, "name", PROCEDURES[r.nextInt(PROCEDURES.length)]))));
        d.put("statusCurrentTask", Map.of("name", TASKS[task]));
        d.put("applyMethod", Map.of("id", r.nextInt(METHODS.length), "name", METHODS[r.nextInt(METHODS.length)]));
        d.put("appliedDate", applied.atZone(VN).format(SPRING));
        d.put("appointmentDate", applied.plusDays(7 + r.nextInt(15)).atZone(VN).format(SPRING));
        d.put("completedDate", task == TASKS.length - 1 ? applied.plusDays(3 + r.nextInt(10)).atZone(VN).format(SPRING) : null);
        return d;
    }

    @Override
    public String name() {
        return "Ho Chi Minh City dossier system (DVCMC, iGate)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        tokens.clear();
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (request.path().equals(TOKEN_PATH) && request.method().equals("POST")) {
            return token(request);
        }
        if (request.path().equals(SEARCH_PATH) && request.method().equals("GET")) {
            String auth = request.header("Authorization").orElse("");
            Instant expiry = auth.regionMatches(true, 0, "Bearer ", 0, 7) ? tokens.get(auth.substring(7).strip()) : null;
            if (expiry == null || expiry.isBefore(platform.clock().instant())) {
                return MockResponse.json(401, Json.write(Map.of("error", "invalid_token",
                        "error_description", "Full authentication is required to access this resource")))
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            return search(request);
        }
        return MockResponse.json(404, Json.write(Map.of("status", 404, "error", "Not Found", "path", request.path())));
    }

    private MockResponse search(MockRequest request) {
        int page;
        int size;
        try {
            page = Integer.parseInt(request.queryParameter("page").orElse("0"));
            size = Integer.parseInt(request.queryParameter("size").orElse("20"));
        } catch (NumberFormatException e) {
            return badRequest("page and size must be whole numbers");
        }
        if (page < 0 || size < 1 || size > 100) {
            return badRequest("page must be 0 or more and size 1 to 100");
        }
        if (!request.queryParameter("spec").orElse("").equals("slice")) {
            return badRequest("spec=slice is required");
        }
        Optional<String> code = request.queryParameter("code").filter(c -> !c.isEmpty());
        List<Map<String, Object>> matching = code.isEmpty() ? dossiers
                : dossiers.stream().filter(d -> d.get("code").equals(code.get())).toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        List<Map<String, Object>> content = matching.subList(from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        body.put("pageable", Map.of("pageNumber", page, "pageSize", size));
        body.put("number", page);
        body.put("size", size);
        body.put("numberOfElements", content.size());
        body.put("first", page == 0);
        body.put("last", to >= matching.size());
        body.put("empty", content.isEmpty());
        return MockResponse.json(200, Json.write(body));
    }

    private static MockResponse badRequest(String message) {
        return MockResponse.json(400, Json.write(Map.of("status", 400, "error", "Bad Request", "message", message)));
    }

    private MockResponse token(MockRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.bodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return MockResponse.json(400, Json.write(Map.of("error", "unsupported_grant_type",
                    "error_description", "Unsupported grant_type")));
        }
        String basic = request.header("Authorization").orElse("");
        String id = null;
        String secret = null;
        if (basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String d = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = d.indexOf(':');
                if (colon > 0) {
                    id = URLDecoder.decode(d.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(d.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        if (!CLIENT_ID.equals(id) || secret == null || !MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), CLIENT_SECRET.getBytes(StandardCharsets.UTF_8))) {
            return MockResponse.json(401, Json.write(Map.of("error", "unauthorized_client",
                    "error_description", "Invalid client secret")));
        }
        Instant now = platform.clock().instant();
        tokens.entrySet().removeIf(e -> e.getValue().isBefore(now));
        String token = UUID.randomUUID().toString();
        tokens.put(token, now.plusSeconds(TOKEN_LIFETIME_SECONDS));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", TOKEN_LIFETIME_SECONDS);
        answer.put("refresh_expires_in", 0);
        answer.put("token_type", "Bearer");
        answer.put("not-before-policy", 0);
        answer.put("scope", "profile email");
        return MockResponse.json(200, Json.write(answer));
    }
}
