package vn.govsdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;
import vn.govsdk.core.AuthenticationFailedException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningStatus;
import vn.govsdk.signing.remote.WebhookRequest;

/** The VNPT SmartCA CSC-style shape: OAuth2 per subscriber, {@code /csc/...} calls, envelope {@code {code,message,content}}. */
public final class CscProtocol implements ProviderProtocol {

    /**
     * Settings of the protocol.
     *
     * @param endpoint the base URL
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param userPasswords the subscriber's password by user id
     * @param tokenPath the token path
     * @param listPath the credentials list path
     * @param infoPath the credentials info path
     * @param signHashPath the signhash path
     * @param tranInfoPath the gettraninfo path
     * @param maxPerCall the batch limit
     * @param notifyUrl the notify URL sent with each request, or {@code null}
     * @param webhookSecret an optional HMAC secret for notifications, or {@code null}
     * @param webhookSignatureHeader the HMAC header name
     */
    public record Settings(HttpUrl endpoint, String clientId, Secret clientSecret,
            Function<String, Secret> userPasswords, String tokenPath, String listPath, String infoPath,
            String signHashPath, String tranInfoPath, int maxPerCall, URI notifyUrl, Secret webhookSecret,
            String webhookSignatureHeader) {

        /** Shows no secret. */
        @Override
        public String toString() {
            return "CscSettings[" + endpoint + "]";
        }
    }

    private record Token(String access, String refresh, Instant expires) {
    }

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Settings s;
    private final GovHttpPipeline pipeline;
    private final HttpTransport ownedTransport;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /**
     * Creates the protocol.
     *
     * @param settings the settings
     * @param pipeline the pipeline builder
     * @param ownedTransport the transport to close, or {@code null}
     * @param clock the clock for token expiry
     */
    public CscProtocol(Settings settings, GovHttpPipeline.Builder pipeline, HttpTransport ownedTransport, Clock clock) {
        this.s = settings;
        this.pipeline = pipeline.build();
        this.ownedTransport = ownedTransport;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "smartca-csc";
    }

    @Override
    public int maxDigestsPerCall() {
        return s.maxPerCall();
    }

    private synchronized Token token(String userId) {
        Token t = tokens.get(userId);
        Instant now = clock.instant();
        if (t != null && now.isBefore(t.expires().minus(MARGIN))) {
            return t;
        }
        if (t != null && t.refresh() != null) {
            try {
                Token fresh = requestToken(userId, Map.of("grant_type", "refresh_token", "refresh_token", t.refresh()));
                tokens.put(userId, fresh);
                return fresh;
            } catch (vn.govsdk.core.GovServiceException e) {
                tokens.remove(userId);
            }
        }
        Secret password = s.userPasswords().apply(userId);
        if (password == null) {
            throw new InvalidInputException("userPasswords", "has no password for user "
                    + PersonalDataMasker.maskIdentifier(userId));
        }
        Token fresh = requestToken(userId, Map.of("grant_type", "password", "username", userId,
                "password", password.value()));
        tokens.put(userId, fresh);
        return fresh;
    }

    private Token requestToken(String userId, Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", s.clientId());
        form.put("client_secret", s.clientSecret().value());
        GovResponse r = pipeline.postForm(Operation.idempotentWrite("smartca-csc.token"),
                Wire.url(s.endpoint(), s.tokenPath()), form);
        JsonNode n = r.json(JsonNode.class);
        String access = Wire.text(n, "access_token");
        if (access == null || access.isBlank()) {
            throw new ResponseDecodingException("smartca-csc: the token answer has no access_token", null);
        }
        long expires = n.path("expires_in").asLong(3600);
        String refresh = Wire.text(n, "refresh_token");
        Token previous = tokens.get(userId);
        return new Token(access, refresh != null && !refresh.isBlank() ? refresh
                : previous == null ? null : previous.refresh(), clock.instant().plusSeconds(expires));
    }

    private JsonNode call(String userId, Operation op, String path, Object body) {
        for (int attempt = 0; ; attempt++) {
            Token t = token(userId);
            try {
                JsonNode n = Wire.post(pipeline, op, Wire.url(s.endpoint(), path), body,
                        Map.of("Authorization", "Bearer " + t.access()));
                JsonNode code = n.get("code");
                if (code != null && code.asInt(0) != 0) {
                    String msg = Wire.text(n, "message");
                    throw ErrorMapping.toException(code.asInt() >= 400 && code.asInt() < 600 ? code.asInt() : 0,
                            new ServiceError(msg, PersonalDataMasker.standard().maskText(
                                    msg + (Wire.text(n, "codeDesc") == null ? "" : " - " + Wire.text(n, "codeDesc")))),
                            null, 1, null);
                }
                return n.path("content");
            } catch (AuthenticationFailedException e) {
                if (e.statusCode() == 401 && attempt == 0) {
                    // The server forgot or expired the token: get a new one once.
                    tokens.remove(userId);
                    continue;
                }
                throw e;
            }
        }
    }

