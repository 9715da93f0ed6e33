package vn.govsdk.signing.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.Pkcs11Config;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.jws.JwsSigner;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestPki;

/** Keys on SoftHSM2 tokens, the stand-in for a Vietnamese CA's USB token. */
class Pkcs11Test {

    private static final TestPki PKI = TestPlatform.shared().pki();
    private static final Document XML = Document.ofText("<HoSo><Ten>Nguyễn Văn An</Ten></HoSo>", "hoso.xml", Document.XML);

    @BeforeAll
    static void tokens() {
        SoftHsm.reset();
        // Like Viettel-CA tokens: the key and the certificate share a CKA_ID but have different labels.
        SoftHsm.token("govsdk-labels", PKI.rsa2048Signer(), "01", "Private Key", "01",
                "Nguyen Van An's Viettel-CA SHA2 Certificate");
        // Key and certificate whose CKA_IDs do not pair: found by public key.
        SoftHsm.token("govsdk-ids", PKI.rsa3072Signer(), "0a", "key-binh", "0b", "cert-binh");
        SoftHsm.token("govsdk-ec", PKI.ecP256Signer(), "02", "ec-key", "02", "ec-cert");
    }

    private static Pkcs11Config.Builder config() {
        return Pkcs11Config.builder().library(SoftHsm.MODULE).pinCallback(SoftHsm.PIN::toCharArray);
    }

    private static void assertValid(SignedDocument signed) {
        VerificationReport r = Verifiers.online().verify(Document.of(signed.bytes()));
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void keyAndCertificateWithDifferentLabelsAreFoundByTokenLabel() {
        try (SigningKey key = SigningKey.pkcs11(config().tokenLabel("govsdk-labels").build())) {
            assertThat(key.certificate()).isEqualTo(PKI.rsa2048Signer().certificate());
            assertValid(XadesSigner.builder().build().sign(XML, key));
            assertValid(CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build().sign(XML, key));
            assertValid(JwsSigner.builder().algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build()
                    .sign(Document.ofText("{\"a\":1}", "a.json", Document.JSON), key));
        }
    }

    @Test
    void keyChosenByTheKeysOwnLabelWhileTheStoreNamesItByTheCertificate() {
        try (SigningKey key = SigningKey.pkcs11(config().tokenLabel("govsdk-labels").keyLabel("Private Key").build())) {
            assertThat(key.certificate()).isEqualTo(PKI.rsa2048Signer().certificate());
            assertValid(XadesSigner.builder().build().sign(XML, key));
        }
        try (SigningKey key = SigningKey.pkcs11(config().tokenLabel("govsdk-labels").keyId("01").build())) {
            assertThat(key.certificate()).isEqualTo(PKI.rsa2048Signer().certificate());
        }
        assertThatThrownBy(() -> SigningKey.pkcs11(config().tokenLabel("govsdk-labels").keyLabel("nope").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
    }

    @Test
    void keyAndCertificateWithDifferentIdsArePairedByPublicKey() {
        try (SigningKey key = SigningKey.pkcs11(config().tokenLabel("govsdk-ids").build())) {
            assertThat(key.certificate()).isEqualTo(PKI.rsa3072Signer().certificate());
            assertValid(XadesSigner.builder().build().sign(XML, key));
            assertValid(CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).algorithm(SignatureAlgorithm.RSA_PSS_SHA256)
                    .build().sign(XML, key));
        }
    }

    @Test
    void ecdsaTokenAndSlotChoices() {
        try (SigningKey key = SigningKey.pkcs11(config().tokenLabel("govsdk-ec").build())) {
            assertValid(XadesSigner.builder().build().sign(XML, key));
            assertValid(JwsSigner.builder().build().sign(Document.ofText("{\"a\":1}", "a.json", Document.JSON), key));
        }
        // The slot index is the position among slots holding a token: find the index of govsdk-ec.
        int found = -1;
        for (int i = 0; i < 3; i++) {
            try (SigningKey key = SigningKey.pkcs11(config().slotIndex(i).build())) {
                if (key.certificate().equals(PKI.ecP256Signer().certificate())) {
                    found = i;
                }
            }
        }
        assertThat(found).isNotNegative();
        assertThatThrownBy(() -> SigningKey.pkcs11(config().tokenLabel("no-such-token").build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("govsdk-ec").hasMessageContaining("govsdk-labels");
    }

    @Test
    void pinFromAFileAndAWrongPin(@TempDir Path dir) throws Exception {
        Path pin = dir.resolve("pin.txt");
        Files.writeString(pin, SoftHsm.PIN + "\n");
        try (SigningKey key = SigningKey.pkcs11(Pkcs11Config.builder().library(SoftHsm.MODULE).tokenLabel("govsdk-ec")
                .pinFile(pin).build())) {
            assertThat(key.certificateChain()).isNotEmpty();
        }
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> SigningKey.pkcs11(Pkcs11Config.builder().library(SoftHsm.MODULE).tokenLabel("govsdk-ec")
                .pinCallback(() -> {
                    asked.incrementAndGet();
                    return "000000".toCharArray();
                }).build()))
                .isInstanceOf(SigningException.class).hasMessageContaining("PIN");
        assertThat(asked).hasValue(1);
    }

    @Test
    void configurationFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("token.cfg");
        Files.writeString(conf, "# SoftHSM2 as a USB token\nlibrary = " + SoftHsm.MODULE + "\ntokenLabel = govsdk-labels\n"
                + "keyLabel = Private Key\n", StandardCharsets.UTF_8);
        Pkcs11Config config = Pkcs11Config.fromFile(conf).pinEnvironment("GOVSDK_TEST_NO_SUCH_VARIABLE").build();
        assertThat(config.toString()).contains("govsdk-labels").doesNotContain(SoftHsm.PIN);
        assertThatThrownBy(() -> SigningKey.pkcs11(config)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("GOVSDK_TEST_NO_SUCH_VARIABLE");

        Files.writeString(conf, "library = " + SoftHsm.MODULE + "\npin = 1234\n");
        assertThatThrownBy(() -> Pkcs11Config.fromFile(conf)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not hold the PIN");
        Files.writeString(conf, "library = /nonexistent/module.so\n");
        assertThatThrownBy(() -> SigningKey.pkcs11(Pkcs11Config.fromFile(conf).pinCallback(() -> "1".toCharArray()).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void softHsmIsTheModuleTheCommandLineToolsSee() {
        String out = Tools.ok(Path.of("target"), java.util.Map.of("SOFTHSM2_CONF", SoftHsm.conf().toString()),
                "softhsm2-util", "--show-slots");
        assertThat(out).contains("govsdk-labels").contains("govsdk-ids").contains("govsdk-ec");
    }
}
