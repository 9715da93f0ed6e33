package vn.govsdk.testkit.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.internal.Json;

/**
 * A mock of PayGov, the provincial payment gateway behind the data-sharing platform (LGSP), under
 * {@code /paygov}: {@code POST /paygov/token} (client credentials, with the {@code lgspaccesstoken}
 * header) issues a Bearer token; {@code POST /paygov/payment-url} checks the Bearer token, the
 * {@code lgspaccesstoken} header (its {@code AccessKey} must be {@link #ACCESS_KEY}) and the checksum,
 * and answers {@code data.url}. The test triggers the confirmation callback with
 * {@link #citizenPaid(String, URI)} / {@link #paymentFailed(String, URI)} or
 * {@code POST /paygov/__admin/callback {"orderId":…,"outcome":"paid|failed","callbackUrl":…}}.
 * Contract: docs/contracts/payments.md.
 */
public final class PayGovService implements MockService {

    /** The path prefix. */
    public static final String PREFIX = "/paygov";
    /** The synthetic LGSP client id for {@code /paygov/token}. */
    public static final String CLIENT_ID = "paygov-test-client";
    /** The synthetic LGSP client secret. */
    public static final String CLIENT_SECRET = "paygov-test-client-secret";
    /** The synthetic PayGov partner code. */
    public static final String PARTNER_CODE = "PAYGOV-TEST";
    /** The synthetic access key. */
    public static final String ACCESS_KEY = "paygov-test-access-key";
    /** The synthetic checksum secret key. */
    public static final String SECRET_KEY = "paygov-synthetic-secret-key";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final MockGovPlatform platform;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, String>> orders = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    /**
     * Creates the service.
     *
     * @param platform the platform
     */
    public PayGovService(MockGovPlatform platform) {
        this.platform = platform;
    }

    @Override
    public String name() {
        return "PayGov (provincial payment gateway via LGSP)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public void reset() {
        tokens.clear();
        orders.clear();
    }

