package vn.govsdk.testkit.population;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.internal.xml.SecureXml;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.data.PersonRef;
import vn.govsdk.testkit.data.Relationship;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticHousehold;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.internal.LgspMockAuth;

/**
 * The mock population database (C06), mounted at {@code /c06}. It implements the provisional
 * contract in docs/contracts/population-database.md from the wire format alone (it shares no code
 * with the client):
 * <ul>
 *   <li>{@code POST /c06/dancu}: the direct route, timestamped SHA-256 Basic with an
 *       {@code X-Road-Client} header. The password must be
 *       {@code sha256_hex(requestUrl + username + Timestamp + secretKey)}; the {@code Timestamp}
 *       (epoch seconds or milliseconds) must be within {@link #TIMESTAMP_TOLERANCE} of the
 *       platform's clock;</li>
 *   <li>{@code POST /c06/lgsp/token}: the LGSP token endpoint ({@code grant_type=client_credentials},
 *       client id and secret in the form or as HTTP Basic, {@code lgspaccesstoken} checked);</li>
 *   <li>{@code POST /c06/lgsp/dancu}: the route through the LGSP, {@code Authorization: Bearer} with
 *       a token from the endpoint above and the {@code lgspaccesstoken} header.</li>
 * </ul>
 * Requests are parsed with the hardened parser; elements out of the contract's order are refused
 * with a SOAP fault ({@code C06-002}) naming them. Citizens come from {@link MockGovPlatform#data()};
 * a legacy ID number (SoCMND) is {@link #legacyIdNumberOf(long)} of a citizen's index. The
 * asynchronous flow answers {@code PENDING} to the first {@link #POLLS_BEFORE_DONE} status polls,
 * then {@code DONE}. Credentials are the public synthetic constants below, or given to
 * {@link #PopulationDbService(MockGovPlatform, String, String)}.
 */
