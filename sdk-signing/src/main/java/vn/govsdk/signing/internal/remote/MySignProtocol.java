package vn.govsdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningRequest;
import vn.govsdk.signing.remote.RemoteSigningStatus;
import vn.govsdk.signing.remote.RemoteSigningStore;
import vn.govsdk.signing.remote.WebhookRequest;
import vn.govsdk.signing.remote.WebhookResponse;

/** The Viettel MySign shape: per-user one-hour login tokens, {@code signHash} with {@code async}, status polls. */
public final class MySignProtocol implements ProviderProtocol {

    /**
     * Settings of the protocol.
     *
     * @param endpoint the base URL
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param profileId the profile id
     * @param loginPath the login path
     * @param certificatePath the certificate info path
     * @param signHashPath the signHash path
     * @param statusPath the status path
     * @param maxPerCall the batch limit
     * @param webhook whether results come by webhook ({@code async=3}) rather than polls ({@code async=1})
     * @param webhookClientId the client id the integrator issued to Viettel, or {@code null}
     * @param webhookClientSecret its secret, or {@code null}
     * @param webhookTokenLifetime how long an issued webhook token lives
     */
    public record Settings(HttpUrl endpoint, String clientId, Secret clientSecret, String profileId, String loginPath,
            String certificatePath, String signHashPath, String statusPath, int maxPerCall, boolean webhook,
            String webhookClientId, Secret webhookClientSecret, Duration webhookTokenLifetime) {

        /** Shows no secret. */
        @Override
        public String toString() {
            return "MySignSettings[" + endpoint + "]";
        }
    }

    private record Token(String access, Instant expires) {
    }

    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final String TOKEN_KEY = "mysign-webhook-token|";
    private static final int MAX_NAME = 100;

    private final Settings s;
    private final GovHttpPipeline pipeline;
    private final HttpTransport ownedTransport;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** The webhook tokens this receiver issued, by hash: shared, so that any instance accepts them. */
    private final RemoteSigningStore issuedWebhookTokens;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the protocol.
     *
     * @param settings the settings
     * @param pipeline the pipeline builder
     * @param ownedTransport the transport to close, or {@code null}
     * @param clock the clock for token expiry
     * @param store where issued webhook tokens are kept (shared by every instance)
     */
    public MySignProtocol(Settings settings, GovHttpPipeline.Builder pipeline, HttpTransport ownedTransport, Clock clock,
            RemoteSigningStore store) {
        this.issuedWebhookTokens = store;
        this.s = settings;
        this.pipeline = pipeline.build();
        this.ownedTransport = ownedTransport;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mysign";
    }

    @Override
    public int maxDigestsPerCall() {
        return s.maxPerCall();
    }

    @Override
    public void check(RemoteSigningRequest request) {
        for (int i = 0; i < request.digests().size(); i++) {
            checkName("digests[" + i + "].documentName", request.digests().get(i).documentName());
        }
        request.description().ifPresent(d -> checkName("description", d));
    }

    private static String checkName(String field, String text) {
        String ascii = AsciiNames.transliterate(text);
        if (ascii.length() > MAX_NAME) {
            throw new InvalidInputException(field, "must be at most " + MAX_NAME + " characters for MySign, got "
                    + ascii.length());
        }
        return ascii;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String userId) {
        Token t = tokens.get(userId);
        if (t != null && clock.instant().isBefore(t.expires().minus(MARGIN))) {
            return t.access();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", s.clientId());
        body.put("client_secret", s.clientSecret().value());
        body.put("profile_id", s.profileId());
        body.put("user_id", userId);
        JsonNode n = Wire.post(pipeline, Operation.idempotentWrite("mysign.login"), Wire.url(s.endpoint(), s.loginPath()),
                body, Map.of());
        String access = Wire.text(n, "access_token");
        if (access == null || access.isBlank()) {
            throw new ResponseDecodingException("mysign: the login answer has no access_token", null);
        }
        long seconds;
        try {
            seconds = Long.parseLong(String.valueOf(Wire.text(n, "expires_in")).trim()); // "3600", a string
        } catch (NumberFormatException e) {
            seconds = 3600;
        }
        tokens.put(userId, new Token(access, clock.instant().plusSeconds(seconds)));
        return access;
    }

    private JsonNode call(String userId, Operation op, String path, Object body) {
        for (int attempt = 0; ; attempt++) {
            String token = token(userId);
            try {
                return Wire.post(pipeline, op, Wire.url(s.endpoint(), path), body, Map.of("Authorization", "Bearer " + token));
            } catch (AuthenticationFailedException e) {
                if (attempt == 0 && e.errorCode().map("401"::equals).orElse(false)) {
                    tokens.remove(userId); // the token ran out early: log in again, once
                    continue;
                }
                throw e;
            }
        }
    }

    private Map<String, Object> clientBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", s.clientId());
        body.put("client_secret", s.clientSecret().value());
        return body;
    }