    /**
     * Returns the fields of a requested order.
     *
     * @param orderId the order id
     * @return the fields, or empty
     */
    public Optional<Map<String, String>> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(Map::copyOf);
    }

    /**
     * Builds the signed confirmation callback of an order, without sending it.
     *
     * @param orderId the order id
     * @param paid whether the citizen paid ({@code errorCode} "00") or not ("24")
     * @return the JSON body
     */
    public String signedCallback(String orderId, boolean paid) {
        Map<String, String> o = orders.get(orderId);
        if (o == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", orderId);
        f.put("errorCode", paid ? "00" : "24");
        f.put("amount", o.get("amount"));
        f.put("orderInfo", o.get("orderInfo"));
        f.put("requestCode", o.get("requestCode"));
        f.put("transactionNo", "PG" + String.format("%010d", counter.incrementAndGet()));
        f.put("payDate", LocalDateTime.ofInstant(platform.clock().instant(), ZoneId.of("Asia/Ho_Chi_Minh")).format(BASIC));
        f.put("paygate", "PAYGOV");
        f.put("type", "1");
        f.put("transactionCode", "TC" + counter.get());
        String checksum = MockChecksums.sha256Hex(SECRET_KEY + ACCESS_KEY + PARTNER_CODE + orderId + f.get("requestCode")
                + f.get("amount") + f.get("errorCode") + f.get("transactionNo"));
        Map<String, Object> body = new LinkedHashMap<>(f);
        body.put("checksum", checksum);
        return Json.write(body);
    }

    /**
     * The citizen paid: sends the signed confirmation to a loopback URL.
     *
     * @param orderId the order
     * @param callbackUrl the unit's callback URL (loopback only)
     * @return what was sent and answered
     */
    public CallbackDelivery citizenPaid(String orderId, URI callbackUrl) {
        return CallbackSender.post(callbackUrl, signedCallback(orderId, true));
    }

    /**
     * The payment failed: sends the signed confirmation ({@code errorCode} "24") to a loopback URL.
     *
     * @param orderId the order
     * @param callbackUrl the unit's callback URL (loopback only)
     * @return what was sent and answered
     */
    public CallbackDelivery paymentFailed(String orderId, URI callbackUrl) {
        return CallbackSender.post(callbackUrl, signedCallback(orderId, false));
    }

    @Override
    public MockResponse handle(MockRequest request) {
        if (!"POST".equals(request.method())) {
            return MockResponse.json(405, "{\"errorCode\":\"405\",\"message\":\"POST only\"}");
        }
        String path = request.path();
        if (path.equals(PREFIX + "/__admin/callback")) {
            return adminCallback(request);
        }
        Optional<String> lgsp = request.header("lgspaccesstoken");
        if (lgsp.isEmpty() || !ACCESS_KEY.equals(accessKeyOf(lgsp.get()))) {
            return MockResponse.json(401, "{\"errorCode\":\"401\",\"message\":\"lgspaccesstoken thiếu hoặc sai\"}");
        }
        if (path.equals(PREFIX + "/token")) {
            String form = request.bodyAsString();
            boolean ok = form.contains("grant_type=client_credentials")
                    && (form.contains("client_id=" + CLIENT_ID) && form.contains("client_secret=" + CLIENT_SECRET)
                    || request.header("Authorization").orElse("").equals("Basic " + Base64.getEncoder()
                            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))));
            if (!ok) {
                return MockResponse.json(401, "{\"error\":\"invalid_client\"}");
            }
            String token = "paygov-token-" + counter.incrementAndGet();
            tokens.add(token);
            return MockResponse.json(200, Json.write(Map.of("access_token", token, "token_type", "Bearer",
                    "expires_in", 3600, "scope", "am_application_scope default")));
        }
        String auth = request.header("Authorization").orElse("");
        if (!auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
            return MockResponse.json(401, "{\"errorCode\":\"401\",\"message\":\"Bearer token thiếu hoặc sai\"}");
        }
        if (path.equals(PREFIX + "/payment-url")) {
            return paymentUrl(request);
        }
        return MockResponse.json(404, "{\"errorCode\":\"404\",\"message\":\"Không có đường dẫn này\"}");
    }

    private MockResponse paymentUrl(MockRequest request) {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return MockResponse.json(200, "{\"errorCode\":\"01\",\"message\":\"Dữ liệu không phải JSON\"}");
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String k : new String[] {"partnerCode", "returnUrl", "orderId", "amount", "orderInfo", "requestCode",
                "ipAddress", "checksum", "accessKey", "serviceCode"}) {
            JsonNode v = body.get(k);
            f.put(k, v == null || v.isNull() ? "" : v.asText());
        }
        String expected = MockChecksums.sha256Hex(SECRET_KEY + f.get("accessKey") + f.get("partnerCode")
                + f.get("orderId") + f.get("requestCode") + f.get("amount"));
        if (!MockChecksums.equal(expected, f.get("checksum"))) {
            return MockResponse.json(200, "{\"errorCode\":\"97\",\"message\":\"Sai checksum\"}");
        }
        if (!PARTNER_CODE.equals(f.get("partnerCode")) || !ACCESS_KEY.equals(f.get("accessKey"))) {
            return MockResponse.json(200, "{\"errorCode\":\"02\",\"message\":\"Đối tác không hợp lệ\"}");
        }
        if (!f.get("orderId").matches("[A-Za-z0-9._/-]+-01") || !f.get("amount").matches("[1-9][0-9]{0,17}")) {
            return MockResponse.json(200, "{\"errorCode\":\"03\",\"message\":\"orderId hoặc amount không hợp lệ\"}");
        }
        if (!f.get("orderInfo").matches("[\\x20-\\x7E]*")) {
            return MockResponse.json(200, "{\"errorCode\":\"03\",\"message\":\"orderInfo phải là ASCII không dấu\"}");
        }
        orders.put(f.get("orderId"), f);
        return MockResponse.json(200, Json.write(Map.of("errorCode", "00", "message", "Thành công",
                "data", Map.of("url", platform.baseUrl(PREFIX + "/pay/" + f.get("orderId")).toString()))));
    }

    private MockResponse adminCallback(MockRequest request) {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            return MockResponse.json(400, "{\"error\":\"not JSON\"}");
        }
        String orderId = body.path("orderId").asText("");
        URI url;
        try {
            url = URI.create(body.path("callbackUrl").asText(""));
        } catch (IllegalArgumentException e) {
            return MockResponse.json(400, "{\"error\":\"callbackUrl is not a URI\"}");
        }
        if (!orders.containsKey(orderId) || !MockChecksums.isLoopback(url)) {
            return MockResponse.json(400, "{\"error\":\"unknown orderId or callbackUrl not on loopback\"}");
        }
        CallbackDelivery d = "failed".equals(body.path("outcome").asText("paid"))
                ? paymentFailed(orderId, url) : citizenPaid(orderId, url);
        return MockResponse.json(200, Json.write(Map.of("sent", d.body(), "status", d.status(), "reply", d.reply())));
    }

    private static String accessKeyOf(String header) {
        try {
            JsonNode n = MAPPER.readTree(Base64.getDecoder().decode(header.trim()));
            return n == null ? null : n.path("AccessKey").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