    @Override
    public UserCertificate fetchCertificate(String userId) {
        JsonNode list = call(userId, Operation.read("smartca-csc.credentialsList"), s.listPath(), Map.of());
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        String credentialId = list.get(0).asText();
        JsonNode info = call(userId, Operation.read("smartca-csc.credentialsInfo"), s.infoPath(),
                Map.of("credentialId", credentialId, "certificates", "chain", "certInfo", true));
        JsonNode certs = info.path("cert").path("certificates");
        if (!certs.isArray() || certs.isEmpty()) {
            return null;
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            chain.add(Wire.certificate("cert.certificates[" + i + "]", certs.get(i).asText()));
        }
        return new UserCertificate(chain, credentialId);
    }

    @Override
    public String start(String userId, UserCertificate certificate, List<DigestToSign> batch,
            SignatureAlgorithm algorithm, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credentialId", certificate.credentialId());
        body.put("refTranId", UUID.randomUUID().toString());
        body.put("description", description == null ? "govsdk" : description);
        List<Map<String, String>> datas = new ArrayList<>();
        for (DigestToSign d : batch) {
            datas.add(Map.of("name", d.documentName(), "hash", Base64.getEncoder().encodeToString(d.digest())));
        }
        body.put("datas", datas);
        body.put("hashAlgo", algorithm.digestAlgorithm().oid());
        if (s.notifyUrl() != null) {
            body.put("notifyUrl", s.notifyUrl().toString());
        }
        JsonNode content;
        try {
            content = call(userId, Operation.write("smartca-csc.signHash"), s.signHashPath(), body);
        } catch (vn.govsdk.core.GovServiceException e) {
            String code = e.errorCode().orElse("");
            if (code.equals("SERVICE_PACK_EXEED_OR_INVALID") || code.equals("CREDENTIAL_STATUS_INVALID")) {
                throw new RemoteSigningException("smartca-csc refused the sign request: " + code
                        + (code.startsWith("SERVICE") ? " (the signing quota is used up)"
                                : " (the certificate is expired, revoked or suspended)"),
                        RemoteSigningStatus.FAILED, code, null);
            }
            throw e;
        }
        String tx = Wire.text(content, "tranId");
        if (tx == null || tx.isBlank()) {
            throw new ResponseDecodingException("smartca-csc: the signhash answer has no content.tranId", null);
        }
        return tx;
    }

    @Override
    public ProviderStatus poll(String userId, UserCertificate certificate, String transactionId) {
        JsonNode c = call(userId, Operation.read("smartca-csc.getTranInfo"), s.tranInfoPath(),
                Map.of("tranId", transactionId));
        int st = c.path("tranStatus").asInt(-1);
        RemoteSigningStatus status = switch (st) {
            case 1 -> RemoteSigningStatus.SIGNED;
            case 4000 -> RemoteSigningStatus.WAITING_FOR_CONFIRMATION;
            case 4001 -> RemoteSigningStatus.EXPIRED;
            case 4002 -> RemoteSigningStatus.REJECTED;
            case 4003, 4004 -> RemoteSigningStatus.FAILED;
            default -> throw new ResponseDecodingException("smartca-csc: unknown tranStatus " + st, null);
        };
        Map<String, byte[]> byHash = new HashMap<>();
        List<byte[]> inOrder = new ArrayList<>();
        JsonNode docs = c.path("documents");
        if (status == RemoteSigningStatus.SIGNED && docs.isArray()) {
            for (JsonNode d : docs) {
                String sig = Wire.text(d, "sig");
                if (sig == null) {
                    continue;
                }
                byte[] v = Wire.base64("documents[].sig", sig);
                inOrder.add(v);
                String hash = Wire.text(d, "hash");
                if (hash != null) {
                    byHash.put(java.util.HexFormat.of().formatHex(Wire.base64("documents[].hash", hash)), v);
                }
            }
        }
        return new ProviderStatus(status, Integer.toString(st), Wire.text(c, "tranStatusDesc"), null,
                byHash.size() == inOrder.size() ? byHash : null, inOrder, null);
    }

    @Override
    public WebhookOutcome parseWebhook(WebhookRequest request) {
        byte[] raw = request.body();
        if (s.webhookSecret() != null) {
            String header = request.header(s.webhookSignatureHeader()).orElse(null);
            String expected = "sha256=" + Wire.hmacHex(s.webhookSecret().value(), raw);
            if (header == null || !Wire.constantTimeEquals(header.trim().toLowerCase(Locale.ROOT), expected)) {
                throw new WebhookRefusedException(401, "the " + s.webhookSignatureHeader()
                        + " HMAC is missing or does not match the body");
            }
        }
        JsonNode n = GovJson.readTree(raw);
        String tx = Wire.text(n, "tranId");
        if (tx == null) {
            throw new WebhookRefusedException(400, "tranId is missing");
        }
        // A notification is a hint only: the result is fetched with gettraninfo.
        return new WebhookOutcome.Result(tx, ProviderStatus.of(RemoteSigningStatus.WAITING_FOR_CONFIRMATION, null, null),
                s.webhookSecret() != null, true, "{\"code\":0,\"message\":\"SUCCESS\"}");
    }

    @Override
    public void close() {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }
}
