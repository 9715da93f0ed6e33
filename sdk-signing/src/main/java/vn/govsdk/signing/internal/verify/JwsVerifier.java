package vn.govsdk.signing.internal.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.internal.Certs;
import vn.govsdk.signing.verify.CertificateInfo;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignedContent;

/**
 * Verifies JWS in compact, flattened JSON and general JSON serialisation, with the payload inside or
 * detached. Only the protected header counts; {@code alg} must be a permitted RSA, RSA-PSS or ECDSA
 * algorithm ({@code none} and HMAC are refused), the signer comes from {@code x5c}, and every segment
 * must be canonical base64url.
 */
public final class JwsVerifier {

    /**
     * Protected header parameters the verifier understands: RFC 7515 and 7797, the JAdES parameters
     * (ETSI TS 119 182-1) and {@code iat}. Anything else is refused rather than silently ignored.
     */
    static final Set<String> HEADER_PARAMETERS = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256",
            "typ", "cty", "crit", "b64", "iat", "sigT", "sigD", "sigX5ts", "srCms", "srAts", "sigPl", "sigPId", "adoTst",
            "etsiU");

    private static final Set<String> JSON_MEMBERS = Set.of("payload", "protected", "signature", "header", "signatures");

    private final CertificateValidator validator;

    /**
     * Creates the verifier.
     *
     * @param validator the common certificate checks
     */
    public JwsVerifier(CertificateValidator validator) {
        this.validator = validator;
    }

    private record Parts(String header, String payload, String signature) {
    }

    /**
     * Verifies a JWS.
     *
     * @param bytes the serialised JWS
     * @param detached the detached payload, or {@code null}
     * @param validationTime now
     * @return the reports
     */
    public FormatResult verify(byte[] bytes, Document detached, Instant validationTime) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<Parts> parts = new ArrayList<>();
        try {
            if (text.startsWith("{")) {
                Map<String, Object> json = JSONObjectUtils.parse(text);
                // RFC 7515 7.2.1: members not understood MUST be ignored (they are not signed either).
                if (json.keySet().stream().noneMatch(JSON_MEMBERS::contains)) {
                    throw new ParseException("a JSON object without payload, protected, signature or signatures", 0);
                }
                String payload = json.containsKey("payload") ? JSONObjectUtils.getString(json, "payload") : null;
                if (json.containsKey("signatures")) {
                    for (Map<String, Object> s : JSONObjectUtils.getJSONObjectArray(json, "signatures")) {
                        parts.add(new Parts(JSONObjectUtils.getString(s, "protected"), payload,
                                JSONObjectUtils.getString(s, "signature")));
                    }
                } else {
                    parts.add(new Parts(JSONObjectUtils.getString(json, "protected"), payload,
                            JSONObjectUtils.getString(json, "signature")));
                }
            } else {
                String[] seg = text.split("\\.", -1);
                if (seg.length != 3) {
                    throw new ParseException("a compact JWS has three parts separated by dots, this has " + seg.length, 0);
                }
                parts.add(new Parts(seg[0], seg[1].isEmpty() ? null : seg[1], seg[2]));
            }
        } catch (ParseException | RuntimeException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not a JWS: " + e.getMessage()));
        }
        if (parts.isEmpty()) {
            return FormatResult.failed(new Reason(ReasonCode.NO_SIGNATURE, "the JWS holds no signature"));
        }
        List<SignatureReport> reports = new ArrayList<>();
        for (Parts p : parts) {
            reports.add(verifyOne(p, detached, validationTime));
        }
        return new FormatResult(reports, List.of());
    }

    private SignatureReport verifyOne(Parts p, Document detached, Instant validationTime) {
        SignatureReport.Builder b = SignatureReport.builder(SignatureFormat.JWS).level(SignatureLevel.NONE);
        if (p.header() == null || p.signature() == null) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "the JWS lacks its protected header or signature").build();
        }
        byte[] payload;
        try {
            Base64Strict.decodeUrl(p.header());
            Base64Strict.decodeUrl(p.signature());
            if (p.payload() != null) {
                if (detached != null) {
                    return b.invalid(ReasonCode.STRUCTURE_INVALID, "the JWS carries its payload, but detached content "
                            + "was also given; verify it alone").build();
                }
                payload = Base64Strict.decodeUrl(p.payload());
            } else if (detached == null) {
                return b.invalid(ReasonCode.DETACHED_CONTENT_MISSING, "the JWS payload is detached (RFC 7515 "
                        + "appendix F): give the signed document to the verifier as the detached content").build();
            } else {
                payload = detached.bytes();
            }
        } catch (IllegalArgumentException e) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "a part of the JWS is not canonical base64url "
                    + "(the JWS was altered)").build();
        }
        String alg;
        try {
            Map<String, Object> headerJson = JSONObjectUtils.parse(new Base64URL(p.header()).decodeToString());
            for (String name : headerJson.keySet()) {
                if (!HEADER_PARAMETERS.contains(name)) {
                    return b.invalid(ReasonCode.STRUCTURE_INVALID, "the protected header holds the parameter '" + name
                            + "', which the verifier does not know; it is refused rather than ignored").build();
                }
            }
            alg = JSONObjectUtils.getString(headerJson, "alg");
            if (headerJson.containsKey("sigD")) {
                return b.indeterminate(ReasonCode.UNSUPPORTED_FEATURE, "the JAdES signature names its signed data "
                        + "objects with sigD (ETSI TS 119 182-1 5.2.8), which this verifier does not implement; the "
                        + "signature was not checked, and this is no sign of tampering").build();
            }
        } catch (ParseException e) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "the protected header cannot be read: " + e.getMessage()).build();
        }
        if (alg == null) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "the protected header names no algorithm (alg)").build();
        }
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.fromName(alg);
            if (!algorithm.jwsName().equals(alg)) {
                throw new InvalidInputException("alg", "is not a JWS algorithm name");
            }
        } catch (InvalidInputException e) {
            return b.invalid(alg.equalsIgnoreCase("none") || alg.startsWith("HS") ? ReasonCode.UNSAFE_CONTENT
                    : ReasonCode.WEAK_ALGORITHM, "the JWS algorithm '" + alg + "' is refused: only RS256/384/512, "
                    + "PS256/384/512 and ES256/384/512 are accepted").build();
        }
        b.algorithm(algorithm.name());
        JWSHeader header;
        try {
            header = JWSHeader.parse(new Base64URL(p.header()));
        } catch (ParseException e) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "the protected header cannot be read: " + e.getMessage()).build();
        }
        Object b64 = header.getCustomParam("b64");
        if (Boolean.FALSE.equals(b64)) {
            return b.invalid(ReasonCode.STRUCTURE_INVALID, "unencoded payloads (b64: false, RFC 7797) are not accepted").build();
        }
        Object sigT = header.getCustomParam("sigT");
        Instant signingTime = null;
        if (sigT != null) {
            try {
                signingTime = Instant.parse(String.valueOf(sigT));
            } catch (DateTimeParseException e) {
                return b.invalid(ReasonCode.STRUCTURE_INVALID, "the sigT header is not a UTC date-time").build();
            }
        }
        b.signingTime(signingTime);
        List<X509Certificate> certs = new ArrayList<>();
        if (header.getX509CertChain() != null) {
            try {
                for (com.nimbusds.jose.util.Base64 c : header.getX509CertChain()) {
                    certs.add(Certs.parse(c.decode()));
                }
            } catch (CertificateException e) {
                return b.invalid(ReasonCode.STRUCTURE_INVALID, "a certificate in x5c cannot be read").build();
            }
        }
        if (certs.isEmpty()) {
            return b.indeterminate(ReasonCode.SIGNER_CERTIFICATE_MISSING, "the JWS carries no certificate (x5c); "
                    + "the signer cannot be identified").build();
        }
        X509Certificate signer = certs.get(0);
        b.signer(CertificateInfo.of(signer));
        if (header.getX509CertSHA256Thumbprint() != null && !Arrays.equals(header.getX509CertSHA256Thumbprint().decode(),
                Certs.digest(signer, DigestAlgorithm.SHA256))) {
            return b.invalid(ReasonCode.SIGNER_CERTIFICATE_MISMATCH, "the x5t#S256 thumbprint does not match the first "
                    + "x5c certificate").build();
        }
        boolean ok;
        try {
            JWSObject jws = JWSObject.parse(p.header() + "." + Base64URL.encode(payload) + "." + p.signature());
            JWSVerifier verifier;
            if (algorithm.keyAlgorithm().equals("RSA") && signer.getPublicKey() instanceof RSAPublicKey rsa) {
                verifier = new RSASSAVerifier(rsa, Set.of("sigT"));
            } else if (algorithm.keyAlgorithm().equals("EC") && signer.getPublicKey() instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier(ec, Set.of("sigT"));
            } else {
                return b.invalid(ReasonCode.SIGNATURE_VALUE_INVALID, "the algorithm " + alg + " does not fit the key of "
                        + Certs.describe(signer)).build();
            }
            ok = jws.verify(verifier);
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return b.invalid(ReasonCode.SIGNATURE_VALUE_INVALID, "the JWS cannot be verified: " + e.getMessage()).build();
        }
        if (!ok) {
            return b.invalid(ReasonCode.SIGNATURE_VALUE_INVALID, "the signature does not match the header and payload: "
                    + "the JWS was altered" + (p.payload() == null ? ", or this is not the document that was signed" : "")
                    + ", or it was not made with the key of " + Certs.describe(signer)).build();
        }
        b.intact(true);
        String cty = header.getContentType();
        Document content = p.payload() == null ? detached : Document.of(payload, "payload",
                cty != null && cty.contains("/") ? cty : Document.JSON);
        b.signedContent(new SignedContent(p.payload() == null ? content.name() : "payload", content, null));
        validator.validate(b, signer, certs, signingTime, validationTime);
        return b.build();
    }
}
