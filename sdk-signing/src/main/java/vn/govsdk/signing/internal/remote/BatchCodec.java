package vn.govsdk.signing.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.remote.DigestToSign;
import vn.govsdk.signing.remote.RemoteSigningStatus;

/**
 * A {@link PendingBatch} as the text a {@link vn.govsdk.signing.remote.RemoteSigningStore} keeps: what
 * was sent (user, certificate chain, algorithm, digests) and what is known of its outcome (status,
 * code, message, checked values). Holds no secret and no document, only digests.
 */
final class BatchCodec {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private BatchCodec() {
    }

    static String encode(PendingBatch b) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("transactionId", b.transactionId);
        o.put("userId", b.userId);
        if (b.certificate.credentialId() != null) {
            o.put("credentialId", b.certificate.credentialId());
        }
        ArrayNode chain = o.putArray("chain");
        for (X509Certificate c : b.certificate.chain()) {
            try {
                chain.add(B64.encodeToString(c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a certificate of the chain cannot be encoded", e);
            }
        }
        o.put("algorithm", b.algorithm.name());
        ArrayNode digests = o.putArray("digests");
        for (DigestToSign d : b.digests) {
            digests.addObject().put("documentId", d.documentId()).put("documentName", d.documentName())
                    .put("digest", B64.encodeToString(d.digest()));
        }
        o.put("status", b.status().name());
        if (b.code() != null) {
            o.put("code", b.code());
        }
        if (b.message() != null) {
            o.put("message", b.message());
        }
        ObjectNode values = o.putObject("values");
        b.values().forEach((id, v) -> values.put(id, B64.encodeToString(v)));
        return GovJson.writeString(o);
    }

    /** The parts of a stored batch. */
    record Stored(PendingBatch batch, RemoteSigningStatus status, String code, String message,
            Map<String, byte[]> values) {

        /** The outcome as a provider answer with values by document id. */
        ProviderStatus asStatus() {
            return new ProviderStatus(status, code, message, values, null, null, null);
        }
    }

    static Stored decode(String text) {
        JsonNode o = GovJson.readTree(text.getBytes(StandardCharsets.UTF_8));
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode c : o.path("chain")) {
            chain.add(Wire.certificate("chain", c.asText()));
        }
        List<DigestToSign> digests = new ArrayList<>();
        for (JsonNode d : o.path("digests")) {
            digests.add(new DigestToSign(d.path("documentId").asText(), d.path("documentName").asText(null),
                    Base64.getDecoder().decode(d.path("digest").asText())));
        }
        PendingBatch batch = new PendingBatch(o.path("transactionId").asText(), o.path("userId").asText(),
                new UserCertificate(chain, o.path("credentialId").asText(null)), digests,
                SignatureAlgorithm.valueOf(o.path("algorithm").asText()));
        Map<String, byte[]> values = new LinkedHashMap<>();
        o.path("values").properties().forEach(e -> values.put(e.getKey(),
                Base64.getDecoder().decode(e.getValue().asText())));
        return new Stored(batch, RemoteSigningStatus.valueOf(o.path("status").asText()), o.path("code").asText(null),
                o.path("message").asText(null), values);
    }
}
