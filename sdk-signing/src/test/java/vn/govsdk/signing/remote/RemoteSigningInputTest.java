package vn.govsdk.signing.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.internal.crypto.Ecdsa;
import vn.govsdk.signing.internal.remote.AsciiNames;
import vn.govsdk.signing.internal.remote.ValueChecker;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.TestCredential;

/** Requests are checked before any call; values are checked against the key and digest. */
class RemoteSigningInputTest {

    private static final byte[] D32 = new byte[32];
    private final MockGovPlatform platform = TestPlatform.shared().platform();

    private RemoteSigningRequest.Builder valid() {
        return RemoteSigningRequest.builder().userId("079203000101").add("doc-1", "Quyết định 01", D32);
    }

    @Test
    void requestRulesNameTheField() {
        assertThat(valid().build().algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
        assertThatThrownBy(() -> valid().userId("").build()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> valid().userId(null).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("userId must not be empty");
        assertThatThrownBy(() -> valid().userId(" 0792 ").build()).hasMessageContaining("userId");
        assertThatThrownBy(() -> RemoteSigningRequest.builder().userId("079203000101").build())
                .hasMessageContaining("digests must hold at least one digest");
        assertThatThrownBy(() -> valid().algorithm(SignatureAlgorithm.RSA_SHA512).build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("digests[0].digest");
                    assertThat(e.rule()).contains("64 bytes for RSA_SHA512").contains("got 32");
                });
        assertThatThrownBy(() -> valid().algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build())
                .hasMessageContaining("RSA-PSS");
        assertThatThrownBy(() -> valid().add("doc-1", "again", D32).build())
                .hasMessageContaining("digests[1].documentId must be unique");
        assertThatThrownBy(() -> valid().add("doc 2", "x", D32)).hasMessageContaining("documentId");
        assertThatThrownBy(() -> valid().add("doc-2", "x", new byte[20])).hasMessageContaining("digest must be")
                .hasMessageContaining("got 20 bytes");
        assertThatThrownBy(() -> valid().description("a\nb").build()).hasMessageContaining("description");
        assertThat(valid().build().toString()).doesNotContain("079203000101").contains("079*******01");
    }

    @Test
    void badInputIsRefusedBeforeAnyNetworkCall() {
        try (Sp769Signer smartCa = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca"))
                .spId("sp").spPassword(Secret.of("pw")).build();
                MySignSigner mySign = MySignSigner.builder().endpoint(platform.baseUrl("/mysign"))
                        .credentials("c", Secret.of("s")).build()) {
            int before = platform.journal().count();
            assertThatThrownBy(() -> smartCa.getCertificateChain("")).hasMessageContaining("userId must not be empty");
            assertThatThrownBy(() -> smartCa.getCertificateChain(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> smartCa.signDigests(null)).isInstanceOf(InvalidInputException.class);
            String longName = "Quyết định phê duyệt ".repeat(6);
            assertThatThrownBy(() -> mySign.signDigests(RemoteSigningRequest.builder().userId("079203000101")
                    .add("doc-1", longName, D32).build()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("digests[0].documentName");
                        assertThat(e.rule()).contains("at most 100 characters for MySign");
                    });
            assertThatThrownBy(() -> smartCa.signingKey("079203000101", Duration.ZERO)).hasMessageContaining("wait");
            assertThat(platform.journal().count()).as("no request reached the platform").isEqualTo(before);
        }
    }

    @Test
    void buildersNameWhatIsMissingAndHideSecrets() {
        assertThatThrownBy(() -> Sp769Signer.smartCa().spId("sp").spPassword(Secret.of("pw")).build())
                .hasMessageContaining("endpoint must be set");
        assertThatThrownBy(() -> Sp769Signer.smartCa().endpoint(URI.create("http://127.0.0.1/")).spId("sp").build())
                .hasMessageContaining("spPassword must be set");
        assertThatThrownBy(() -> Sp769Signer.neacEsign().endpoint(URI.create("http://127.0.0.1/")).spId("sp")
                .spPassword(Secret.of("pw")).build()).hasMessageContaining("caName must be set");
        assertThatThrownBy(() -> SmartCaCscSigner.builder().endpoint(URI.create("http://127.0.0.1/"))
                .credentials("c", Secret.of("s")).build()).hasMessageContaining("userPasswords must be set");
        assertThatThrownBy(() -> SmartCaCscSigner.builder().maxDigestsPerRequest(51))
                .hasMessageContaining("between 1 and 50");
        assertThatThrownBy(() -> Sp769Signer.smartCa().signPath("/v1/\u200Bsign"))
                .hasMessageContaining("signPath").hasMessageContaining("invisible");
        assertThatThrownBy(() -> Sp769Signer.smartCa().endpoint(URI.create("ftp://x/")))
                .hasMessageContaining("endpoint must be an absolute http or https URI");
        try (Sp769Signer s = Sp769Signer.neacEsign().endpoint(URI.create("http://127.0.0.1:9/sign_v2")).spId("sp")
                .spPassword(Secret.of("very-secret-pw")).caName("FPT-CA").build()) {
            assertThat(s.toString()).contains("esign").contains("FPT-CA").contains("BASE64").doesNotContain("very-secret-pw");
            assertThat(s.maxDigestsPerRequest()).isEqualTo(50);
        }
    }

    @Test
    void mySignNamesAreTransliteratedToTheAllowedAscii() {
        assertThat(AsciiNames.transliterate("Quyết định số 01/QĐ-UBND")).isEqualTo("Quyet dinh so 01_QD-UBND");
        assertThat(AsciiNames.transliterate("Đơn đề nghị cấp giấy phép.pdf")).isEqualTo("Don de nghi cap giay phep_pdf");
        assertThat(AsciiNames.transliterate("Ký hồ sơ")).matches("[a-zA-Z0-9_\\- ]+");
    }

    @Test
    void valuesAreCheckedAgainstTheKeyAndTheDigest() throws Exception {
        TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
        byte[] data = "signed attributes".getBytes();
        byte[] digest = SignatureAlgorithm.RSA_SHA256.digestAlgorithm().digest(data);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsa.privateKey());
        s.update(data);
        byte[] value = s.sign();
        assertThat(ValueChecker.check(value, digest, SignatureAlgorithm.RSA_SHA256, rsa.certificate().getPublicKey()))
                .isEqualTo(value);
        byte[] otherDigest = digest.clone();
        otherDigest[0] ^= 1;
        assertThat(ValueChecker.check(value, otherDigest, SignatureAlgorithm.RSA_SHA256, rsa.certificate().getPublicKey()))
                .isNull();
        TestCredential other = TestPlatform.shared().pki().rsa3072Signer();
        assertThat(ValueChecker.check(value, digest, SignatureAlgorithm.RSA_SHA256, other.certificate().getPublicKey()))
                .isNull();

        // ECDSA: a provider returning raw r || s gets it converted to DER, which then verifies with JCA.
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = g.generateKeyPair();
        Signature es = Signature.getInstance("SHA256withECDSA");
        es.initSign(ec.getPrivate());
        es.update(data);
        byte[] der = es.sign();
        byte[] raw = Ecdsa.derToConcat(der, 32);
        byte[] converted = ValueChecker.check(raw, digest, SignatureAlgorithm.ECDSA_SHA256, ec.getPublic());
        assertThat(converted).isNotNull();
        assertThat(SignatureAlgorithm.ECDSA_SHA256.verify(ec.getPublic(), data, converted)).isTrue();
        assertThat(ValueChecker.check(der, digest, SignatureAlgorithm.ECDSA_SHA256, ec.getPublic())).isEqualTo(der);
        assertThat(ValueChecker.check(raw, otherDigest, SignatureAlgorithm.ECDSA_SHA256, ec.getPublic())).isNull();
    }

    @Test
    void digestToSignCopiesAndShowsNoSurprises() {
        byte[] d = new byte[32];
        DigestToSign t = new DigestToSign("a", "b", d);
        d[0] = 9;
        assertThat(t.digest()[0]).isZero();
        t.digest()[1] = 9;
        assertThat(t.digest()[1]).isZero();
        assertThat(List.of(t)).containsExactly(new DigestToSign("a", "b", new byte[32]));
    }
}
