package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.testkit.data.SyntheticPdf;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A 100 MB PDF signed at B-LT in a child JVM whose heap is limited to 64 MB: the timestamp and the
 * validation data come from this JVM's mock platform over loopback HTTP, the DSS update is computed by
 * reading the signed PDF at random, and the output is accepted by pdfsig, qpdf and our verifier.
 */
class LargePdfLtSigningTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aHundredMegabytePdfIsSignedAtBLtInA64MegabyteHeap(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("big.pdf");
        long size = SyntheticPdf.write(in, 1000, 100_000);
        assertThat(size).isGreaterThan(95 * MB);
        TestPlatform tp = TestPlatform.shared();
        TestCredential rsa = tp.pki().rsa2048Signer();
        rsa.writePkcs12(dir.resolve("signer.p12"), "changeit".toCharArray());
        Files.writeString(dir.resolve("password.txt"), "changeit");
        Path out = dir.resolve("big-lt.pdf");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargePdfLtSignMain.class.getName(), in.toString(), out.toString(), dir.resolve("signer.p12").toString(),
                dir.resolve("password.txt").toString(), tp.platform().baseUrl("/pki/tsa").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        String report = Files.readString(log);
        assertThat(child.exitValue()).as(report).isZero();
        Matcher m = Pattern.compile("signed level=B-LT size=(\\d+) poolPeakSum=(\\d+)").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(Files.size(out)).isGreaterThan(size);
        assertThat(Long.parseLong(m.group(2))).isLessThan(64 * MB);
        assertThat(Files.mismatch(in, out)).isEqualTo(size); // the original bytes kept, then the two updates

        String pdfsig = Tools.ok(dir, "pdfsig", "-nocert", out.getFileName().toString());
        assertThat(pdfsig).contains("Signature Validation: Signature is Valid.").doesNotContain("Digest Mismatch");
        assertThat(Tools.ok(dir, "qpdf", "--check", out.getFileName().toString()))
                .contains("No syntax or stream encoding errors found");
        SignatureReport s = Verifiers.offline().verify(Document.of(out)).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
    }
}
