package vn.govsdk.signing.jws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

class JwsSignerTest {

    private static final String JSON = "{\"maHoSo\":\"000.00.00.H29-250101-0001\",\"nguoiNop\":\"Nguyễn Văn An\"}";
    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private final TestCredential ec = TestPlatform.shared().pki().ecP256Signer();

    private static Document json() {
        return Document.ofText(JSON, "hoso.json", Document.JSON);
    }

    @Test
    void compactRs256VerifiesWithNimbusAndOurVerifier() throws Exception {
        SignedDocument signed = JwsSigner.builder().build().sign(json(), TestPlatform.key(rsa));
        String compact = new String(signed.bytes(), StandardCharsets.US_ASCII);
        JWSObject parsed = JWSObject.parse(compact);
        assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(parsed.getHeader().getX509CertChain()).hasSize(2);
        assertThat(parsed.getHeader().getCustomParam("sigT")).isEqualTo(signed.signingTime().toString());
        assertThat(parsed.getPayload().toString()).isEqualTo(JSON);
        assertThat(parsed.verify(new RSASSAVerifier((RSAPublicKey) rsa.certificate().getPublicKey()))).isTrue();

        VerificationReport report = Verifiers.online().verify(Document.of(signed.bytes(), signed.fileName(), "application/jose"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.format()).isEqualTo(SignatureFormat.JWS);
        assertThat(r.signingTime()).contains(signed.signingTime());
        assertThat(new String(r.signedContent().get(0).content().bytes(), StandardCharsets.UTF_8)).isEqualTo(JSON);
    }

    @Test
    void ps256AndEs256() throws Exception {
        SignedDocument ps = JwsSigner.builder().algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build().sign(json(), TestPlatform.key(rsa));
        JWSObject p = JWSObject.parse(new String(ps.bytes(), StandardCharsets.US_ASCII));
        assertThat(p.getHeader().getAlgorithm().getName()).isEqualTo("PS256");
        assertThat(p.verify(new RSASSAVerifier((RSAPublicKey) rsa.certificate().getPublicKey()))).isTrue();
        assertThat(Verifiers.offline().verify(Document.of(ps.bytes())).status()).isEqualTo(SignatureStatus.VALID);

        SignedDocument es = JwsSigner.builder().build().sign(json(), TestPlatform.key(ec));
        JWSObject e = JWSObject.parse(new String(es.bytes(), StandardCharsets.US_ASCII));
        assertThat(e.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(e.getSignature().decode()).hasSize(64);
        assertThat(e.verify(new ECDSAVerifier((ECPublicKey) ec.certificate().getPublicKey()))).isTrue();
        assertThat(Verifiers.offline().verify(Document.of(es.bytes())).status()).isEqualTo(SignatureStatus.VALID);

        assertThatThrownBy(() -> JwsSigner.builder().algorithm(SignatureAlgorithm.ECDSA_SHA384).build()
                .sign(json(), TestPlatform.key(ec))).isInstanceOf(InvalidInputException.class).hasMessageContaining("P-384");
    }

    @Test
    void jsonSerialisation() throws Exception {
        SignedDocument signed = JwsSigner.builder().serialization(JwsSerialization.JSON).build().sign(json(), TestPlatform.key(rsa));
        String text = new String(signed.bytes(), StandardCharsets.US_ASCII);
        assertThat(text).startsWith("{").contains("\"protected\"").contains("\"payload\"").contains("\"signature\"");
        JWSObjectJSON parsed = JWSObjectJSON.parse(text);
        assertThat(parsed.getSignatures().get(0).verify(new RSASSAVerifier((RSAPublicKey) rsa.certificate().getPublicKey()))).isTrue();
        assertThat(Verifiers.offline().verify(Document.of(signed.bytes())).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void detachedPayloadPerRfc7515AppendixF() throws Exception {
        SignedDocument signed = JwsSigner.builder().packaging(SignaturePackaging.DETACHED).build().sign(json(), TestPlatform.key(rsa));
        String compact = new String(signed.bytes(), StandardCharsets.US_ASCII);
        assertThat(compact).contains("..");
        JWSObject parsed = JWSObject.parse(compact, new Payload(JSON));
        assertThat(parsed.verify(new RSASSAVerifier((RSAPublicKey) rsa.certificate().getPublicKey()))).isTrue();

        Document sig = Document.of(signed.bytes());
        assertThat(Verifiers.offline().verify(sig, json()).status()).isEqualTo(SignatureStatus.VALID);
        VerificationReport altered = Verifiers.offline().verify(sig, Document.ofText(JSON.replace("An", "Ân"), "x", Document.JSON));
        assertThat(altered.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(altered.signatures().get(0).reasons().get(0).code()).isEqualTo(ReasonCode.SIGNATURE_VALUE_INVALID);
        assertThat(Verifiers.offline().verify(sig).signatures().get(0).reasons().get(0).code())
                .isEqualTo(ReasonCode.DETACHED_CONTENT_MISSING);

        SignedDocument detachedJson = JwsSigner.builder().packaging(SignaturePackaging.DETACHED)
                .serialization(JwsSerialization.JSON).build().sign(json(), TestPlatform.key(ec));
        assertThat(new String(detachedJson.bytes(), StandardCharsets.US_ASCII)).doesNotContain("payload");
        assertThat(Verifiers.offline().verify(Document.of(detachedJson.bytes()), json()).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void algNoneAndHmacAreRefused() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.getBytes(StandardCharsets.UTF_8));
        for (String alg : new String[] {"none", "HS256"}) {
            String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
            VerificationReport r = Verifiers.offline().verify(Document.ofText(header + "." + payload + ".", "x.jws", "application/jose"));
            assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
            assertThat(r.toString()).contains(alg);
        }
    }
}
