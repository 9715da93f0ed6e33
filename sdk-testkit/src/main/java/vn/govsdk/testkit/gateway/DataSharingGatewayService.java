package vn.govsdk.testkit.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.internal.LgspMockAuth;

/**
 * A mock data-sharing platform (LGSP/NGSP) in WSO2 API Manager style, mounted under {@code /lgsp}.
 *
 * <ul>
 *   <li>{@code POST /lgsp/token}: {@code grant_type=client_credentials}, client id and secret as form
 *       fields or HTTP Basic; answers {@code {"access_token","token_type":"Bearer","expires_in",
 *       "scope":"am_application_scope default"}}. A {@code lgspaccesstoken} header, when sent, must be
 *       valid, and the token issued is then a VNPT-flavour token;</li>
 *   <li>{@code GET /lgsp/apiCSDLDKDN/1.0/chiTietDoanhNghiep?maSoDoanhNghiep=…}: the national business
 *       registry detail of one of the {@link SyntheticCompanies};</li>
 *   <li>{@code GET /lgsp/dmdc/1.0/AllCategory}: the shared national code lists;</li>
 *   <li>{@code GET|POST /lgsp/demo/1.0/echo}: answers what it received (method, query, JSON body),
 *       or echoes a SOAP/XML body inside an XML envelope;</li>
 * </ul>
 * Every API call needs {@code Authorization: Bearer <token>} with an unexpired token from the token
 * endpoint, and, for a VNPT-flavour token or when the service is built with
 * {@link Flavour#VNPT}, a valid {@code lgspaccesstoken} header; otherwise 401 with a WSO2 error body
 * {@code {"fault":{"code":900902,"message":"Missing Credentials","description":"…"}}}.
 */