public final class PopulationDbService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/c06";
    /** The SOAP endpoint of the direct route. */
    public static final String DIRECT_PATH = "/c06/dancu";
    /** The SOAP endpoint of the LGSP route. */
    public static final String LGSP_PATH = "/c06/lgsp/dancu";
    /** The LGSP token endpoint. */
    public static final String LGSP_TOKEN_PATH = "/c06/lgsp/token";

    /** The direct route's user name (synthetic). */
    public static final String DIRECT_USERNAME = "govsdk-mock-c06";
    /** The direct route's secret key (synthetic, for the mock only). */
    public static final String DIRECT_SECRET_KEY = "synthetic-c06-secret-not-for-production";
    /** An X-Road client identifier the mock accepts (any non-blank value is accepted). */
    public static final String X_ROAD_CLIENT = "VN/GOV/000.00.00.H29/govsdk-mock";
    /** The LGSP client id (synthetic). */
    public static final String LGSP_CLIENT_ID = "govsdk-mock-lgsp-client";
    /** The LGSP client secret (synthetic). */
    public static final String LGSP_CLIENT_SECRET = "synthetic-lgsp-client-secret";
    /** The {@code AccessKey} of {@code lgspaccesstoken} (synthetic). */
    public static final String LGSP_ACCESS_KEY = "synthetic-access-key";
    /** The {@code SecretKey} of {@code lgspaccesstoken} (synthetic). */
    public static final String LGSP_SECRET_KEY = "synthetic-lgsp-secret-key";
    /** The {@code AppName} of {@code lgspaccesstoken}. */
    public static final String LGSP_APP_NAME = "govsdk-mock";
    /** The {@code PartnerCode} of {@code lgspaccesstoken}. */
    public static final String LGSP_PARTNER_CODE = "000.00.00.H29";

    /** How far a direct-route timestamp may be from the platform's clock. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** The lifetime of an LGSP token, in seconds. */
    public static final long TOKEN_LIFETIME_SECONDS = 3600;
    /** How many GetRequestStatus polls answer PENDING before DONE. */
    public static final int POLLS_BEFORE_DONE = 2;

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DAN_NS = "http://dancuquocgia.bca";

    /** The caller elements every request starts with, in order. */
    static final List<String> COMMON = List.of("MaYeuCau", "MaDVC", "MaTichHop", "MaCanBo", "MaDonVi", "TaiKhoan",
            "SoDienThoai");
    private static final List<String> REQUIRED_COMMON = List.of("MaYeuCau", "MaDVC", "MaTichHop", "MaCanBo");
    private static final List<String> SUBJECT_TAIL = List.of("SoDinhDanh|SoCMND", "HoVaTen", "NgayThangNamSinh");
    private static final Map<String, List<String>> TAILS = Map.of(
            "TraCuuThongTinCongDan", SUBJECT_TAIL,
            "XacThucThongTinCongDan", SUBJECT_TAIL,
            "XacMinhTinhTrangHonNhan", SUBJECT_TAIL,
            "CungCapThongTinHoGiaDinh", SUBJECT_TAIL,
            "GuiYeuCauTraCuu", List.of("DanhSachCongDan"),
            "GetRequestStatus", List.of("MaYeuCauXuLy"),
            "GetRequestResult", List.of("MaYeuCauXuLy"));
    private static final int MAX_ASYNC_REQUESTS = 10_000;
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final MockGovPlatform platform;
    private final String username;
    private final String secretKey;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, AsyncRequest> requests = new ConcurrentHashMap<>();
    private final AtomicLong requestCounter = new AtomicLong();

    private record AsyncRequest(List<String[]> subjects, AtomicInteger polls) {
    }

    /**
     * Creates the service with the synthetic direct-route credentials {@link #DIRECT_USERNAME} and
     * {@link #DIRECT_SECRET_KEY}.
     *
     * @param platform the platform whose data, clock and base URL the service uses
     */
    public PopulationDbService(MockGovPlatform platform) {
        this(platform, DIRECT_USERNAME, DIRECT_SECRET_KEY);
    }

    /**
     * Creates the service expecting other direct-route credentials.
     *
     * @param platform the platform
     * @param username the user name the direct route must present
     * @param secretKey the secret key the signature is computed with
     */
    public PopulationDbService(MockGovPlatform platform, String username, String secretKey) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.username = Objects.requireNonNull(username, "username");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
    }

    /**
     * Returns the legacy ID number (số CMND) the mock gives the citizen at an index: {@code 1}
     * followed by the index in 8 digits.
     *
     * @param index the citizen's index, below 100,000,000
     * @return the 9 digits
     */
    public static String legacyIdNumberOf(long index) {
        if (index < 0 || index >= 100_000_000L) {
            throw new IllegalArgumentException("index must be between 0 and 99999999");
        }
        return String.format("1%08d", index);
    }

    /**
     * Returns the service's name.
     *
     * @return {@code Population database (C06)}
     */
    @Override
    public String name() {
        return "Population database (C06)";
    }

    /**
     * Returns the prefix.
     *
     * @return {@code /c06}
     */
    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    /** Forgets issued tokens and asynchronous requests. */
    @Override
    public void reset() {
        tokens.clear();
        requests.clear();
        requestCounter.set(0);
    }

    /**
     * Answers one request.
     *
     * @param request the request
     * @return the answer
     */
    @Override
    public MockResponse handle(MockRequest request) {
        String path = request.path();
        if (!path.equals(DIRECT_PATH) && !path.equals(LGSP_PATH) && !path.equals(LGSP_TOKEN_PATH)) {
            return fault(404, "Client", "C06-001", "no such endpoint: use " + DIRECT_PATH + ", " + LGSP_PATH
                    + " or " + LGSP_TOKEN_PATH);
        }
        if (!"POST".equals(request.method())) {
            return fault(405, "Client", "C06-001", "only POST is accepted").withHeader("Allow", "POST");
        }
        if (path.equals(LGSP_TOKEN_PATH)) {
            return token(request);
        }
        if (path.equals(DIRECT_PATH)) {
            String refusal = checkDirect(request);
            if (refusal != null) {
                return fault(401, "Client", refusal.startsWith("stale") ? "C06-402" : "C06-401", refusal);
            }
        } else {
            String refusal = checkLgsp(request);
            if (refusal != null) {
                return MockResponse.json(401, Json.write(Map.of("error", "C06-401", "error_description", refusal)))
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
        }
        return soap(request);
    }

    // ---------------------------------------------------------------- authentication

    private String checkDirect(MockRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "missing Basic authorization";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "malformed Basic authorization";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return "malformed Basic authorization";
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String timestamp = request.header("Timestamp").orElse("");
        if (!timestamp.matches("[0-9]{9,14}")) {
            return "missing or malformed Timestamp header";
        }
        if (request.header("X-Road-Client").filter(s -> !s.isBlank()).isEmpty()) {
            return "missing X-Road-Client header";
        }
        long ts = Long.parseLong(timestamp);
        Instant at = timestamp.length() >= 12 ? Instant.ofEpochMilli(ts) : Instant.ofEpochSecond(ts);
        Instant now = platform.clock().instant();
        if (Duration.between(at, now).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            return "stale Timestamp: more than " + TIMESTAMP_TOLERANCE.toMinutes() + " minutes from the server's clock";
        }
        boolean ok = false;
        for (String url : signedUrls(request)) {
            String expected = sha256Hex(url + username + timestamp + secretKey);
            ok |= MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        }
        if (!ok || !MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8))) {
            return "wrong user name or signature";
        }
        return null;
    }

    private List<String> signedUrls(MockRequest request) {
        List<String> urls = new ArrayList<>();
        String scheme = platform.tls().isPresent() ? "https" : "http";
        request.header("Host").ifPresent(host -> urls.add(scheme + "://" + host + request.path()));
        urls.add(platform.baseUrl(request.path()).toString());
        return urls;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final LgspMockAuth.Expected LGSP_EXPECTED = new LgspMockAuth.Expected(LGSP_CLIENT_ID,
            LGSP_CLIENT_SECRET, LGSP_ACCESS_KEY, LGSP_SECRET_KEY, LGSP_APP_NAME, LGSP_PARTNER_CODE);

    private static String checkAccessToken(MockRequest request) {
        return LgspMockAuth.refuseAccessToken(request, true, LGSP_EXPECTED);
    }

    private MockResponse token(MockRequest request) {
        MockResponse refused = LgspMockAuth.refuseTokenRequest(request, LGSP_EXPECTED);
        if (refused != null) {
            return refused;
        }
        String refusal = checkAccessToken(request);
        if (refusal != null) {
            return MockResponse.json(401, Json.write(Map.of("error", "invalid_client", "error_description", refusal)));
        }
        Instant now = platform.clock().instant();
        tokens.entrySet().removeIf(e -> e.getValue().isBefore(now));
        String token = UUID.randomUUID().toString();
        tokens.put(token, now.plusSeconds(TOKEN_LIFETIME_SECONDS));
        return LgspMockAuth.tokenAnswer(token, TOKEN_LIFETIME_SECONDS);
    }

    private String checkLgsp(MockRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "missing Bearer token";
        }
        Instant expiry = tokens.get(authorization.substring(7).strip());
        if (expiry == null || expiry.isBefore(platform.clock().instant())) {
            return "unknown or expired token";
        }
        return checkAccessToken(request);
    }

    // ---------------------------------------------------------------- SOAP

    /** A refusal that becomes a SOAP fault. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private MockResponse soap(MockRequest request) {
        try {
            Document doc;
            try {
                doc = SecureXml.parse(request.body());
            } catch (GovSdkException e) {
                throw new Refusal(500, "C06-001", "the request is not well-formed XML, or declares a DTD or entity");
            }
            Element operation = operation(doc);
            String op = operation.getLocalName();
            List<String> tail = TAILS.get(op);
            if (tail == null) {
                throw new Refusal(500, "C06-001", "unknown operation " + op);
            }
            Map<String, Element> fields = checkOrder(op, operation, tail);
            return switch (op) {
                case "TraCuuThongTinCongDan" -> lookup(fields);
                case "XacThucThongTinCongDan" -> verify(fields);
                case "XacMinhTinhTrangHonNhan" -> marital(fields);
                case "CungCapThongTinHoGiaDinh" -> household(fields);
                case "GuiYeuCauTraCuu" -> submit(fields);
                case "GetRequestStatus" -> status(fields);
                default -> result(fields);
            };
        } catch (Refusal r) {
            return fault(r.status, r.code.equals("C06-500") ? "Server" : "Client", r.code, r.getMessage());
        }
    }

    private static Element operation(Document doc) {
        Element envelope = doc.getDocumentElement();
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new Refusal(500, "C06-001", "the request is not a SOAP 1.1 envelope");
        }
        Element body = null;
        for (Element e : children(envelope)) {
            if (SOAP_NS.equals(e.getNamespaceURI()) && "Body".equals(e.getLocalName())) {
                body = e;
            }
        }
        if (body == null) {
            throw new Refusal(500, "C06-001", "the SOAP envelope has no Body");
        }
        List<Element> payload = children(body);
        if (payload.size() != 1 || !DAN_NS.equals(payload.get(0).getNamespaceURI())) {
            throw new Refusal(500, "C06-001", "the SOAP Body must hold one element in namespace " + DAN_NS);
        }
        return payload.get(0);
    }

    private static Map<String, Element> checkOrder(String op, Element operation, List<String> tail) {
        List<String> order = new ArrayList<>(COMMON);
        order.addAll(tail);
        Map<String, Element> fields = new LinkedHashMap<>();
        int last = -1;
        String lastName = null;
        for (Element e : children(operation)) {
            String name = e.getLocalName();
            if (!DAN_NS.equals(e.getNamespaceURI())) {
                throw new Refusal(500, "C06-003", "element " + name + " is not in namespace " + DAN_NS);
            }
            int rank = rank(order, name);
            if (rank < 0) {
                throw new Refusal(500, "C06-003", "unexpected element " + name + " in " + op);
            }
            if (rank <= last) {
                throw new Refusal(500, "C06-002", "element order: " + name + " must come before " + lastName
                        + " (required order: " + String.join(", ", order) + ")");
            }
            last = rank;
            lastName = name;
            fields.put(name, e);
        }
        for (String required : REQUIRED_COMMON) {
            if (text(fields, required) == null) {
                throw new Refusal(500, "C06-003", "missing element " + required);
            }
        }
        if (tail == SUBJECT_TAIL && !fields.containsKey("SoDinhDanh") && !fields.containsKey("SoCMND")) {
            throw new Refusal(500, "C06-003", "missing element SoDinhDanh or SoCMND");
        }
        if (!tail.equals(SUBJECT_TAIL) && !fields.containsKey(tail.get(0))) {
            throw new Refusal(500, "C06-003", "missing element " + tail.get(0));
        }
        return fields;
    }

    private static int rank(List<String> order, String name) {
        for (int i = 0; i < order.size(); i++) {
            for (String alternative : order.get(i).split("\\|")) {
                if (alternative.equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Map<String, Element> fields, String name) {
        Element e = fields.get(name);
        if (e == null) {
            return null;
        }
        String s = e.getTextContent().strip();
        return s.isEmpty() ? null : s;
    }

    private SyntheticCitizen findSubject(Map<String, Element> fields) {
        String cccd = text(fields, "SoDinhDanh");
        if (cccd != null) {
            if (!cccd.matches("[0-9]{12}")) {
                throw new Refusal(500, "C06-003", "SoDinhDanh must be 12 digits");
            }
            return platform.data().findByCitizenId(cccd).orElse(null);
        }
        String cmnd = text(fields, "SoCMND");
        if (cmnd == null || !cmnd.matches("[0-9]{9}")) {
            throw new Refusal(500, "C06-003", "SoCMND must be 9 digits");
        }
        return byLegacy(cmnd);
    }

    private SyntheticCitizen byLegacy(String cmnd) {
        if (cmnd.charAt(0) != '1') {
            return null;
        }
        long index = Long.parseLong(cmnd.substring(1));
        return index < platform.data().population() ? platform.data().citizen(index) : null;
    }

    private static String normalizedName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toUpperCase(VI);
    }

    private static Optional<Boolean> nameMatches(Map<String, Element> fields, SyntheticCitizen c) {
        String name = text(fields, "HoVaTen");
        return name == null ? Optional.empty() : Optional.of(normalizedName(name).equals(normalizedName(c.fullName())));
    }

    private static Optional<Boolean> birthMatches(Map<String, Element> fields, SyntheticCitizen c) {
        Element holder = fields.get("NgayThangNamSinh");
        if (holder == null) {
            return Optional.empty();
        }
        Map<String, Element> parts = new LinkedHashMap<>();
        children(holder).forEach(e -> parts.put(e.getLocalName(), e));
        String full = text(parts, "NgayThangNam");
        String year = text(parts, "Nam");
        if (full != null) {
            if (!full.matches("[0-9]{8}")) {
                throw new Refusal(500, "C06-003", "NgayThangNam must be yyyyMMdd");
            }
            return Optional.of(full.equals(c.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)));
        }
        if (year != null) {
            if (!year.matches("[0-9]{4}")) {
                throw new Refusal(500, "C06-003", "Nam must be yyyy");
            }
            return Optional.of(Integer.parseInt(year) == c.birthDate().getYear());
        }
        throw new Refusal(500, "C06-003", "NgayThangNamSinh must hold NgayThangNam or Nam");
    }

    private SyntheticCitizen requireSubject(Map<String, Element> fields, boolean checkDetails) {
        SyntheticCitizen c = findSubject(fields);
        if (c == null) {
            throw new Refusal(500, "C06-004", "no citizen with that identifier");
        }
        if (checkDetails && (!nameMatches(fields, c).orElse(true) || !birthMatches(fields, c).orElse(true))) {
            throw new Refusal(500, "C06-004", "no citizen matches the details given");
        }
        return c;
    }

    private MockResponse lookup(Map<String, Element> fields) {
        SyntheticCitizen c = requireSubject(fields, true);
        return answer("TraCuuThongTinCongDan", fields, w -> writeCitizen(w, c, legacyOf(fields)));
    }

    private static String legacyOf(Map<String, Element> fields) {
        return text(fields, "SoCMND");
    }

    private MockResponse verify(Map<String, Element> fields) {
        SyntheticCitizen c = findSubject(fields);
        if (!fields.containsKey("HoVaTen") && !fields.containsKey("NgayThangNamSinh")) {
            throw new Refusal(500, "C06-003", "XacThucThongTinCongDan needs HoVaTen or NgayThangNamSinh");
        }
        return answer("XacThucThongTinCongDan", fields, w -> {
            w.writeStartElement("ns1", "KetQuaXacThuc", DAN_NS);
            leaf(w, "TonTai", Boolean.toString(c != null));
            if (c != null) {
                Optional<Boolean> name = nameMatches(fields, c);
                Optional<Boolean> birth = birthMatches(fields, c);
                if (name.isPresent()) {
                    leaf(w, "HoVaTen", name.get().toString());
                }
                if (birth.isPresent()) {
                    leaf(w, "NgayThangNamSinh", birth.get().toString());
                }
            }
            w.writeEndElement();
        });
    }

    private PersonRef spouseOf(SyntheticCitizen c) {
        if (c.relationshipToHead() != Relationship.HEAD && c.relationshipToHead() != Relationship.SPOUSE) {
            return null;
        }
        SyntheticHousehold h = platform.data().householdOf(c);
        Relationship wanted = c.relationshipToHead() == Relationship.HEAD ? Relationship.SPOUSE : Relationship.HEAD;
        for (SyntheticCitizen m : h.members()) {
            if (m.relationshipToHead() == wanted && m.index() != c.index()) {
                return new PersonRef(m.citizenId(), m.fullName(), m.gender(), m.birthDate(),
                        java.util.OptionalLong.of(m.index()));
            }
        }
        return null;
    }

    private MockResponse marital(Map<String, Element> fields) {
        SyntheticCitizen c = requireSubject(fields, true);
        return answer("XacMinhTinhTrangHonNhan", fields, w -> {
            w.writeStartElement("ns1", "TinhTrangHonNhan", DAN_NS);
            leaf(w, "SoDinhDanh", c.citizenId());
            leaf(w, "MaTinhTrang", switch (c.maritalStatus()) {
                case SINGLE -> "1";
                case MARRIED -> "2";
                case DIVORCED -> "3";
                case WIDOWED -> "4";
            });
            leaf(w, "TenTinhTrang", c.maritalStatus().vietnameseName());
            PersonRef spouse = c.maritalStatus() == vn.govsdk.testkit.data.MaritalStatus.MARRIED ? spouseOf(c) : null;
            if (spouse != null) {
                person(w, "VoChong", spouse);
            }
            w.writeEndElement();
        });
    }

    private MockResponse household(Map<String, Element> fields) {
        SyntheticCitizen c = requireSubject(fields, true);
        SyntheticHousehold h = platform.data().householdOf(c);
        return answer("CungCapThongTinHoGiaDinh", fields, w -> {
            w.writeStartElement("ns1", "HoGiaDinh", DAN_NS);
            leaf(w, "SoHoKhau", h.householdId());
            leaf(w, "DiaChi", h.address().fullText());
            for (SyntheticCitizen m : h.members()) {
                w.writeStartElement("ns1", "ThanhVien", DAN_NS);
                leaf(w, "SoDinhDanh", m.citizenId());
                leaf(w, "HoVaTen", m.fullNameUpperCase());
                birth(w, m.birthDate());
                leaf(w, "GioiTinh", m.gender().vietnameseName());
                leaf(w, "QuanHeVoiChuHo", m.relationshipToHead().vietnameseName());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private MockResponse submit(Map<String, Element> fields) {
        List<String[]> subjects = new ArrayList<>();
        for (Element e : children(fields.get("DanhSachCongDan"))) {
            String name = e.getLocalName();
            String value = e.getTextContent().strip();
            if (!DAN_NS.equals(e.getNamespaceURI()) || !(name.equals("SoDinhDanh") || name.equals("SoCMND"))) {
                throw new Refusal(500, "C06-003", "DanhSachCongDan may hold only SoDinhDanh and SoCMND");
            }
            if (!value.matches(name.equals("SoDinhDanh") ? "[0-9]{12}" : "[0-9]{9}")) {
                throw new Refusal(500, "C06-003", name + " must be " + (name.equals("SoDinhDanh") ? 12 : 9) + " digits");
            }
            subjects.add(new String[] {name, value});
        }
        if (subjects.isEmpty() || subjects.size() > 1000) {
            throw new Refusal(500, "C06-003", "DanhSachCongDan must hold 1 to 1000 identifiers");
        }
        if (requests.size() >= MAX_ASYNC_REQUESTS) {
            throw new Refusal(503, "C06-500", "too many pending requests");
        }
        String handle = String.format("YC%010d", requestCounter.incrementAndGet());
        requests.put(handle, new AsyncRequest(List.copyOf(subjects), new AtomicInteger()));
        return answer("GuiYeuCauTraCuu", fields, w -> leaf(w, "MaYeuCauXuLy", handle));
    }

    private AsyncRequest asyncRequest(Map<String, Element> fields) {
        AsyncRequest r = requests.get(text(fields, "MaYeuCauXuLy"));
        if (r == null) {
            throw new Refusal(500, "C06-004", "no request with that MaYeuCauXuLy");
        }
        return r;
    }

    private MockResponse status(Map<String, Element> fields) {
        AsyncRequest r = asyncRequest(fields);
        int polls = r.polls().incrementAndGet();
        return answer("GetRequestStatus", fields, w -> {
            leaf(w, "MaYeuCauXuLy", text(fields, "MaYeuCauXuLy"));
            leaf(w, "TrangThai", polls <= POLLS_BEFORE_DONE ? "PENDING" : "DONE");
        });
    }

    private MockResponse result(Map<String, Element> fields) {
        AsyncRequest r = asyncRequest(fields);
        if (r.polls().get() <= POLLS_BEFORE_DONE) {
            throw new Refusal(500, "C06-003", "the request is not finished: poll GetRequestStatus until DONE");
        }
        return answer("GetRequestResult", fields, w -> {
            leaf(w, "MaYeuCauXuLy", text(fields, "MaYeuCauXuLy"));
            List<String[]> missing = new ArrayList<>();
            w.writeStartElement("ns1", "DanhSachCongDan", DAN_NS);
            for (String[] s : r.subjects()) {
                SyntheticCitizen c = s[0].equals("SoDinhDanh") ? platform.data().findByCitizenId(s[1]).orElse(null)
                        : byLegacy(s[1]);
                if (c == null) {
                    missing.add(s);
                } else {
                    writeCitizen(w, c, s[0].equals("SoCMND") ? s[1] : null);
                }
            }
            w.writeEndElement();
            w.writeStartElement("ns1", "KhongTimThay", DAN_NS);
            for (String[] s : missing) {
                leaf(w, s[0], s[1]);
            }
            w.writeEndElement();
        });
    }

    // ---------------------------------------------------------------- writing

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static MockResponse answer(String op, Map<String, Element> fields, Body body) {
        return MockResponse.xml(200, envelope(w -> {
            w.writeStartElement("ns1", op + "Response", DAN_NS);
            w.writeNamespace("ns1", DAN_NS);
            leaf(w, "MaYeuCau", text(fields, "MaYeuCau"));
            body.write(w);
            w.writeEndElement();
        }));
    }

    private static String envelope(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soapenv", "Envelope", SOAP_NS);
            w.writeNamespace("soapenv", SOAP_NS);
            w.writeStartElement("soapenv", "Body", SOAP_NS);
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Builds a SOAP 1.1 fault answer.
     *
     * @param status the HTTP status
     * @param faultCode {@code Client} or {@code Server}
     * @param code the service's error code ({@code detail/MaLoi})
     * @param message the fault string
     * @return the answer
     */
    static MockResponse fault(int status, String faultCode, String code, String message) {
        return MockResponse.xml(status, envelope(w -> {
            w.writeStartElement("soapenv", "Fault", SOAP_NS);
            w.writeStartElement("faultcode");
            w.writeCharacters("soapenv:" + faultCode);
            w.writeEndElement();
            w.writeStartElement("faultstring");
            w.writeCharacters(message);
            w.writeEndElement();
            w.writeStartElement("detail");
            w.writeStartElement("ns1", "MaLoi", DAN_NS);
            w.writeNamespace("ns1", DAN_NS);
            w.writeCharacters(code);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }));
    }

    private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("ns1", name, DAN_NS);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void birth(XMLStreamWriter w, LocalDate date) throws XMLStreamException {
        w.writeStartElement("ns1", "NgayThangNamSinh", DAN_NS);
        leaf(w, "NgayThangNam", date.format(DateTimeFormatter.BASIC_ISO_DATE));
        w.writeEndElement();
    }

    private static void person(XMLStreamWriter w, String element, PersonRef p) throws XMLStreamException {
        w.writeStartElement("ns1", element, DAN_NS);
        if (p.citizenId() != null) {
            leaf(w, "SoDinhDanh", p.citizenId());
        }
        leaf(w, "HoVaTen", p.fullName().toUpperCase(VI));
        w.writeEndElement();
    }

    private void writeCitizen(XMLStreamWriter w, SyntheticCitizen c, String legacy) throws XMLStreamException {
        w.writeStartElement("ns1", "CongDan", DAN_NS);
        leaf(w, "SoDinhDanh", c.citizenId());
        leaf(w, "SoCMND", legacy != null ? legacy : legacyIdNumberOf(c.index()));
        leaf(w, "HoVaTen", c.fullNameUpperCase());
        birth(w, c.birthDate());
        leaf(w, "GioiTinh", c.gender().vietnameseName());
        leaf(w, "NoiDangKyKhaiSinh", c.birthProvince().name());
        leaf(w, "QueQuan", c.birthProvince().name());
        leaf(w, "ThuongTru", c.address().fullText());
        leaf(w, "NoiOHienTai", c.address().fullText());
        leaf(w, "DanToc", c.ethnicity());
        leaf(w, "TonGiao", "Không");
        leaf(w, "QuocTich", "Việt Nam");
        person(w, "Cha", c.father());
        person(w, "Me", c.mother());
        PersonRef spouse = c.maritalStatus() == vn.govsdk.testkit.data.MaritalStatus.MARRIED ? spouseOf(c) : null;
        if (spouse != null) {
            person(w, "VoChong", spouse);
        }
        leaf(w, "SoHoKhau", c.householdId());
        w.writeEndElement();
    }
}
