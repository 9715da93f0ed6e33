package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * Our PAdES signatures checked by poppler's {@code pdfsig} and by {@code qpdf --check}
 * ({@code apt-get install -y poppler-utils qpdf}); a missing tool fails the test.
 *
 * <p>{@code pdfsig} validates certificates against an NSS database; the test PKI's root is not in
 * one, so it runs with {@code -nocert} (signature and document integrity only) and the trust line is
 * asserted to say that the certificate was not verified, never that it failed.
 */
class PadesInteropTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private final TestCredential ec = TestPlatform.shared().pki().ecP256Signer();

    @Test
    void pdfsigAndQpdfAcceptOneSignature() throws Exception {
        Path dir = Tools.workDir("pades-one");
        byte[] signed = PadesSigner.builder().reason("Phê duyệt").build()
                .sign(Document.of(TestPdfs.decision(3), "quyetdinh.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("signed.pdf"), signed);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "signed.pdf");
        assertThat(out).contains("Signature #1:");
        assertThat(out).contains("Signature Type: ETSI.CAdES.detached");
        assertThat(out).contains("Signature Validation: Signature is Valid.");
        assertThat(out).contains("Total document signed");
        assertThat(out).doesNotContain("Certificate Validation"); // -nocert: trust is not judged by pdfsig here
        // Without -nocert pdfsig judges trust with its NSS database, which does not hold the test root:
        // the issuer is unknown to it, and the signature itself still valid.
        String withTrust = Tools.run(dir, "pdfsig", "signed.pdf").output();
        assertThat(withTrust).contains("Signature Validation: Signature is Valid.")
                .contains("Certificate Validation: Certificate issuer is unknown.");
        assertThat(out).doesNotContain("Certificate has been Revoked").doesNotContain("Signature is Invalid");
        String check = Tools.ok(dir, "qpdf", "--check", "signed.pdf");
        assertThat(check).contains("No syntax or stream encoding errors found");
    }

    @Test
    void twoSuccessiveSignaturesBothStayValidForPdfsig() throws Exception {
        Path dir = Tools.workDir("pades-two");
        byte[] once = PadesSigner.builder().build()
                .sign(Document.of(TestPdfs.decision(2), "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        byte[] twice = PadesSigner.builder().build()
                .sign(Document.of(once, "a.pdf", "application/pdf"), TestPlatform.key(ec)).bytes();
        Files.write(dir.resolve("twice.pdf"), twice);
        String out = Tools.ok(dir, "pdfsig", "-nocert", "twice.pdf");
        assertThat(out).contains("Signature #1:").contains("Signature #2:");
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
        // The first signature covers the first revision only; the second the whole file.
        assertThat(out.split("Signature #2:")[0]).contains("Not total document signed");
        assertThat(out.split("Signature #2:")[1]).contains("Total document signed");
        assertThat(Tools.ok(dir, "qpdf", "--check", "twice.pdf")).contains("No syntax or stream encoding errors found");
    }
}
