package vn.govsdk.signing.cades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.esf.RevocationValues;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

class CadesLevelsTest {

    private static final byte[] DATA = "Tờ khai đăng ký khai sinh".getBytes(StandardCharsets.UTF_8);

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    private SignedDocument sign(SignatureLevel level, SignaturePackaging packaging) {
        return CadesSigner.builder().level(level).packaging(packaging).timestampClient(tsa).build()
                .sign(Document.of(DATA, "tokhai.txt", "text/plain"), TestPlatform.key(rsa));
    }

    private Path files(SignedDocument signed, String name) throws Exception {
        Path dir = Tools.workDir("cades-" + name);
        Files.write(dir.resolve("data.txt"), DATA);
        Files.write(dir.resolve("sig.der"), signed.bytes());
        Files.writeString(dir.resolve("root.pem"), tp.pki().trustAnchorPem());
        Files.writeString(dir.resolve("untrusted.pem"), tp.pki().tsa().certificatePem()
                + tp.pki().intermediateCa().certificatePem());
        return dir;
    }

    /** openssl ts -verify accepts the embedded token for the SHA-256 of the signature value. */
    private static void opensslVerifiesToken(Path dir, byte[] cms) throws Exception {
        SignerInformation si = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        Attribute attr = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        Files.write(dir.resolve("token.der"), attr.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
        String hex = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(si.getSignature()));
        assertThat(Tools.ok(dir, "openssl", "ts", "-verify", "-token_in", "-in", "token.der", "-digest", hex,
                "-CAfile", "root.pem", "-untrusted", "untrusted.pem")).contains("Verification: OK");
    }

    @Test
    void baselineTDetachedAndAttached() throws Exception {
        SignedDocument detached = sign(SignatureLevel.B_T, SignaturePackaging.DETACHED);
        assertThat(detached.level()).isEqualTo(SignatureLevel.B_T);
        Path dir = files(detached, "bt");
        Tools.ok(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der", "-content", "data.txt",
                "-CAfile", "root.pem", "-out", "out.txt");
        opensslVerifiesToken(dir, detached.bytes());

        VerificationReport report = Verifiers.online().verify(Document.of(detached.bytes(), "tokhai.txt.p7s",
                "application/pkcs7-signature"), Document.of(DATA, "tokhai.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = report.signatures().get(0);
        assertThat(r.level()).isEqualTo(SignatureLevel.B_T);
        assertThat(r.timestamp().orElseThrow().integrity()).isEqualTo(Integrity.INTACT);
        assertThat(r.timestamp().orElseThrow().provesTime()).isTrue();

        SignedDocument attached = sign(SignatureLevel.B_T, SignaturePackaging.ENVELOPING);
        Path dir2 = files(attached, "bt-attached");
        Tools.ok(dir2, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
                "-CAfile", "root.pem", "-out", "out.txt");
        assertThat(Files.readAllBytes(dir2.resolve("out.txt"))).isEqualTo(DATA);
        opensslVerifiesToken(dir2, attached.bytes());
        VerificationReport ra = Verifiers.online().verify(Document.of(attached.bytes(), "tokhai.txt.p7m",
                "application/pkcs7-mime"));
        assertThat(ra.status()).as(ra.toString()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void baselineLtEmbedsBothChainsValidationData() throws Exception {
        SignedDocument detached = sign(SignatureLevel.B_LT, SignaturePackaging.DETACHED);
        assertThat(detached.level()).isEqualTo(SignatureLevel.B_LT);
        CMSSignedData cms = new CMSSignedData(detached.bytes());
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        RevocationValues rv = RevocationValues.getInstance(si.getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_ets_revocationValues).getAttrValues().getObjectAt(0));
        // Signer, intermediate (shared by both chains, embedded once), TSA.
        assertThat(rv.getOcspVals()).hasSize(3);
        assertThat(cms.getCertificates().getMatches(null)).hasSizeGreaterThanOrEqualTo(5); // + root, TSA, responder
        Path dir = files(detached, "blt");
        Tools.ok(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der", "-content", "data.txt",
                "-CAfile", "root.pem", "-out", "out.txt");
        opensslVerifiesToken(dir, detached.bytes());

        VerificationReport report = Verifiers.online().verify(Document.of(detached.bytes(), "tokhai.txt.p7s",
                "application/pkcs7-signature"), Document.of(DATA, "tokhai.txt", "text/plain"));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.signatures().get(0).level()).isEqualTo(SignatureLevel.B_LT);

        SignedDocument attached = sign(SignatureLevel.B_LT, SignaturePackaging.ENVELOPING);
        Path dir2 = files(attached, "blt-attached");
        Tools.ok(dir2, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der",
                "-CAfile", "root.pem", "-out", "out.txt");
        assertThat(Files.readAllBytes(dir2.resolve("out.txt"))).isEqualTo(DATA);
        opensslVerifiesToken(dir2, attached.bytes());
    }

    @Test
    void levelsNeedATimestampClientAndLtaIsRefused() {
        assertThatThrownBy(() -> CadesSigner.builder().level(SignatureLevel.B_T).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> CadesSigner.builder().level(SignatureLevel.B_LT).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("timestampClient");
        assertThatThrownBy(() -> CadesSigner.builder().level(SignatureLevel.B_LTA))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("B-LTA");
        assertThat(CadesSigner.builder().build().toString()).contains("B-B");
    }
}
