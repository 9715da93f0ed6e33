package vn.govsdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.internal.crypto.Ecdsa;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;

class ModelTest {

    @Test
    void sha1AndUnknownAlgorithmsAreRefusedByName() {
        for (String name : new String[] {"SHA1withRSA", "RS1", "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "MD5withRSA"}) {
            assertThatThrownBy(() -> SignatureAlgorithm.fromName(name)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("SHA-1 or MD5").hasMessageContaining("Circular 15/2025");
        }
        assertThatThrownBy(() -> DigestAlgorithm.fromName("SHA-1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not permitted");
        assertThat(SignatureAlgorithm.fromName("PS256")).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA256);
        assertThat(SignatureAlgorithm.fromName("SHA384withRSAandMGF1")).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA384);
        assertThat(SignatureAlgorithm.fromName("sha256withecdsa")).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
        assertThat(SignatureAlgorithm.fromName("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"))
                .isEqualTo(SignatureAlgorithm.RSA_SHA512);
        assertThat(DigestAlgorithm.fromName("sha-384")).isEqualTo(DigestAlgorithm.SHA384);
    }

    @Test
    void keysBelowTheLegalMinimumAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair small = rsa.generateKeyPair();
        assertThatThrownBy(() -> SignatureAlgorithm.checkKeyStrength(small.getPublic())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("1024 bits").hasMessageContaining("2048");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        ec.initialize(new ECGenParameterSpec("secp224r1"));
        KeyPair smallEc = ec.generateKeyPair();
        assertThatThrownBy(() -> SignatureAlgorithm.defaultFor(smallEc.getPublic())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("224 bits").hasMessageContaining("256");
        var p256 = TestPlatform.shared().pki().ecP256Signer().certificate().getPublicKey();
        assertThat(SignatureAlgorithm.defaultFor(p256)).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
        assertThatThrownBy(() -> SignatureAlgorithm.RSA_SHA256.checkKey(p256)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs an RSA key");
    }

    @Test
    void signersRefuseAnRsaAlgorithmForAnEcKey() {
        TestCredential ec = TestPlatform.shared().pki().ecP256Signer();
        assertThatThrownBy(() -> XadesSigner.builder().algorithm(SignatureAlgorithm.RSA_SHA256).build()
                .prepare(Document.ofText("<a/>", "a.xml", Document.XML), ec.chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RSA");
    }

    @Test
    void pkcs12KeysOpenWithTheirPasswordOnly(@TempDir Path dir) {
        TestCredential c = TestPlatform.shared().pki().rsa2048Signer();
        Path p12 = TestPlatform.pkcs12(c, dir);
        SigningKey key = SigningKey.pkcs12(p12, TestPlatform.password());
        assertThat(key.certificate()).isEqualTo(c.certificate());
        assertThat(key.certificateChain()).hasSize(3);
        assertThat(key.toString()).contains("Nguyễn Văn An").doesNotContain("changeit");
        byte[] sig = key.sign("x".getBytes(StandardCharsets.UTF_8), SignatureAlgorithm.RSA_PSS_SHA256);
        assertThat(SignatureAlgorithm.RSA_PSS_SHA256.verify(c.certificate().getPublicKey(),
                "x".getBytes(StandardCharsets.UTF_8), sig)).isTrue();

        assertThatThrownBy(() -> SigningKey.pkcs12(p12, Secret.of("wrong"))).isInstanceOf(SigningException.class)
                .hasMessageContaining("wrong password").hasMessageNotContaining("changeit");
        assertThatThrownBy(() -> SigningKey.pkcs12(dir.resolve("none.p12"), Secret.of("x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> SigningKey.pkcs12(p12, TestPlatform.password(), "other"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("signer-rsa-2048");
    }

    @Test
    void documentsFromBytesFilesAndStreams(@TempDir Path dir) throws Exception {
        assertThat(Document.of("<a/>".getBytes(StandardCharsets.UTF_8)).mediaType()).isEqualTo(Document.XML);
        assertThat(Document.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)).mediaType()).isEqualTo(Document.JSON);
        assertThat(Document.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).mediaType()).isEqualTo(Document.PDF);
        Path f = dir.resolve("Quyết định.pdf");
        Files.write(f, new byte[] {1, 2, 3});
        Document file = Document.of(f);
        assertThat(file.name()).isEqualTo("Quyết định.pdf");
        assertThat(file.mediaType()).isEqualTo(Document.PDF);
        assertThat(file.size()).hasValue(3);
        assertThat(file.isInMemory()).isFalse();
        Document stream = Document.ofStream("s.bin", Document.OCTET_STREAM, () -> new ByteArrayInputStream(new byte[] {9}));
        assertThat(stream.size()).isEmpty();
        assertThat(stream.bytes()).containsExactly(9);
        assertThat(stream.withName("t.bin").name()).isEqualTo("t.bin");
        assertThatThrownBy(() -> Document.of(dir.resolve("missing.xml"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Document.of(new byte[0], "x", "nonsense")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mediaType");
        byte[] b = {1, 2};
        Document copy = Document.of(b);
        b[0] = 7;
        assertThat(copy.bytes()[0]).isEqualTo((byte) 1);
    }

    @Test
    void ecdsaValuesConvertBothWays() throws Exception {
        TestCredential ec = TestPlatform.shared().pki().ecP256Signer();
        byte[] der = TestPlatform.key(ec).sign("abc".getBytes(StandardCharsets.UTF_8), SignatureAlgorithm.ECDSA_SHA256);
        byte[] concat = Ecdsa.derToConcat(der, 32);
        assertThat(concat).hasSize(64);
        assertThat(Ecdsa.concatToDer(concat, 32)).isEqualTo(der);
        assertThatThrownBy(() -> Ecdsa.derToConcat(new byte[] {0x30, 0x02, 0x02, 0x00}, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
