package vn.govsdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningStatus;
import vn.govsdk.signing.remote.WebhookRequest;

/** The VNPT SmartCA "sp769" shape, also used by the NEAC eSign gateway (plus {@code ca_name}). */
public final class Sp769Protocol implements ProviderProtocol {

    /**
     * Settings of the protocol.
     *
     * @param name the provider name for messages
     * @param endpoint the base URL
     * @param spId the service provider id
     * @param spPassword the service provider password
     * @param caName the CA name for the eSign gateway, or {@code null}
     * @param hexHashes whether digests go as hex (SmartCA) or base64 (eSign)
     * @param certificatePath the get_certificate path
     * @param signPath the sign path
     * @param statusPath the status path with {@code {transactionId}}
     * @param maxPerCall the batch limit
     * @param fileType the {@code file_type} sent
     * @param webhookSecret the shared HMAC secret, or {@code null}
     * @param webhookSignatureHeader the HMAC header name
     */
    public record Settings(String name, HttpUrl endpoint, String spId, Secret spPassword, String caName,
            boolean hexHashes, String certificatePath, String signPath, String statusPath, int maxPerCall,
            String fileType, Secret webhookSecret, String webhookSignatureHeader) {

        /** Shows no secret. */
        @Override
        public String toString() {
            return "Sp769Settings[" + name + ", " + endpoint + "]";
        }
    }

    private final Settings s;
    private final GovHttpPipeline pipeline;
    private final HttpTransport ownedTransport;

    /**
     * Creates the protocol.
     *
     * @param settings the settings
     * @param pipeline the pipeline
     * @param ownedTransport the transport to close with the protocol, or {@code null}
     */
    public Sp769Protocol(Settings settings, GovHttpPipeline.Builder pipeline, HttpTransport ownedTransport) {
        this.s = settings;
        this.pipeline = pipeline.errorExtractor(errors()).build();
        this.ownedTransport = ownedTransport;
    }

    static ErrorExtractor errors() {
        return response -> {
            try {
                JsonNode n = GovJson.readTree(response.body());
                String msg = Wire.text(n, "message");
                return new ServiceError(msg, msg);
            } catch (RuntimeException e) {
                return ServiceError.NONE;
            }
        };
    }

    @Override
    public String name() {
        return s.name();
    }

    @Override
    public int maxDigestsPerCall() {
        return s.maxPerCall();
    }

    private Map<String, Object> base(String userId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sp_id", s.spId());
        body.put("sp_password", s.spPassword().value());
        if (userId != null) {
            body.put("user_id", userId);
        }
        if (s.caName() != null) {
            body.put("ca_name", s.caName());
        }
        return body;
    }

    private JsonNode call(Operation op, String path, Map<String, Object> body) {
        JsonNode n = Wire.post(pipeline, op, Wire.url(s.endpoint(), path), body, Map.of());
        JsonNode code = n.get("status_code");
        if (code != null && code.asInt(200) != 200) {
            String msg = Wire.text(n, "message");
            throw ErrorMapping.toException(code.asInt(), new ServiceError(msg, msg), null, 1, null);
        }
        return n;
    }