    @Override
    public UserCertificate fetchCertificate(String userId) {
        Map<String, Object> body = clientBody();
        body.put("profile_id", s.profileId());
        body.put("user_id", userId);
        body.put("certificates", "chain");
        body.put("certInfo", true);
        body.put("authInfo", true);
        JsonNode n = call(userId, Operation.read("mysign.certificateInfo"), s.certificatePath(), body);
        JsonNode first = n.isArray() ? (n.isEmpty() ? null : n.get(0)) : n;
        if (first == null) {
            return null;
        }
        String status = Wire.text(first.path("cert"), "status");
        if (status != null && !status.equalsIgnoreCase("VALID")) {
            throw new RemoteSigningException("mysign: the certificate of user " + PersonalDataMasker.maskIdentifier(userId)
                    + " is " + status + "; it cannot sign", RemoteSigningStatus.FAILED, "13004", null);
        }
        JsonNode certs = first.path("cert").path("certificates");
        if (!certs.isArray() || certs.isEmpty()) {
            return null;
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            chain.add(Wire.certificate("cert.certificates[" + i + "]", certs.get(i).asText()));
        }
        return new UserCertificate(chain, Wire.text(first, "credential_id"));
    }

    @Override
    public String start(String userId, UserCertificate certificate, List<DigestToSign> batch,
            SignatureAlgorithm algorithm, String description) {
        Map<String, Object> body = clientBody();
        body.put("credentialID", certificate.credentialId());
        body.put("numSignatures", batch.size());
        body.put("description", b64(checkName("description", description == null ? "govsdk" : description)));
        List<Map<String, String>> docs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (DigestToSign d : batch) {
            docs.add(Map.of("document_id", d.documentId(), "document_name", b64(checkName("documentName", d.documentName()))));
            hashes.add(Base64.getEncoder().encodeToString(d.digest()));
        }
        body.put("documents", docs);
        body.put("hash", hashes);
        body.put("hashAlgo", algorithm.digestAlgorithm().oid());
        body.put("signAlgo", algorithm.keyAlgorithm().equals("EC") ? "1.2.840.10045.2.1" : "1.2.840.113549.1.1.1");
        body.put("async", s.webhook() ? 3 : 1);
        JsonNode n = call(userId, Operation.write("mysign.signHash"), s.signHashPath(), body);
        int st = n.path("status").asInt(-1);
        if (st == 4005 || st == 13004 || st == 4004 || st == 50000) {
            throw new RemoteSigningException("mysign refused the sign request: status " + st + switch (st) {
                case 4005 -> " (the signing quota is used up)";
                case 13004 -> " (the certificate is expired or revoked)";
                default -> " (the provider failed)";
            }, RemoteSigningStatus.FAILED, Integer.toString(st), Wire.text(n, "transactionId"));
        }
        String tx = Wire.text(n, "transactionId");
        if (tx == null || tx.isBlank()) {
            throw new ResponseDecodingException("mysign: the signHash answer has no transactionId (status " + st + ")", null);
        }
        return tx;
    }

    /**
     * Tells whether results are polled (false in webhook mode).
     *
     * @return whether to poll
     */
    @Override
    public boolean polls() {
        return !s.webhook();
    }

