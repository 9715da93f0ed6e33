package vn.govsdk.testkit.remotesigning;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A mock of the "sp769" remote signing shape, in its two dialects: VNPT SmartCA sp769
 * ({@link #smartCa(MockGovPlatform)}, prefix {@code /smartca}, hexadecimal hashes) and the NEAC eSign
 * gateway ({@link #eSign(MockGovPlatform)}, prefix {@code /esign}, {@code ca_name} required, base64 hashes
 * by default). Credentials {@link #SP_ID} / {@link #SP_PASSWORD}. Results by status poll or by a webhook
 * configured here ({@link #webhook(URI, String)}), signed with an HMAC-SHA256 header.
 *
 * <pre>{@code
 * Sp769Service smartCa = (Sp769Service) platform.service("/smartca").orElseThrow();
 * smartCa.behaviour(CitizenBehaviour.manual());
 * smartCa.webhook(receiver.url("/smartca-callback").uri(), "shared-secret");
 * // client: POST /smartca/v1/signatures/sign ...
 * smartCa.confirm(smartCa.lastTransaction().orElseThrow().id());   // webhook delivered now
 * }</pre>
 *
 * Contract: docs/contracts/remote-signing.md, sections 1 and 2. Thread-safe.
 */
public final class Sp769Service extends RemoteSigningMock {

    /** The path prefix of the SmartCA sp769 mock. */
    public static final String SMARTCA_PREFIX = "/smartca";
    /** The path prefix of the NEAC eSign mock. */
    public static final String ESIGN_PREFIX = "/esign";
    /** The synthetic service-provider id both dialects accept. */
    public static final String SP_ID = "govsdk-test-sp";
    /** The synthetic service-provider password both dialects accept. */
    public static final String SP_PASSWORD = "govsdk-test-sp-password";
    /** The most {@code sign_files} one sign request may carry (our limit; the guide gives none). */
    public static final int MAX_SIGN_FILES = 50;
    /** The header carrying the webhook's HMAC: {@code sha256=<lowercase hex>}. */
    public static final String SIGNATURE_HEADER = "X-Signature";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final boolean eSign;
    private final HashEncoding defaultEncoding;
    private volatile HashEncoding encoding;
    private volatile URI webhookUrl;
    private volatile String webhookSecret;

    private Sp769Service(MockGovPlatform platform, boolean eSign) {
        super(platform, eSign ? "ESG-" : "SCA-");
        this.eSign = eSign;
        this.defaultEncoding = eSign ? HashEncoding.BASE64 : HashEncoding.HEX;
        this.encoding = defaultEncoding;
    }

    /**
     * Creates the VNPT SmartCA sp769 mock, under {@value #SMARTCA_PREFIX}, hexadecimal hashes.
     *
     * @param platform the platform
     * @return the service
     */
    public static Sp769Service smartCa(MockGovPlatform platform) {
        return new Sp769Service(platform, false);
    }

    /**
     * Creates the NEAC eSign gateway mock, under {@value #ESIGN_PREFIX}, base64 hashes unless
     * {@link #hashEncoding(HashEncoding)} says otherwise.
     *
     * @param platform the platform
     * @return the service
     */
    public static Sp769Service eSign(MockGovPlatform platform) {
        return new Sp769Service(platform, true);
    }

    @Override
    public String name() {
        return eSign ? "NEAC eSign gateway (remote signing)" : "VNPT SmartCA sp769 (remote signing)";
    }

    @Override
    public String pathPrefix() {
        return eSign ? ESIGN_PREFIX : SMARTCA_PREFIX;
    }

    /**
     * Sets how {@code data_to_be_signed} is encoded (SmartCA default hex, eSign default base64).
     *
     * @param encoding the encoding
     * @return this service
     */
    public Sp769Service hashEncoding(HashEncoding encoding) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        return this;
    }

    /**
     * Returns how {@code data_to_be_signed} is encoded.
     *
     * @return the encoding
     */
    public HashEncoding hashEncoding() {
        return encoding;
    }

    /**
     * Sends each ended transaction to a receiver, as the provider does for the URL an SP registered:
     * a JSON POST with {@link #SIGNATURE_HEADER} {@code sha256=<hex HMAC-SHA256(secret, body)>}.
     *
     * @param url the receiver, http(s) on loopback
     * @param secret the secret shared with the receiver, not blank
     * @return this service
     * @throws IllegalArgumentException when the URL is not on loopback or the secret is blank
     */
    public Sp769Service webhook(URI url, String secret) {
        Webhooks.requireLoopback(url, "url");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        this.webhookSecret = secret;
        this.webhookUrl = url;
        return this;
    }

    /** Stops sending webhooks. */
    public void clearWebhook() {
        this.webhookUrl = null;
        this.webhookSecret = null;
    }

    @Override
    public void reset() {
        super.reset();
        clearWebhook();
        encoding = defaultEncoding;
    }

    // ------------------------------------------------------------------ wire format

    @Override
    MockResponse handleProvider(String path, MockRequest request) {
        if (!request.method().equals("POST")) {
            return envelope(405, "METHOD_NOT_ALLOWED", null);
        }
        String certificatePath = eSign ? "/get_certificate" : "/v1/credentials/get_certificate";
        String signPath = eSign ? "/sign" : "/v1/signatures/sign";
        boolean status = path.startsWith(signPath + "/") && path.endsWith("/status");
        if (!path.equals(certificatePath) && !path.equals(signPath) && !status) {
            return envelope(404, "NOT_FOUND", null);
        }
        JsonNode body;
        try {
            body = Json.read(request.bodyAsString());
        } catch (IllegalArgumentException e) {
            return badRequest("body is not JSON");
        }
        if (!body.isObject()) {
            return badRequest("body must be a JSON object");
        }
        if (!credentialsValid(body)) {
            return envelope(401, "SP_CREDENTIAL_INVALID", null);
        }
        if (status) {
            String id = path.substring(signPath.length() + 1, path.length() - "/status".length());
            return status(id);
        }
        String userId = text(body, "user_id");
        if (!isUserId(userId)) {
            return badRequest("user_id must be a 12-digit personal identification number");
        }
        if (eSign) {
            String caName = text(body, "ca_name");
            if (caName == null || caName.length() > 64) {
                return badRequest("ca_name is required, at most 64 characters");
            }
        }
        return path.equals(certificatePath) ? certificate(body, userId) : sign(body, userId);
    }

    private static boolean credentialsValid(JsonNode body) {
        String id = text(body, "sp_id");
        String password = text(body, "sp_password");
        return id != null && password != null
                && MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), SP_ID.getBytes(StandardCharsets.UTF_8))
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                        SP_PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    private MockResponse certificate(JsonNode body, String userId) {
        TestCredential c = credential(userId);
        X509Certificate cert = c.certificate();
        String serial = cert.getSerialNumber().toString(16);
        String wanted = text(body, "serial_number");
        List<Object> list = new ArrayList<>();
        if (wanted == null || wanted.equalsIgnoreCase(serial)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service_type", "SMARTCA");
            entry.put("service_name", eSign ? "eSign (govsdk mock)" : "SmartCA PS0 (govsdk mock)");
            entry.put("cert_id", UUID.nameUUIDFromBytes(cert.getSerialNumber().toByteArray()).toString());
            entry.put("cert_status", conditionOf(userId) == SubscriberCondition.CERTIFICATE_EXPIRED
                    ? "Hết hạn" : "Đang hoạt động");
            entry.put("serial_number", serial);
            entry.put("cert_subject", cert.getSubjectX500Principal().getName());
            entry.put("cert_valid_from", vietnamTime(cert.getNotBefore().toInstant()));
            entry.put("cert_valid_to", vietnamTime(cert.getNotAfter().toInstant()));
            // The real service ends cert_data with CRLF; clients must strip it.
            entry.put("cert_data", base64(cert) + "\r\n");
            entry.put("chain_data", Map.of("ca_cert", base64(c.chain().get(1)), "root_cert", base64(c.chain().get(2))));
            entry.put("transaction_id", text(body, "transaction_id"));
            list.add(entry);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_certificates", list);
        return envelope(200, "SUCCESS", data);
    }

    private MockResponse sign(JsonNode body, String userId) {
        String reference = text(body, "transaction_id");
        if (reference == null && !eSign) {
            return badRequest("transaction_id is required");
        }
        JsonNode files = body.get("sign_files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            return badRequest("sign_files must hold at least one entry");
        }
        if (files.size() > MAX_SIGN_FILES) {
            return badRequest("sign_files holds at most " + MAX_SIGN_FILES + " entries per request, got " + files.size());
        }
        List<Transaction.Document> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode f : files) {
            String docId = f.isObject() ? text(f, "doc_id") : null;
            String signType = f.isObject() ? text(f, "sign_type") : null;
            byte[] digest = f.isObject() ? decode(text(f, "data_to_be_signed")) : null;
            String at = "sign_files[" + documents.size() + "]";
            if (docId == null || !ids.add(docId)) {
                return badRequest(at + ".doc_id is required and must be unique in the request");
            }
            if (!"hash".equals(signType)) {
                return badRequest(at + ".sign_type must be hash: only hash signing is supported");
            }
            DigestAlgo algo = digest == null ? null : DigestAlgo.ofLength(digest.length).orElse(null);
            if (algo == null) {
                return badRequest(at + ".data_to_be_signed must be a SHA-256, SHA-384 or SHA-512 digest in "
                        + (encoding == HashEncoding.HEX ? "hex" : "base64"));
            }
            documents.add(new Transaction.Document(docId, digest, algo));
        }
        switch (conditionOf(userId)) {
            case QUOTA_EXHAUSTED:
                return envelope(403, "SERVICE_PACK_EXEED_OR_INVALID", null);
            case CERTIFICATE_EXPIRED:
                return envelope(403, "CREDENTIAL_STATUS_INVALID", null);
            default:
                break;
        }
        Transaction t;
        synchronized (this) {
            if (reference != null && referenceUsed(reference)) {
                return badRequest("transaction_id was already used");
            }
            t = create(userId, documents, reference, tr -> {
                tr.tranCode = tranCode();
                tr.description = text(body, "transaction_desc");
                tr.caName = text(body, "ca_name");
            });
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transaction_id", t.id);
        data.put("tran_code", t.tranCode);
        return envelope(200, "sig_wait_for_user_confirm", data);
    }

    private MockResponse status(String id) {
        Transaction t = poll(id);
        if (t == null) {
            return envelope(404, "TRANSACTION_NOT_FOUND", null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        String message;
        synchronized (t) {
            data.put("transaction_id", t.id);
            data.put("tran_code", t.tranCode);
            data.put("tran_status", tranStatus(t.state));
            data.put("signatures", t.state == TransactionState.SIGNED ? signedFiles(t) : null);
            message = stateName(t.state);
        }
        return envelope(200, message, data);
    }

    @Override
    void deliverWebhook(Transaction t) {
        URI url = webhookUrl;
        String secret = webhookSecret;
        if (url == null || secret == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (t) {
            body.put("sp_id", SP_ID);
            body.put("status_code", t.state == TransactionState.SIGNED ? 200 : 400);
            body.put("message", stateName(t.state));
            body.put("transaction_id", t.id);
            body.put("signed_files", t.state == TransactionState.SIGNED ? signedFiles(t) : List.of());
        }
        String json = Json.write(body);
        String hmac = Webhooks.hmacSha256Hex(secret, json.getBytes(StandardCharsets.UTF_8));
        recordDelivery(Webhooks.post(url, Webhooks.JSON, json, Map.of(SIGNATURE_HEADER, "sha256=" + hmac)));
    }

    @Override
    MockResponse adminExtra(String path, MockRequest request, JsonNode body) {
        if (path.equals("/webhook")) {
            String url = text(body, "url");
            String secret = text(body, "secret");
            if (url == null || secret == null) {
                return adminError(400, "url and secret are required");
            }
            webhook(URI.create(url), secret);
            return MockResponse.json(200, Json.write(Map.of("url", url)));
        }
        if (path.equals("/hash-encoding")) {
            String e = text(body, "encoding");
            if (!"hex".equals(e) && !"base64".equals(e)) {
                return adminError(400, "encoding must be hex or base64");
            }
            hashEncoding(e.equals("hex") ? HashEncoding.HEX : HashEncoding.BASE64);
            return MockResponse.json(200, Json.write(Map.of("encoding", e)));
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private List<Object> signedFiles(Transaction t) {
        List<Object> out = new ArrayList<>();
        String time = vietnamTime(t.endedAt);
        for (int i = 0; i < t.documents.size(); i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("doc_id", t.documents.get(i).name());
            f.put("signature_value", Base64.getEncoder().encodeToString(t.signatures.get(i)));
            f.put("timestamp_signature", time);
            out.add(f);
        }
        return out;
    }

    private byte[] decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            return encoding == HashEncoding.HEX ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String tranCode() {
        String hex = UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return hex.substring(0, 6);
    }

    static int tranStatus(TransactionState state) {
        return switch (state) {
            case WAITING -> 4000;
            case SIGNED -> 1;
            case EXPIRED -> 4001;
            case REJECTED -> 4002;
            case FAILED -> 4004;
        };
    }

    static String stateName(TransactionState state) {
        return switch (state) {
            case WAITING -> "WAITING_FOR_SIGNER_CONFIRM";
            case SIGNED -> "SUCCESS";
            case EXPIRED -> "EXPIRED";
            case REJECTED -> "SIGNER_REJECTED";
            case FAILED -> "SIGN_FAILED";
        };
    }

    private static String vietnamTime(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), VIETNAM).format(ISO);
    }

    static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse envelope(int status, String message, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status_code", status);
        m.put("message", message);
        m.put("data", data);
        return MockResponse.json(status, Json.write(m));
    }

    /** A 400 BAD_REQUEST envelope with the mock's own {@code detail} member naming the field and the rule. */
    private static MockResponse badRequest(String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status_code", 400);
        m.put("message", "BAD_REQUEST");
        m.put("data", null);
        m.put("detail", detail);
        return MockResponse.json(400, Json.write(m));
    }
}