public final class DataSharingGatewayService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/lgsp";
    /** The token endpoint. */
    public static final String TOKEN_PATH = PREFIX + "/token";
    /** The business registry detail resource. */
    public static final String BUSINESS_PATH = PREFIX + "/apiCSDLDKDN/1.0/chiTietDoanhNghiep";
    /** The shared code lists resource. */
    public static final String CODE_LIST_PATH = PREFIX + "/dmdc/1.0/AllCategory";
    /** The echo resource. */
    public static final String ECHO_PATH = PREFIX + "/demo/1.0/echo";
    /** The client id accepted by the token endpoint (synthetic). */
    public static final String CLIENT_ID = "govsdk-mock-gateway-client";
    /** The client secret accepted by the token endpoint (synthetic). */
    public static final String CLIENT_SECRET = "synthetic-gateway-client-secret";
    /** The {@code AccessKey} of {@code lgspaccesstoken} (synthetic). */
    public static final String ACCESS_KEY = "synthetic-gateway-access-key";
    /** The {@code SecretKey} of {@code lgspaccesstoken} (synthetic). */
    public static final String SECRET_KEY = "synthetic-gateway-secret-key";
    /** The {@code AppName} of {@code lgspaccesstoken}. */
    public static final String APP_NAME = "govsdk-mock";
    /** The {@code PartnerCode} of {@code lgspaccesstoken}. */
    public static final String PARTNER_CODE = "000.00.00.H29";
    /** The lifetime of a token, in seconds. */
    public static final long TOKEN_LIFETIME_SECONDS = 3600;

    /** Which auth flavour the gateway demands. */
    public enum Flavour {
        /** Either: WSO2 client credentials alone, or VNPT {@code lgspaccesstoken} with client credentials. */
        ANY,
        /** VNPT only: {@code lgspaccesstoken} required on the token request and on every call. */
        VNPT
    }

    private final MockGovPlatform platform;
    private final Flavour flavour;
    private final SyntheticCompanies companies;
    /** token → (expiry, VNPT flavour). */
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    private record Issued(Instant expiry, boolean vnpt) {
    }

    /**
     * Creates the gateway accepting either flavour.
     *
     * @param platform the platform (clock, synthetic data)
     */
    public DataSharingGatewayService(MockGovPlatform platform) {
        this(platform, Flavour.ANY);
    }

    /**
     * Creates the gateway.
     *
     * @param platform the platform (clock, synthetic data)
     * @param flavour which auth flavour to demand
     */
    public DataSharingGatewayService(MockGovPlatform platform, Flavour flavour) {
        this.platform = platform;
        this.flavour = flavour;
        this.companies = new SyntheticCompanies(platform.data());
    }

    /**
     * Returns the synthetic companies of the business registry.
     *
     * @return the companies
     */
    public SyntheticCompanies companies() {
        return companies;
    }

    @Override
    public String name() {
        return "Data-sharing gateway (LGSP/NGSP): business registry, code lists";
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
        String path = request.path();
        if (path.equals(TOKEN_PATH)) {
            if (!request.method().equals("POST")) {
                return MockResponse.json(405, Json.write(Map.of("error", "invalid_request",
                        "error_description", "use POST")));
            }
            return token(request);
        }
        String refusal = checkBearer(request);
        if (refusal != null) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("code", 900902);
            fault.put("message", "Missing Credentials");
            fault.put("description", refusal);
            return MockResponse.json(401, Json.write(Map.of("fault", fault)))
                    .withHeader("WWW-Authenticate", "OAuth2 realm=\"WSO2 API Manager\"");
        }
        if (path.equals(BUSINESS_PATH) && request.method().equals("GET")) {
            return business(request);
        }
        if (path.equals(CODE_LIST_PATH) && request.method().equals("GET")) {
            return MockResponse.json(200, Json.write(CodeLists.all()));
        }
        if (path.equals(ECHO_PATH)) {
            return echo(request);
        }
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", 404);
        fault.put("type", "Status report");
        fault.put("message", "Runtime Error");
        fault.put("description", "No matching resource found for given API Request");
        return MockResponse.json(404, Json.write(Map.of("fault", fault)));
    }

    private MockResponse business(MockRequest request) {
        String code = request.queryParameter("maSoDoanhNghiep").orElse("");
        var found = companies.find(code);
        if (found.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error_code", "DKDN-404");
            body.put("message", "Không tìm thấy doanh nghiệp");
            return MockResponse.json(404, Json.write(body));
        }
        SyntheticCompanies.Company c = found.get();
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("ENTERPRISE_CODE", c.taxCode());
        main.put("NAME", c.name());
        main.put("SHORT_NAME", c.shortName());
        main.put("FOUNDING_DATE", c.foundingDate().toString());
        main.put("STATUS_NAME", c.status());
        main.put("LAST_UPDATED", "2025-07-01T08:00:00+07:00");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("AddressFullText", c.address());
        address.put("CityID", c.provinceCode());
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("FULL_NAME", c.representative().fullName());
        rep.put("POSITION_NAME", "Giám đốc");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("MainInformation", main);
        data.put("HOAddress", address);
        data.put("Representatives", rep);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("data", data);
        return MockResponse.json(200, Json.write(body));
    }

    private static MockResponse echo(MockRequest request) {
        String contentType = request.header("Content-Type").orElse("");
        if (contentType.contains("xml")) {
            String body = request.bodyAsString();
            int start = body.indexOf("<ping>");
            int end = body.indexOf("</ping>");
            String ping = start >= 0 && end > start ? body.substring(start + 6, end)
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : "";
            return MockResponse.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<EchoResponse><pong>" + xmlEscape(ping) + "</pong><method>" + request.method()
                    + "</method></EchoResponse></soap:Body></soap:Envelope>");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", request.method());
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        out.put("query", query);
        if (request.body().length > 0) {
            try {
                out.put("body", Json.read(request.bodyAsString()));
            } catch (RuntimeException e) {
                return MockResponse.json(400, Json.write(Map.of("error_code", "BAD_JSON", "message", "body is not JSON")));
            }
        }
        return MockResponse.json(200, Json.write(out));
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String checkBearer(MockRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Make sure your API invocation call has a header: 'Authorization : Bearer ACCESS_TOKEN'";
        }
        Issued issued = tokens.get(authorization.substring(7).strip());
        if (issued == null || issued.expiry().isBefore(platform.clock().instant())) {
            return "Invalid Credentials. Make sure you have provided the correct security credentials";
        }
        if (issued.vnpt() || flavour == Flavour.VNPT) {
            return checkAccessToken(request, true);
        }
        return null;
    }

    private static final LgspMockAuth.Expected EXPECTED =
            new LgspMockAuth.Expected(CLIENT_ID, CLIENT_SECRET, ACCESS_KEY, SECRET_KEY, APP_NAME, PARTNER_CODE);

    private static String checkAccessToken(MockRequest request, boolean required) {
        return LgspMockAuth.refuseAccessToken(request, required, EXPECTED);
    }

    private MockResponse token(MockRequest request) {
        MockResponse refused = LgspMockAuth.refuseTokenRequest(request, EXPECTED);
        if (refused != null) {
            return refused;
        }
        boolean vnpt = request.header("lgspaccesstoken").isPresent();
        String refusal = checkAccessToken(request, flavour == Flavour.VNPT);
        if (refusal != null) {
            return MockResponse.json(401, Json.write(Map.of("error", "invalid_client", "error_description", refusal)));
        }
        Instant now = platform.clock().instant();
        tokens.entrySet().removeIf(e -> e.getValue().expiry().isBefore(now));
        String token = UUID.randomUUID().toString();
        tokens.put(token, new Issued(now.plusSeconds(TOKEN_LIFETIME_SECONDS), vnpt || flavour == Flavour.VNPT));
        return LgspMockAuth.tokenAnswer(token, TOKEN_LIFETIME_SECONDS);
    }

    /** The shared national code lists (danh mục dùng chung) served by {@code dmdc/1.0/AllCategory}. */
    static final class CodeLists {
        private CodeLists() {
        }

        static Map<String, Object> all() {
            List<Object> categories = new ArrayList<>();
            categories.add(category("DM_GIOITINH", "Giới tính", List.of(
                    List.of("1", "Nam"), List.of("2", "Nữ"), List.of("3", "Chưa có thông tin"))));
            categories.add(category("DM_DANTOC", "Dân tộc", List.of(
                    List.of("01", "Kinh"), List.of("02", "Tày"), List.of("03", "Thái"), List.of("04", "Hoa"),
                    List.of("05", "Khmer"), List.of("06", "Mường"), List.of("07", "Nùng"), List.of("08", "Mông"))));
            categories.add(category("DM_QUOCTICH", "Quốc tịch", List.of(
                    List.of("VN", "Việt Nam"), List.of("LA", "Lào"), List.of("KH", "Campuchia"))));
            categories.add(category("DM_LOAIHINHDN", "Loại hình doanh nghiệp", List.of(
                    List.of("TNHH1TV", "Công ty TNHH một thành viên"), List.of("TNHH2TV", "Công ty TNHH hai thành viên trở lên"),
                    List.of("CP", "Công ty cổ phần"), List.of("DNTN", "Doanh nghiệp tư nhân"))));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "success");
            out.put("data", categories);
            return out;
        }

        private static Map<String, Object> category(String code, String name, List<List<String>> items) {
            List<Object> entries = new ArrayList<>();
            for (List<String> item : items) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("Code", item.get(0));
                e.put("Name", item.get(1));
                e.put("Active", true);
                entries.add(e);
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("CategoryCode", code);
            c.put("CategoryName", name);
            c.put("Items", entries);
            return c;
        }
    }
}
