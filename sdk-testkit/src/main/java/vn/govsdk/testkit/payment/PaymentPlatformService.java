package vn.govsdk.testkit.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.Json;

/**
 * A mock of the public-service portal's payment platform (PP DVCQG) under {@code /ppdvcqg}:
 * {@code POST /ppdvcqg/inittransaction} checks {@code MaXacThuc} with the synthetic key
 * {@link #HASH_KEY} and returns {@code UrlThanhToan}; the test then makes the citizen pay or fail
 * with {@link #citizenPaid(String, URI)} / {@link #paymentFailed(String, URI)} or
 * {@code POST /ppdvcqg/__admin/callback {"MaThamChieu":…,"outcome":"paid|failed","callbackUrl":…}},
 * and the mock sends the signed result callback to that loopback URL.
 * Contract: docs/contracts/payments.md.
 */
public final class PaymentPlatformService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/ppdvcqg";
    /** The synthetic partner code ({@code MaDoiTac}) the mock accepts. */
    public static final String PARTNER_CODE = "DVC-TEST";
    /** The synthetic shared key ({@code hash_key}). */
    public static final String HASH_KEY = "ppdvcqg-synthetic-hash-key";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> INIT = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "SoTien",
            "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
            "ThongTinGiaoDich", "ThoiGianGD", "Ip");
    private static final List<String> CALLBACK = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu", "SoTien",
            "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");

    private final MockGovPlatform platform;
    private final Map<String, Map<String, String>> transactions = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /**
     * Creates the service.
     *
     * @param platform the platform (clock and base URL)
     */
    public PaymentPlatformService(MockGovPlatform platform) {
        this.platform = platform;
    }

    @Override
    public String name() {
        return "Payment platform (PP DVCQG)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        transactions.clear();
    }

    /**
     * Returns whether a transaction was started with this reference.
     *
     * @param reference {@code MaThamChieu}
     * @return the fields received, or empty
     */
    public Optional<Map<String, String>> transaction(String reference) {
        return Optional.ofNullable(transactions.get(reference)).map(Map::copyOf);
    }

    /**
     * Builds the signed result callback for a started transaction, without sending it.
     *
     * @param reference {@code MaThamChieu}
     * @param paid whether the citizen paid ({@code MaLoi} "00") or not ("01")
     * @return the JSON body
     * @throws IllegalArgumentException for an unknown reference
     */
    public String signedCallback(String reference, boolean paid) {
        Map<String, String> t = transactions.get(reference);
        if (t == null) {
            throw new IllegalArgumentException("no transaction " + reference);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("LoaiBanTin", "PAY_RESULT");
        f.put("MaLoi", paid ? "00" : "01");
        f.put("MaDoiTac", t.get("MaDoiTac"));
        f.put("MaThamChieu", reference);
        f.put("SoTien", t.get("SoTien"));
        f.put("MaTienTe", t.get("MaTienTe"));
        f.put("MaGiaoDich", "GD" + String.format("%010d", counter.incrementAndGet()));
        f.put("MaNganHang", "NHTEST");
        f.put("ThoiGianGD", LocalDateTime.ofInstant(platform.clock().instant(), VIETNAM).format(BASIC));
        f.put("ThongTinGiaoDich", t.get("ThongTinGiaoDich"));
        StringBuilder sb = new StringBuilder();
        for (String name : CALLBACK) {
            sb.append(f.get(name) == null ? "" : f.get(name)).append('|');
        }
        Map<String, Object> body = new LinkedHashMap<>(f);
        body.put("MaXacThuc", MockChecksums.sha256Hex(sb.append(HASH_KEY).toString()));
        return Json.write(body);
    }

    /**
     * The citizen paid: sends the signed callback ({@code MaLoi} "00") to a loopback URL.
     *
     * @param reference {@code MaThamChieu}
     * @param callbackUrl the unit's callback URL (loopback only)
     * @return what was sent and answered
     */
    public CallbackDelivery citizenPaid(String reference, URI callbackUrl) {
        return CallbackSender.post(callbackUrl, signedCallback(reference, true));
    }

    /**
     * The payment failed: sends the signed callback ({@code MaLoi} "01") to a loopback URL.
     *
     * @param reference {@code MaThamChieu}
     * @param callbackUrl the unit's callback URL (loopback only)
     * @return what was sent and answered
     */
    public CallbackDelivery paymentFailed(String reference, URI callbackUrl) {
        return CallbackSender.post(callbackUrl, signedCallback(reference, false));
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (!"POST".equals(request.method())) {
            return MockResponse.json(405, "{\"MaLoi\":\"99\",\"MoTaLoi\":\"POST only\"}");
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return reply("01", "Dữ liệu không phải JSON", null);
        }
        String path = request.path();
        if (path.equals(PREFIX + "/inittransaction")) {
            return init(body);
        }
        if (path.equals(PREFIX + "/__admin/callback")) {
            String ref = body.path("MaThamChieu").asText("");
            URI url;
            try {
                url = URI.create(body.path("callbackUrl").asText(""));
            } catch (IllegalArgumentException e) {
                return MockResponse.json(400, "{\"error\":\"callbackUrl is not a URI\"}");
            }
            if (!transactions.containsKey(ref) || !MockChecksums.isLoopback(url)) {
                return MockResponse.json(400, "{\"error\":\"unknown MaThamChieu or callbackUrl not on loopback\"}");
            }
            CallbackDelivery d = "failed".equals(body.path("outcome").asText("paid"))
                    ? paymentFailed(ref, url) : citizenPaid(ref, url);
            return MockResponse.json(200, Json.write(Map.of("sent", d.body(), "status", d.status(), "reply", d.reply())));
        }
        return MockResponse.json(404, "{\"MaLoi\":\"99\",\"MoTaLoi\":\"Không có đường dẫn này\"}");
    }

    private MockResponse init(JsonNode body) {
        Map<String, String> f = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        for (String name : INIT) {
            JsonNode v = body.get(name);
            String s = v == null || v.isNull() ? "" : v.asText();
            f.put(name, s);
            sb.append(s).append('|');
        }
        String expected = MockChecksums.sha256Hex(sb.append(HASH_KEY).toString());
        if (!MockChecksums.equal(expected, body.path("MaXacThuc").asText(null))) {
            return reply("97", "Sai mã xác thực", f.get("MaThamChieu"));
        }
        if (!PARTNER_CODE.equals(f.get("MaDoiTac"))) {
            return reply("02", "Đối tác không hợp lệ", f.get("MaThamChieu"));
        }
        if (!f.get("SoTien").matches("[1-9][0-9]{0,17}")) {
            return reply("03", "Số tiền không hợp lệ", f.get("MaThamChieu"));
        }
        if (!f.get("ThoiGianGD").matches("[0-9]{14}")) {
            return reply("03", "ThoiGianGD không hợp lệ", f.get("MaThamChieu"));
        }
        String ref = f.get("MaThamChieu");
        if (ref.isBlank() || transactions.putIfAbsent(ref, f) != null) {
            return reply("04", "Mã tham chiếu đã tồn tại", ref);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaLoi", "00");
        r.put("MoTaLoi", "Thành công");
        r.put("MaThamChieu", ref);
        r.put("UrlThanhToan", platform.baseUrl(PREFIX + "/pay/" + ref).toString());
        return MockResponse.json(200, Json.write(r));
    }

    private static MockResponse reply(String code, String message, String ref) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaLoi", code);
        r.put("MoTaLoi", message);
        r.put("MaThamChieu", ref == null ? "" : ref);
        return MockResponse.json(200, Json.write(r));
    }
}
