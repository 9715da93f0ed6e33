package vn.govsdk.signing.internal.jws;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.internal.SigningAccess;
import vn.govsdk.signing.internal.crypto.Ecdsa;
import vn.govsdk.signing.jws.JwsSerialization;

/** Builds JWS objects with Nimbus's header and encoding types, in the prepare/complete shape. */
public final class JwsEngine {

    private final JwsSerialization serialization;
    private final SignaturePackaging packaging;
    private final SignatureAlgorithm requested;
    private final Clock clock;

    /**
     * Creates the engine with a signer's settings.
     *
     * @param serialization compact or JSON
     * @param packaging enveloping or detached
     * @param requested the algorithm, or {@code null}
     * @param clock the clock
     */
    public JwsEngine(JwsSerialization serialization, SignaturePackaging packaging, SignatureAlgorithm requested, Clock clock) {
        this.serialization = serialization;
        this.packaging = packaging;
        this.requested = requested;
        this.clock = clock;
    }

    /**
     * Prepares the JWS.
     *
     * @param document the payload
     * @param chain the chain
     * @return the prepared signature
     */
    public PreparedSignature prepare(Document document, List<X509Certificate> chain) {
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SignatureAlgorithm algorithm = Certs.checkSigner(chain, requested, signingTime);
        X509Certificate signer = chain.get(0);
        int fieldBits = 0;
        if (algorithm.keyAlgorithm().equals("EC")) {
            fieldBits = ((ECPublicKey) signer.getPublicKey()).getParams().getCurve().getField().getFieldSize();
            int expected = switch (algorithm.digestAlgorithm()) {
                case SHA256 -> 256;
                case SHA384 -> 384;
                case SHA512 -> 521;
            };
            if (fieldBits != expected) {
                throw new InvalidInputException("signatureAlgorithm", algorithm.jwsName() + " needs a key on curve "
                        + (expected == 521 ? "P-521" : "P-" + expected) + ", but the certificate's key has " + fieldBits + " bits");
            }
        }
        List<Base64> x5c = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (chain.size() > 1 && c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                continue;
            }
            x5c.add(Base64.encode(Certs.encoded(c)));
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.jwsName()))
                .type(serialization == JwsSerialization.COMPACT ? JOSEObjectType.JOSE : new JOSEObjectType("JOSE+JSON"))
                .contentType(document.mediaType())
                .x509CertChain(x5c)
                .x509CertSHA256Thumbprint(Base64URL.encode(Certs.digest(signer, vn.govsdk.signing.DigestAlgorithm.SHA256)))
                .customParam("sigT", DateTimeFormatter.ISO_INSTANT.format(signingTime))
                .build();
        Base64URL protectedHeader = header.toBase64URL();
        Base64URL payload = Base64URL.encode(document.bytes());
        byte[] dataToSign = (protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII);
        SigningAccess.PreparedData data = new SigningAccess.PreparedData(SignatureFormat.JWS, packaging, SignatureLevel.NONE,
                algorithm, algorithm.digestAlgorithm(), List.copyOf(chain), signingTime, document.name(),
                document.mediaType(), dataToSign);
        boolean detached = packaging == SignaturePackaging.DETACHED;
        int fieldBytes = (fieldBits + 7) / 8;
        String fileName = document.name() + (serialization == JwsSerialization.COMPACT ? ".jws" : ".jws.json");
        String mediaType = serialization == JwsSerialization.COMPACT ? "application/jose" : "application/jose+json";
        return SigningAccess.get().prepared(data, value -> {
            byte[] jwsValue = algorithm.keyAlgorithm().equals("EC") ? Ecdsa.derToConcat(value, fieldBytes) : value;
            Base64URL signature = Base64URL.encode(jwsValue);
            String out;
            if (serialization == JwsSerialization.COMPACT) {
                out = protectedHeader + "." + (detached ? "" : payload.toString()) + "." + signature;
            } else {
                Map<String, Object> json = new LinkedHashMap<>();
                if (!detached) {
                    json.put("payload", payload.toString());
                }
                json.put("protected", protectedHeader.toString());
                json.put("signature", signature.toString());
                out = JSONObjectUtils.toJSONString(json);
            }
            byte[] bytes = out.getBytes(StandardCharsets.US_ASCII);
            return SigningAccess.get().signed(data, mediaType, fileName, bytes.length, o -> o.write(bytes));
        });
    }
}