    @Override
    public ProviderStatus poll(String userId, UserCertificate certificate, String transactionId) {
        JsonNode n = call(userId, Operation.read("mysign.requestStatus"), s.statusPath(), Map.of("transactionId", transactionId));
        int st = n.path("status").asInt(-1);
        List<byte[]> values = new ArrayList<>();
        RemoteSigningStatus status = map(st);
        if (status == RemoteSigningStatus.SIGNED) {
            for (JsonNode v : n.path("signatures")) {
                values.add(Wire.base64("signatures[]", v.asText()));
            }
        }
        return new ProviderStatus(status, Integer.toString(st), null, null, null, values, null);
    }

    private static RemoteSigningStatus map(int st) {
        return switch (st) {
            case 1 -> RemoteSigningStatus.SIGNED;
            case 4000 -> RemoteSigningStatus.WAITING_FOR_CONFIRMATION;
            case 6000 -> RemoteSigningStatus.SIGNING;
            case 4001 -> RemoteSigningStatus.EXPIRED;
            case 4002 -> RemoteSigningStatus.REJECTED;
            case 4004, 4005, 13004, 50000 -> RemoteSigningStatus.FAILED;
            default -> throw new ResponseDecodingException("mysign: unknown status " + st, null);
        };
    }

    @Override
    public WebhookOutcome parseWebhook(WebhookRequest request) {
        if (s.webhookClientId() == null || s.webhookClientSecret() == null) {
            throw new WebhookRefusedException(403, "no webhook client credentials are configured for MySign");
        }
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String text = new String(request.body(), StandardCharsets.UTF_8);
        if (type.contains("x-www-form-urlencoded") || text.startsWith("grant_type=")) {
            return tokenRequest(request, text);
        }
        String auth = request.header("Authorization").orElse("");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || !tokenValid(auth.substring(7).trim())) {
            throw new WebhookRefusedException(401, "the result request has no valid bearer token issued by this receiver");
        }
        JsonNode n = GovJson.readTree(request.body());
        JsonNode meta = n.path("meta_data");
        String tx = Wire.text(meta, "transaction_id");
        if (tx == null) {
            throw new WebhookRefusedException(400, "meta_data.transaction_id is missing");
        }
        RemoteSigningStatus status = map(meta.path("status").asInt(-1));
        Map<String, byte[]> values = new HashMap<>();
        if (status == RemoteSigningStatus.SIGNED) {
            for (JsonNode r : n.path("data").path("results")) {
                String id = Wire.text(r, "document_id");
                String sig = Wire.text(r, "signature");
                if (id != null && sig != null) {
                    values.put(id, Wire.base64("results[].signature", sig));
                }
            }
        }
        return new WebhookOutcome.Result(tx, new ProviderStatus(status, Wire.text(meta, "status"), null, values, null,
                null, null), true, false, "{\"status_code\":\"00\",\"message\":\"success\"}");
    }

    private WebhookOutcome tokenRequest(WebhookRequest request, String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String id = fields.get("client_id");
        String secret = fields.get("client_secret");
        String basic = request.header("Authorization").orElse("");
        if ((id == null || secret == null) && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                id = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            throw new WebhookRefusedException(400, "grant_type must be client_credentials");
        }
        boolean ok = Wire.constantTimeEquals(s.webhookClientId(), id)
                & Wire.constantTimeEquals(s.webhookClientSecret().value(), secret);
        if (!ok) {
            throw new WebhookRefusedException(401, "the webhook client credentials do not match");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        issuedWebhookTokens.put(TOKEN_KEY + hash(token), "", now.plus(s.webhookTokenLifetime()));
        return new WebhookOutcome.Reply(new WebhookResponse(200, "application/json",
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + s.webhookTokenLifetime().toSeconds() + "}", true, null, null));
    }

    private boolean tokenValid(String token) {
        return issuedWebhookTokens.get(TOKEN_KEY + hash(token), clock.instant()).isPresent();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }
}
