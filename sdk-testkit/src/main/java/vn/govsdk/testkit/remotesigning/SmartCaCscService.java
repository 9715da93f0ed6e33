package vn.govsdk.testkit.remotesigning;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A mock of VNPT SmartCA's CSC-style API under {@value #PREFIX}: OAuth2 tokens from {@code /auth/token}
 * (password grant with the subscriber's id and {@link #USER_PASSWORD}, refresh grant), then
 * {@code /csc/credentials/list}, {@code /csc/credentials/info}, {@code /csc/signature/signhash} (at most
 * {@value #MAX_HASHES} base64 hashes), {@code /csc/signature/sign} (at most {@value #MAX_FILES} files) and
 * {@code /csc/credentials/gettraninfo} with {@code tranStatus} 4000/1/4001/4002/4004, and a notification
 * to the request's {@code notifyUrl} when a transaction ends.
 *
 * Contract: docs/contracts/remote-signing.md, section 3. Thread-safe.
 */
public final class SmartCaCscService extends RemoteSigningMock {

    /** The path prefix. */
    public static final String PREFIX = "/smartca-csc";
    /** The synthetic OAuth2 client id. */
    public static final String CLIENT_ID = "govsdk-smartca-client";
    /** The synthetic OAuth2 client secret. */
    public static final String CLIENT_SECRET = "govsdk-smartca-client-secret";
    /** The synthetic password of every subscriber. */
    public static final String USER_PASSWORD = "govsdk-smartca-user-password";
    /** The most hashes one {@code signhash} call may carry. */
    public static final int MAX_HASHES = 50;
    /** The most files one {@code sign} call may carry. */
    public static final int MAX_FILES = 10;
    /** How long an access token lives, by the platform clock. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    /** How long a refresh token lives, by the platform clock. */
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

    private static final DateTimeFormatter CERT_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private record Token(String userId, Instant expiresAt) {
    }

    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param platform the platform
     */
    public SmartCaCscService(MockGovPlatform platform) {
        super(platform, "CSC-");
    }

    @Override
    public String name() {
        return "VNPT SmartCA CSC-style API (remote signing)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    /**
     * Returns the credential id of a subscriber, as {@code /csc/credentials/list} gives it.
     *
     * @param userId the 12-digit id
     * @return the credential id
     */
    public String credentialId(String userId) {
        subscriber(userId);
        return UUID.nameUUIDFromBytes(("smartca-csc:" + userId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void reset() {
        super.reset();
        accessTokens.clear();
        refreshTokens.clear();
    }

    // ------------------------------------------------------------------ wire format

    @Override
    MockResponse handleProvider(String path, MockRequest request) {
        if (!request.method().equals("POST")) {
            return envelope(405, 405, "METHOD_NOT_ALLOWED", "POST only", null);
        }
        if (path.equals("/auth/token")) {
            return token(request);
        }
        String userId = bearerUser(request);
        if (userId == null) {
            return envelope(401, 401, "UNAUTHORIZED", "Bearer access token missing, unknown or expired", null);
        }
        JsonNode body;
        try {
            body = Json.read(request.body().length == 0 ? "{}" : request.bodyAsString());
        } catch (IllegalArgumentException e) {
            return badRequest("body is not JSON");
        }
        if (!body.isObject()) {
            return badRequest("body must be a JSON object");
        }
        return switch (path) {
            case "/csc/credentials/list" -> ok(List.of(credentialId(userId)));
            case "/csc/credentials/info" -> info(body, userId);
            case "/csc/signature/signhash" -> signHash(body, userId, false);
            case "/csc/signature/sign" -> signHash(body, userId, true);
            case "/csc/credentials/gettraninfo" -> tranInfo(body, userId);
            default -> envelope(404, 404, "NOT_FOUND", "no such endpoint", null);
        };
    }

    private MockResponse token(MockRequest request) {
        Map<String, String> form = FormBodies.parse(request.bodyAsString());
        if (!CLIENT_ID.equals(form.get("client_id")) || !equal(CLIENT_SECRET, form.get("client_secret"))) {
            return oauthError(401, "invalid_client", "client_id or client_secret is wrong");
        }
        String grant = form.get("grant_type");
        String userId;
        String refresh;
        if ("password".equals(grant)) {
            String username = form.get("username");
            if (username == null || form.get("password") == null) {
                return oauthError(400, "invalid_request", "username and password are required");
            }
            if (!isUserId(username) || !equal(USER_PASSWORD, form.get("password"))) {
                return oauthError(400, "invalid_grant", "username or password is wrong");
            }
            userId = username;
            refresh = newToken("rt");
            refreshTokens.put(refresh, new Token(userId, now().plus(REFRESH_TOKEN_LIFETIME)));
        } else if ("refresh_token".equals(grant)) {
            refresh = form.get("refresh_token");
            Token t = refresh == null ? null : refreshTokens.get(refresh);
            if (t == null || !now().isBefore(t.expiresAt())) {
                return oauthError(400, "invalid_grant", "refresh_token is unknown or expired");
            }
            userId = t.userId();
        } else {
            return oauthError(400, "unsupported_grant_type", "grant_type must be password or refresh_token");
        }
        purgeExpired();
        String access = newToken("at");
        accessTokens.put(access, new Token(userId, now().plus(ACCESS_TOKEN_LIFETIME)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", access);
        m.put("token_type", "Bearer");
        m.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
        m.put("refresh_token", refresh);
        return MockResponse.json(200, Json.write(m));
    }

    /** Forgets expired tokens, so that a mock server running all day does not keep them. */
    private void purgeExpired() {
        Instant now = now();
        accessTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
        refreshTokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
    }

    private String bearerUser(MockRequest request) {
        String auth = request.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        Token t = accessTokens.get(auth.substring(7).trim());
        if (t == null || !now().isBefore(t.expiresAt())) {
            return null;
        }
        return t.userId();
    }

    private MockResponse info(JsonNode body, String userId) {
        if (!credentialId(userId).equals(text(body, "credentialId"))) {
            return envelope(200, 404, "CREDENTIAL_NOT_FOUND", "credentialId is not one of this subscriber's", null);
        }
        TestCredential c = credential(userId);
        X509Certificate cert = c.certificate();
        List<String> certificates = new ArrayList<>();
        certificates.add(Sp769Service.base64(cert));
        if ("chain".equals(text(body, "certificates"))) {
            certificates.add(Sp769Service.base64(c.chain().get(1)));
            certificates.add(Sp769Service.base64(c.chain().get(2)));
        }
        Map<String, Object> certInfo = new LinkedHashMap<>();
        certInfo.put("status", conditionOf(userId) == SubscriberCondition.CERTIFICATE_EXPIRED ? "EXPIRED" : "VALID");
        certInfo.put("certificates", certificates);
        certInfo.put("issuerDN", cert.getIssuerX500Principal().getName());
        certInfo.put("subjectDN", cert.getSubjectX500Principal().getName());
        certInfo.put("serialNumber", cert.getSerialNumber().toString(16));
        certInfo.put("validFrom", CERT_TIME.format(cert.getNotBefore().toInstant()) + "Z");
        certInfo.put("validTo", CERT_TIME.format(cert.getNotAfter().toInstant()) + "Z");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("credentialId", credentialId(userId));
        content.put("cert", certInfo);
        content.put("key", Map.of("status", "enabled", "algo", DigestAlgo.RSA_OID, "len", 2048));
        return ok(content);
    }

    private MockResponse signHash(JsonNode body, String userId, boolean files) {
        if (!credentialId(userId).equals(text(body, "credentialId"))) {
            return envelope(200, 404, "CREDENTIAL_NOT_FOUND", "credentialId is not one of this subscriber's", null);
        }
        JsonNode datas = body.get("datas");
        int max = files ? MAX_FILES : MAX_HASHES;
        if (datas == null || !datas.isArray() || datas.isEmpty()) {
            return badRequest("datas must hold at least one entry");
        }
        if (datas.size() > max) {
            return badRequest("datas holds at most " + max + (files ? " files" : " hashes") + " per call, got "
                    + datas.size());
        }
        DigestAlgo declared = null;
        String hashAlgo = text(body, "hashAlgo");
        if (hashAlgo != null) {
            declared = DigestAlgo.ofOid(hashAlgo).orElse(null);
            if (declared == null || files && declared != DigestAlgo.SHA256) {
                return badRequest("hashAlgo must be the OID of SHA-256, SHA-384 or SHA-512");
            }
        }
        URI notifyUrl = null;
        String notify = text(body, "notifyUrl");
        if (notify != null) {
            try {
                notifyUrl = Webhooks.requireLoopback(URI.create(notify), "notifyUrl");
            } catch (IllegalArgumentException e) {
                return badRequest("notifyUrl must be an http(s) URL on loopback in the mock");
            }
        }
        List<Transaction.Document> documents = new ArrayList<>();
        for (int i = 0; i < datas.size(); i++) {
            JsonNode d = datas.get(i);
            String name = d.isObject() ? text(d, "name") : null;
            String data = d.isObject() ? text(d, files ? "dataBase64" : "hash") : null;
            byte[] bytes;
            try {
                bytes = data == null ? null : Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
            if (name == null || bytes == null) {
                return badRequest("datas[" + i + "] needs name and " + (files ? "dataBase64" : "hash") + " (base64)");
            }
            DigestAlgo algo;
            if (files) {
                bytes = sha256(bytes);
                algo = DigestAlgo.SHA256;
            } else {
                algo = DigestAlgo.ofLength(bytes.length).orElse(null);
                if (algo == null || declared != null && declared != algo) {
                    return badRequest("datas[" + i + "].hash must be a SHA-256, SHA-384 or SHA-512 digest"
                            + (declared != null ? " matching hashAlgo" : ""));
                }
            }
            documents.add(new Transaction.Document(name, bytes, algo));
        }
        switch (conditionOf(userId)) {
            case QUOTA_EXHAUSTED:
                return envelope(200, 403, "SERVICE_PACK_EXEED_OR_INVALID", "the signing quota is used up", null);
            case CERTIFICATE_EXPIRED:
                return envelope(200, 403, "CREDENTIAL_STATUS_INVALID", "the certificate expired or was revoked", null);
            default:
                break;
        }
        URI url = notifyUrl;
        Transaction t = create(userId, documents, text(body, "refTranId"), tr -> {
            tr.description = text(body, "description");
            tr.notifyUrl = url;
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("tranId", t.id);
        content.put("refTranId", t.clientReference);
        return ok(content);
    }

    private MockResponse tranInfo(JsonNode body, String userId) {
        String id = text(body, "tranId");
        Transaction existing = find(id);
        if (existing == null || !existing.userId.equals(userId)) {
            return envelope(200, 404, "TRANSACTION_NOT_FOUND", "no transaction " + id + " for this subscriber", null);
        }
        Transaction t = poll(id);
        return ok(tranContent(t, true));
    }

    private static Map<String, Object> tranContent(Transaction t, boolean withHash) {
        Map<String, Object> content = new LinkedHashMap<>();
        synchronized (t) {
            content.put("tranId", t.id);
            content.put("refTranId", t.clientReference);
            content.put("tranStatus", Sp769Service.tranStatus(t.state));
            content.put("tranStatusDesc", Sp769Service.stateName(t.state));
            List<Object> docs = new ArrayList<>();
            for (int i = 0; i < t.documents.size(); i++) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("name", t.documents.get(i).name());
                if (withHash) {
                    d.put("hash", Base64.getEncoder().encodeToString(t.documents.get(i).digest()));
                }
                d.put("sig", t.state == TransactionState.SIGNED
                        ? Base64.getEncoder().encodeToString(t.signatures.get(i)) : null);
                if (withHash) {
                    d.put("dataSigned", null);
                }
                docs.add(d);
            }
            content.put("documents", docs);
        }
        return content;
    }

    @Override
    void deliverWebhook(Transaction t) {
        URI url = t.notifyUrl;
        if (url == null) {
            return;
        }
        recordDelivery(Webhooks.post(url, Webhooks.JSON, Json.write(tranContent(t, false)), Map.of()));
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean equal(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken(String kind) {
        return "smartca-" + kind + "-" + UUID.randomUUID();
    }

    private static MockResponse ok(Object content) {
        return envelope(200, 0, "SUCCESS", "", content);
    }

    private static MockResponse badRequest(String description) {
        return envelope(200, 400, "BAD_REQUEST", description, null);
    }

    private static MockResponse envelope(int httpStatus, int code, String message, String codeDesc, Object content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        m.put("codeDesc", codeDesc);
        m.put("content", content);
        return MockResponse.json(httpStatus, Json.write(m));
    }

    private static MockResponse oauthError(int status, String error, String description) {
        return MockResponse.json(status, Json.write(Map.of("error", error, "error_description", description)));
    }
}
