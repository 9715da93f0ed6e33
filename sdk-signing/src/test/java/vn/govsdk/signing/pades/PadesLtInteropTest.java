package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * PAdES B-T and B-LT checked by the real tools ({@code apt-get install -y poppler-utils qpdf openssl}; a
 * missing tool fails the test): poppler's {@code pdfsig} validates every signature's digest and value,
 * {@code qpdf --check} the structure with the DSS update, and {@code openssl ts -verify} the signature
 * timestamp taken from the CMS, against the SHA-256 of the signature value it must cover.
 *
 * <p>{@code pdfsig} runs with {@code -nocert} as in {@link PadesInteropTest}: the test root is not in its
 * NSS database. poppler has no notion of a DSS: after the B-LT update it says "Not total document
 * signed" of the last signature too, and our verifier is the one that classifies that update.
 */
class PadesLtInteropTest {

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final TestCredential ec = tp.pki().ecP256Signer();
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    private PadesSigner signer(SignatureLevel level) {
        return PadesSigner.builder().level(level).timestampClient(tsa).validationDataSource(new TestValidationData())
                .reason("Phê duyệt").build();
    }

    private static String pem(java.security.cert.X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** Extracts the token of signature {@code index} and has openssl verify it against the signature value's digest. */
    private void opensslVerifiesTheToken(Path dir, byte[] pdf, int index) throws Exception {
        SignerInfo si = PadesLevelsTest.signerInfo(pdf, index);
        Attribute attr = Attribute.getInstance(si.getUnauthenticatedAttributes().getObjectAt(0));
        assertThat(attr.getAttrType()).isEqualTo(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        Files.write(dir.resolve("token" + index + ".der"), attr.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER"));
        Files.writeString(dir.resolve("root.pem"), pem(tp.pki().rootCertificate()));
        Files.writeString(dir.resolve("intermediate.pem"), pem(tp.pki().intermediateCertificate()));
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(si.getEncryptedDigest().getOctets()));
        String out = Tools.ok(dir, "openssl", "ts", "-verify", "-digest", digest, "-in", "token" + index + ".der",
                "-token_in", "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(out).contains("Verification: OK");
        // The same token against another digest: openssl must refuse it (the check can fail).
        String other = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(digest.getBytes(StandardCharsets.US_ASCII)));
        Tools.Result wrong = Tools.run(dir, "openssl", "ts", "-verify", "-digest", other, "-in", "token" + index + ".der",
                "-token_in", "-CAfile", "root.pem", "-untrusted", "intermediate.pem");
        assertThat(wrong.exitCode()).isNotZero();
    }

    @Test
    void bTIsValidForPdfsigQpdfAndOpensslTs() throws Exception {
        Path dir = Tools.workDir("pades-bt");
        byte[] pdf = signer(SignatureLevel.B_T).sign(Document.of(TestPdfs.decision(2), "t.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("t.pdf"), pdf);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "t.pdf");
        assertThat(out).contains("Signature #1:").contains("Signature Type: ETSI.CAdES.detached")
                .contains("Signature Validation: Signature is Valid.").contains("Total document signed")
                .doesNotContain("Not total document signed");
        assertThat(Tools.ok(dir, "qpdf", "--check", "t.pdf")).contains("No syntax or stream encoding errors found");
        opensslVerifiesTheToken(dir, pdf, 0);
    }

    @Test
    void bLtIsValidForPdfsigQpdfAndOpensslTs() throws Exception {
        Path dir = Tools.workDir("pades-blt");
        byte[] pdf = signer(SignatureLevel.B_LT).sign(Document.of(TestPdfs.decision(2), "lt.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("lt.pdf"), pdf);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "lt.pdf");
        assertThat(out).contains("Signature #1:").contains("Signature Validation: Signature is Valid.")
                .doesNotContain("Digest Mismatch").doesNotContain("Signature #2:");
        assertThat(Tools.ok(dir, "qpdf", "--check", "lt.pdf")).contains("No syntax or stream encoding errors found");
        // qpdf sees the DSS in the catalog of the last revision.
        java.util.regex.Matcher root = java.util.regex.Pattern.compile("/Root (\\d+) 0 R")
                .matcher(Tools.ok(dir, "qpdf", "--show-object=trailer", "lt.pdf"));
        assertThat(root.find()).isTrue();
        assertThat(Tools.ok(dir, "qpdf", "--show-object=" + root.group(1), "lt.pdf")).contains("/DSS");
        opensslVerifiesTheToken(dir, pdf, 0);
    }

    @Test
    void twoSuccessiveBLtSignaturesBothStayValid() throws Exception {
        Path dir = Tools.workDir("pades-blt-two");
        byte[] once = signer(SignatureLevel.B_LT).sign(Document.of(TestPdfs.decision(2), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        byte[] twice = signer(SignatureLevel.B_LT).sign(Document.of(once, "a.pdf", "application/pdf"),
                TestPlatform.key(ec)).bytes();
        Files.write(dir.resolve("twice.pdf"), twice);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "twice.pdf");
        assertThat(out).contains("Signature #1:").contains("Signature #2:").doesNotContain("Digest Mismatch");
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
        assertThat(Tools.ok(dir, "qpdf", "--check", "twice.pdf")).contains("No syntax or stream encoding errors found");
        opensslVerifiesTheToken(dir, twice, 0);
        opensslVerifiesTheToken(dir, twice, 1);
    }

    @Test
    void bLtOfAVisibleSignatureOnAFileIsStreamedAndValid() throws Exception {
        Path dir = Tools.workDir("pades-blt-file");
        Path in = dir.resolve("in.pdf");
        Files.write(in, TestPdfs.decision(3));
        PadesSigner lt = PadesSigner.builder().level(SignatureLevel.B_LT).timestampClient(tsa)
                .validationDataSource(new TestValidationData()).visibleSignature(VisibleSignature.builder().build()).build();
        lt.sign(Document.of(in), TestPlatform.key(rsa)).writeTo(dir.resolve("lt.pdf"));
        byte[] pdf = Files.readAllBytes(dir.resolve("lt.pdf"));
        assertThat(java.util.Arrays.copyOf(pdf, (int) Files.size(in))).isEqualTo(Files.readAllBytes(in));
        String out = Tools.ok(dir, "pdfsig", "-nocert", "lt.pdf");
        assertThat(out).contains("Signature Validation: Signature is Valid.").doesNotContain("Digest Mismatch");
        assertThat(Tools.ok(dir, "qpdf", "--check", "lt.pdf")).contains("No syntax or stream encoding errors found");
        var report = vn.govsdk.signing.Verifiers.offline().verify(Document.of(pdf, "lt.pdf", "application/pdf"));
        assertThat(report.signatures().get(0).status()).as(report.toString())
                .isEqualTo(vn.govsdk.signing.verify.SignatureStatus.VALID);
        assertThat(report.signatures().get(0).level()).isEqualTo(SignatureLevel.B_LT);
        opensslVerifiesTheToken(dir, pdf, 0);
    }

    @Test
    void twoSuccessiveBTSignaturesBothStayValid() throws Exception {
        Path dir = Tools.workDir("pades-bt-two");
        byte[] once = signer(SignatureLevel.B_T).sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        byte[] twice = signer(SignatureLevel.B_T).sign(Document.of(once, "a.pdf", "application/pdf"),
                TestPlatform.key(ec)).bytes();
        Files.write(dir.resolve("twice.pdf"), twice);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "twice.pdf");
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
        // The second signature covers the whole file: nothing was added after it at B-T.
        assertThat(out.split("Signature #2:")[1]).contains("Total document signed").doesNotContain("Not total");
        assertThat(Tools.ok(dir, "qpdf", "--check", "twice.pdf")).contains("No syntax or stream encoding errors found");
        opensslVerifiesTheToken(dir, twice, 1);
    }
}
