package vn.govsdk.testkit.remotesigning;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import java.util.regex.Pattern;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockResponse;
import vn.govsdk.testkit.internal.Json;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A mock of Viettel MySign (Viettel-CA remote signing) under {@value #PREFIX}: per-user one-hour tokens
 * from {@code /vtss/service/ras/v1/login}, {@code /vtss/service/certificates/info},
 * {@code /vtss/service/signHash} with {@code async} 0 (answers at once), 1 and 2 (poll) or 3 (webhook),
 * and {@code /vtss/service/requests/status} with statuses 4000, 6000, 1, 4001, 4002, 4004 (and 4005, 13004
 * for the quota and certificate conditions). {@code async=3} results go to the endpoints registered with
 * {@link #webhook(MySignWebhook)}: a client-credentials token first, then the result with that Bearer token.
 *
 * Contract: docs/contracts/remote-signing.md, section 4. Thread-safe.
 */
public final class MySignService extends RemoteSigningMock {

    /** The path prefix. */
    public static final String PREFIX = "/mysign";
    /** The synthetic client id. */
    public static final String CLIENT_ID = "govsdk-mysign-client";
    /** The synthetic client secret. */
    public static final String CLIENT_SECRET = "govsdk-mysign-client-secret";
    /** The signing profile. */
    public static final String PROFILE_ID = "adss:ras:profile:001";
    /** The most hashes one signHash call may carry: the certificate's {@code multisign}. */
    public static final int MAX_HASHES = 50;
    /** How long a login token lives, by the platform clock. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private static final Pattern USER = Pattern.compile("(?:CCCD_|CMT_)?([0-9]{12})");
    private static final Pattern SAFE_TEXT = Pattern.compile("[a-zA-Z0-9_\\- ]{1,100}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'+0000'")
            .withZone(ZoneOffset.UTC);

    private record Token(String userId, Instant expiresAt) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile MySignWebhook webhook;

    /**
     * Creates the service.
     *
     * @param platform the platform
     */
    public MySignService(MockGovPlatform platform) {
        super(platform, "MYS-");
    }

    @Override
    public String name() {
        return "Viettel MySign (remote signing)";
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    /**
     * Registers the integrator's endpoints that receive {@code async=3} results.
     *
     * @param webhook the endpoints and the client credentials the integrator issued
     * @return this service
     */
    public MySignService webhook(MySignWebhook webhook) {
        this.webhook = java.util.Objects.requireNonNull(webhook, "webhook");
        return this;
    }

    /**
     * Returns the credential id of a subscriber, as {@code certificates/info} gives it.
     *
     * @param userId the 12-digit id
     * @return the credential id
     */
    public String credentialId(String userId) {
        subscriber(userId);
        return UUID.nameUUIDFromBytes(("mysign:" + userId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void reset() {
        super.reset();
        tokens.clear();
        webhook = null;
    }

    // ------------------------------------------------------------------ wire format

    @Override
    MockResponse handleProvider(String path, MockRequest request) {
        if (!request.method().equals("POST")) {
            return error(405, 405, "POST only");
        }
        JsonNode body;
        try {
            body = Json.read(request.bodyAsString());
        } catch (IllegalArgumentException e) {
            return error(400, 400, "body is not JSON");
        }
        if (!body.isObject()) {
            return error(400, 400, "body must be a JSON object");
        }
        if (path.equals("/vtss/service/ras/v1/login")) {
            return login(body);
        }
        if (!path.equals("/vtss/service/certificates/info") && !path.equals("/vtss/service/signHash")
                && !path.equals("/vtss/service/requests/status")) {
            return error(404, 404, "no such endpoint");
        }
        String userId = bearerUser(request);
        if (userId == null) {
            return error(401, 401, "Bearer token missing, unknown or expired; log in again");
        }
        if (path.equals("/vtss/service/requests/status")) {
            return status(body, userId);
        }
        MockResponse client = checkClient(body);
        if (client != null) {
            return client;
        }
        return path.equals("/vtss/service/certificates/info") ? info(body, userId) : signHash(body, userId);
    }

    private MockResponse checkClient(JsonNode body) {
        String clientId = text(body, "client_id");
        if (clientId == null) {
            return error(400, 58007, "client_id is missing");
        }
        if (!CLIENT_ID.equals(clientId)) {
            return error(401, 59033, "client or user is not valid");
        }
        if (!equal(CLIENT_SECRET, text(body, "client_secret"))) {
            return error(401, 86024, "client_secret is not valid");
        }
        return null;
    }

    private MockResponse login(JsonNode body) {
        MockResponse client = checkClient(body);
        String rawUser = text(body, "user_id");
        if (client != null && text(body, "client_id") == null) {
            return client;
        }
        if (rawUser == null) {
            return error(400, 58008, "user_id is missing");
        }
        if (client != null) {
            return client;
        }
        String userId = normalise(rawUser);
        if (userId == null || !PROFILE_ID.equals(text(body, "profile_id"))) {
            return error(401, 59033, "client or user is not valid");
        }
        purgeExpired();
        String token = "mysign-at-" + UUID.randomUUID();
        tokens.put(token, new Token(userId, now().plus(TOKEN_LIFETIME)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", token);
        m.put("refresh_token", "");
        m.put("token_type", "Bearer");
        m.put("expires_in", Long.toString(TOKEN_LIFETIME.toSeconds()));
        return MockResponse.json(200, Json.write(m));
    }

    private static String normalise(String userId) {
        var m = USER.matcher(userId);
        return m.matches() ? m.group(1) : null;
    }

    /** Forgets expired tokens, so that a mock server running all day does not keep them. */
    private void purgeExpired() {
        Instant now = now();
        tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
    }

    private String bearerUser(MockRequest request) {
        String auth = request.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        Token t = tokens.get(auth.substring(7).trim());
        return t == null || !now().isBefore(t.expiresAt()) ? null : t.userId();
    }

    private MockResponse info(JsonNode body, String userId) {
        String requested = text(body, "user_id");
        if (requested == null) {
            return error(400, 58008, "user_id is missing");
        }
        if (!userId.equals(normalise(requested))) {
            return error(401, 401, "the token belongs to another user");
        }
        TestCredential c = credential(userId);
        X509Certificate cert = c.certificate();
        List<String> chain = new ArrayList<>();
        for (X509Certificate x : c.chain()) {
            chain.add(Sp769Service.base64(x));
        }
        Map<String, Object> certInfo = new LinkedHashMap<>();
        certInfo.put("status", conditionOf(userId) == SubscriberCondition.CERTIFICATE_EXPIRED ? "EXPIRED" : "VALID");
        certInfo.put("certificates", chain);
        certInfo.put("issuerDN", cert.getIssuerX500Principal().getName());
        certInfo.put("serialNumber", cert.getSerialNumber().toString(16));
        certInfo.put("subjectDN", cert.getSubjectX500Principal().getName());
        certInfo.put("validFrom", TIME.format(cert.getNotBefore().toInstant()));
        certInfo.put("validTo", TIME.format(cert.getNotAfter().toInstant()));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("credential_id", credentialId(userId));
        entry.put("cert", certInfo);
        entry.put("key", Map.of("status", "ENABLED", "algo", DigestAlgo.RSA_OID, "len", 2048));
        entry.put("authMode", "implicit");
        entry.put("multisign", MAX_HASHES);
        entry.put("scal", "SCAL1");
        return MockResponse.json(200, Json.write(List.of(entry)));
    }

    private MockResponse signHash(JsonNode body, String userId) {
        if (!credentialId(userId).equals(text(body, "credentialID"))) {
            return error(401, 401, "credentialID does not belong to the token's user");
        }
        JsonNode hashes = body.get("hash");
        JsonNode documents = body.get("documents");
        if (hashes == null || !hashes.isArray() || hashes.isEmpty()) {
            return error(400, 400, "hash must hold at least one base64 digest");
        }
        if (hashes.size() > MAX_HASHES) {
            return error(400, 400, "hash holds at most " + MAX_HASHES + " digests per call, got " + hashes.size());
        }
        if (documents == null || !documents.isArray() || documents.size() != hashes.size()
                || body.path("numSignatures").asInt(-1) != hashes.size()) {
            return error(400, 400, "numSignatures, documents and hash must have the same length");
        }
        String descriptionError = safeText(text(body, "description"), "description");
        if (descriptionError != null) {
            return error(400, 400, descriptionError);
        }
        DigestAlgo algo = DigestAlgo.ofOid(String.valueOf(text(body, "hashAlgo"))).orElse(null);
        if (algo == null) {
            return error(400, 400, "hashAlgo must be 2.16.840.1.101.3.4.2.1, .2 or .3");
        }
        if (!DigestAlgo.RSA_OID.equals(text(body, "signAlgo"))) {
            return error(400, 400, "signAlgo must be " + DigestAlgo.RSA_OID);
        }
        int async = body.path("async").isInt() ? body.path("async").asInt() : -1;
        if (async < 0 || async > 3) {
            return error(400, 400, "async must be 0, 1, 2 or 3");
        }
        if (async == 3 && webhook == null) {
            return error(400, 400, "async=3 needs the integrator's webhook endpoints registered");
        }
        List<Transaction.Document> docs = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            JsonNode d = documents.get(i);
            String docId = d.isObject() ? text(d, "document_id") : null;
            if (docId == null) {
                return error(400, 400, "documents[" + i + "].document_id is missing");
            }
            String nameError = safeText(text(d, "document_name"), "documents[" + i + "].document_name");
            if (nameError != null) {
                return error(400, 400, nameError);
            }
            byte[] digest;
            try {
                digest = hashes.get(i).isTextual() ? Base64.getDecoder().decode(hashes.get(i).asText()) : null;
            } catch (IllegalArgumentException e) {
                digest = null;
            }
            if (digest == null || digest.length != algo.length()) {
                return error(400, 400, "hash[" + i + "] must be a base64 digest of " + algo.length()
                        + " bytes (hashAlgo " + algo.oid() + ")");
            }
            docs.add(new Transaction.Document(docId, digest, algo));
        }
        switch (conditionOf(userId)) {
            case QUOTA_EXHAUSTED:
                return result(null, 4005, null);
            case CERTIFICATE_EXPIRED:
                return result(null, 13004, null);
            default:
                break;
        }
        Transaction t = create(userId, docs, null, tr -> {
            tr.description = text(body, "description");
            tr.async = async;
        });
        if (async == 0) {
            settleNow(t);
            synchronized (t) {
                t.signingReported = true;
                return result(t.id, status(t), signatures(t));
            }
        }
        return result(t.id, 4000, null);
    }

    private MockResponse status(JsonNode body, String userId) {
        String id = text(body, "transactionId");
        Transaction existing = find(id);
        if (existing == null || !existing.userId.equals(userId)) {
            return error(400, 400, "transactionId is unknown");
        }
        Transaction t = poll(id);
        synchronized (t) {
            if (t.state == TransactionState.SIGNED && !t.signingReported) {
                t.signingReported = true;
                return result(t.id, 6000, null);
            }
            return result(t.id, status(t), signatures(t));
        }
    }

    @Override
    void deliverWebhook(Transaction t) {
        MySignWebhook hook = webhook;
        if (hook == null || t.async != 3) {
            return;
        }
        String form = "grant_type=client_credentials&client_id=" + urlEncode(hook.clientId()) + "&client_secret="
                + urlEncode(hook.clientSecret());
        WebhookDelivery auth = Webhooks.post(hook.authUrl(), Webhooks.FORM, form, Map.of());
        recordDelivery(auth);
        String token = null;
        if (auth.accepted()) {
            try {
                JsonNode answer = Json.read(auth.reply());
                token = text(answer, "access_token");
            } catch (IllegalArgumentException e) {
                token = null;
            }
        }
        if (token == null) {
            return;
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (t) {
            meta.put("request_id", UUID.randomUUID().toString());
            meta.put("transaction_id", t.id);
            meta.put("description", t.description);
            meta.put("status", status(t));
            data.put("action_timestamp", TIME.format(t.endedAt));
            data.put("signature_timestamp", t.state == TransactionState.SIGNED ? TIME.format(t.endedAt) : null);
            List<Object> results = new ArrayList<>();
            if (t.state == TransactionState.SIGNED) {
                for (int i = 0; i < t.documents.size(); i++) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("document_id", t.documents.get(i).name());
                    r.put("signature", Base64.getEncoder().encodeToString(t.signatures.get(i)));
                    results.add(r);
                }
            }
            data.put("results", results);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta_data", meta);
        body.put("data", data);
        recordDelivery(Webhooks.post(hook.resultUrl(), Webhooks.JSON, Json.write(body),
                Map.of("Authorization", "Bearer " + token)));
    }

    @Override
    MockResponse adminExtra(String path, MockRequest request, JsonNode body) {
        if (!path.equals("/webhook")) {
            return null;
        }
        String authUrl = text(body, "authUrl");
        String resultUrl = text(body, "resultUrl");
        if (authUrl == null || resultUrl == null) {
            return adminError(400, "authUrl, resultUrl, clientId and clientSecret are required");
        }
        webhook(new MySignWebhook(URI.create(authUrl), URI.create(resultUrl), text(body, "clientId"),
                text(body, "clientSecret")));
        return MockResponse.json(200, Json.write(Map.of("authUrl", authUrl, "resultUrl", resultUrl)));
    }

    // ------------------------------------------------------------------ helpers

    private static int status(Transaction t) {
        return switch (t.state) {
            case WAITING -> 4000;
            case SIGNED -> 1;
            case EXPIRED -> 4001;
            case REJECTED -> 4002;
            case FAILED -> 4004;
        };
    }

    private static List<String> signatures(Transaction t) {
        if (t.state != TransactionState.SIGNED) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (byte[] s : t.signatures) {
            out.add(Base64.getEncoder().encodeToString(s));
        }
        return out;
    }

    /** Null when the value is base64 of 1 to 100 characters of [a-zA-Z0-9_\- ], else the problem. */
    private static String safeText(String base64, String field) {
        if (base64 == null) {
            return field + " is missing";
        }
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
            if (!SAFE_TEXT.matcher(text).matches()) {
                return field + " must be base64 of 1 to 100 characters from [a-zA-Z0-9_- ] (no diacritics)";
            }
            return null;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return field + " must be base64 of UTF-8 text";
        }
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean equal(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static MockResponse result(String transactionId, int status, List<String> signatures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", transactionId);
        m.put("status", status);
        m.put("signatures", signatures);
        return MockResponse.json(200, Json.write(m));
    }

    private static MockResponse error(int httpStatus, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        return MockResponse.json(httpStatus, Json.write(m));
    }
}