    @Override
    public UserCertificate fetchCertificate(String userId) {
        Map<String, Object> body = base(userId);
        body.put("transaction_id", UUID.randomUUID().toString());
        JsonNode n = call(Operation.read(s.name() + ".getCertificate"), s.certificatePath(), body);
        JsonNode list = n.path("data").path("user_certificates");
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        JsonNode chosen = null;
        for (JsonNode c : list) {
            String type = Wire.text(c, "service_type");
            if (type == null || type.equalsIgnoreCase("SMARTCA")) {
                chosen = c;
                break;
            }
        }
        if (chosen == null) {
            chosen = list.get(0);
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(Wire.certificate("cert_data", Wire.text(chosen, "cert_data")));
        JsonNode chainData = chosen.path("chain_data");
        for (String k : List.of("ca_cert", "root_cert")) {
            String v = Wire.text(chainData, k);
            if (v != null && !v.isBlank()) {
                chain.add(Wire.certificate("chain_data." + k, v));
            }
        }
        return new UserCertificate(chain, Wire.text(chosen, "serial_number"));
    }

    @Override
    public String start(String userId, UserCertificate certificate, List<DigestToSign> batch,
            SignatureAlgorithm algorithm, String description) {
        Map<String, Object> body = base(userId);
        body.put("transaction_id", UUID.randomUUID().toString());
        if (description != null) {
            body.put("transaction_desc", description);
        }
        if (certificate.credentialId() != null) {
            body.put("serial_number", certificate.credentialId());
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (DigestToSign d : batch) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("data_to_be_signed", s.hexHashes() ? HexFormat.of().formatHex(d.digest())
                    : Base64.getEncoder().encodeToString(d.digest()));
            f.put("doc_id", d.documentId());
            f.put("file_type", s.fileType());
            f.put("sign_type", "hash");
            files.add(f);
        }
        body.put("sign_files", files);
        JsonNode n;
        try {
            n = call(Operation.write(s.name() + ".sign"), s.signPath(), body);
        } catch (GovServiceException e) {
            String code = e.errorCode().orElse(null);
            if ("SERVICE_PACK_EXEED_OR_INVALID".equals(code) || "CREDENTIAL_STATUS_INVALID".equals(code)) {
                throw new RemoteSigningException(s.name() + " refused the sign request: " + code
                        + ("SERVICE_PACK_EXEED_OR_INVALID".equals(code) ? " (the signing quota is used up)"
                                : " (the certificate is expired, revoked or suspended)"),
                        RemoteSigningStatus.FAILED, code, null);
            }
            throw e;
        }
        String tx = Wire.text(n.path("data"), "transaction_id");
        if (tx == null || tx.isBlank()) {
            throw new ResponseDecodingException(s.name() + ": the sign answer has no data.transaction_id", null);
        }
        return tx;
    }

    @Override
    public ProviderStatus poll(String userId, UserCertificate certificate, String transactionId) {
        String path = s.statusPath().replace("{transactionId}", HttpUrl.get("http://x/").newBuilder()
                .addPathSegment(transactionId).build().encodedPath().substring(1));
        JsonNode n = call(Operation.read(s.name() + ".status"), path, base(null));
        return status(Wire.text(n, "message"), n.path("data").path("tran_status"), n.path("data").path("signatures"));
    }

    private ProviderStatus status(String message, JsonNode tranStatus, JsonNode signatures) {
        String m = message == null ? "" : message.toUpperCase(Locale.ROOT);
        int code = tranStatus.isMissingNode() || tranStatus.isNull() ? -1 : tranStatus.asInt(-1);
        RemoteSigningStatus st;
        if (code == 1 || m.equals("SUCCESS")) {
            st = RemoteSigningStatus.SIGNED;
        } else if (code == 4001 || m.contains("EXPIRED")) {
            st = RemoteSigningStatus.EXPIRED;
        } else if (code == 4002 || m.contains("REJECT")) {
            st = RemoteSigningStatus.REJECTED;
        } else if (code == 4003 || code == 4004 || m.contains("FAILED")) {
            st = RemoteSigningStatus.FAILED;
        } else {
            st = RemoteSigningStatus.WAITING_FOR_CONFIRMATION;
        }
        Map<String, byte[]> values = new HashMap<>();
        if (st == RemoteSigningStatus.SIGNED && signatures.isArray()) {
            for (JsonNode sig : signatures) {
                String id = Wire.text(sig, "doc_id");
                String v = Wire.text(sig, "signature_value");
                if (id != null && v != null) {
                    values.put(id, Wire.hexOrBase64("signature_value", v));
                }
            }
        }
        return new ProviderStatus(st, code > 0 ? Integer.toString(code) : message, message, values, null, null, null);
    }

    @Override
    public WebhookOutcome parseWebhook(WebhookRequest request) {
        byte[] raw = request.body();
        boolean authenticated = false;
        if (s.webhookSecret() != null) {
            String header = request.header(s.webhookSignatureHeader()).orElse(null);
            String expected = "sha256=" + Wire.hmacHex(s.webhookSecret().value(), raw);
            if (header == null || !Wire.constantTimeEquals(header.trim().toLowerCase(Locale.ROOT), expected)) {
                throw new WebhookRefusedException(401, "the " + s.webhookSignatureHeader()
                        + " HMAC is missing or does not match the body");
            }
            authenticated = true;
        }
        JsonNode n = GovJson.readTree(raw);
        if (!n.isObject()) {
            throw new WebhookRefusedException(400, "the payload is not a JSON object");
        }
        if (!s.spId().equals(Wire.text(n, "sp_id"))) {
            throw new WebhookRefusedException(403, "sp_id does not match this service provider");
        }
        String tx = Wire.text(n, "transaction_id");
        if (tx == null) {
            throw new WebhookRefusedException(400, "transaction_id is missing");
        }
        ProviderStatus st = status(Wire.text(n, "message"), n.path("tran_status"), n.path("signed_files"));
        return new WebhookOutcome.Result(tx, st, authenticated, false,
                "{\"status_code\":200,\"message\":\"SUCCESS\"}");
    }

    @Override
    public void close() {
        if (ownedTransport != null) {
            ownedTransport.close();
        }
    }
}
