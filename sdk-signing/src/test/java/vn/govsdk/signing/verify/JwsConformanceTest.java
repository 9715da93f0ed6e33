package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * JWS as RFC 7515 and JAdES write it: members of the JSON serialisation the verifier does not know are
 * ignored (RFC 7515 7.2.1), and a JAdES {@code sigD} header is refused as unsupported, never reported as
 * tampering.
 */
class JwsConformanceTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private JWSObject signed(Map<String, Object> custom) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(rsa.certificate().getEncoded())));
        custom.forEach(h::customParam);
        JWSObject jws = new JWSObject(h.build(), new Payload("{\"soHoSo\":\"01\"}"));
        jws.sign(new RSASSASigner(rsa.privateKey()));
        return jws;
    }

    private static VerificationReport verify(String text) {
        return Verifiers.online().verify(Document.of(text.getBytes(StandardCharsets.UTF_8), "s.json", "application/jose+json"));
    }

    @Test
    void aFlattenedJsonJwsWithAMemberTheVerifierDoesNotKnowIsVerified() throws Exception {
        JWSObject jws = signed(Map.of());
        String flattened = "{\"payload\":\"" + jws.getPayload().toBase64URL() + "\",\"protected\":\""
                + jws.getHeader().toBase64URL() + "\",\"signature\":\"" + jws.getSignature() + "\",\"x-note\":\"ghi chú\"}";

        VerificationReport r = verify(flattened);

        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        assertThat(r.signatures().get(0).integrity()).as(r.toString()).isEqualTo(Integrity.INTACT);
        assertThat(r.signatures().get(0).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void aJadesSigDHeaderIsUnsupportedNotTampering() throws Exception {
        JWSObject jws = signed(Map.of("sigD", Map.of("mId", "http://uri.etsi.org/19182/ObjectIdByURIHash",
                "pars", List.of("hoso.xml"), "hashM", "S256", "hashV", List.of("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"))));
        String detached = jws.getHeader().toBase64URL() + ".." + jws.getSignature();

        VerificationReport r = Verifiers.online().verify(Document.of(detached.getBytes(StandardCharsets.UTF_8), "s.jws",
                "application/jose"), Document.of(new byte[0], "hoso.xml", Document.XML));

        SignatureReport s = r.signatures().get(0);
        assertThat(s.status()).as(r.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(s.reasons().get(0).code()).isEqualTo(ReasonCode.UNSUPPORTED_FEATURE);
        assertThat(r.toString()).doesNotContain("altered");
    }
}
