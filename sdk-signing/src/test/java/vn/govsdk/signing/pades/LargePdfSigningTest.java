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
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.testkit.data.SyntheticPdf;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A 100 MB PDF signed (visibly, on its last page) in a child JVM whose heap is limited to 64 MB, far
 * below the size of the file: the signing must succeed, the heap it used stay under the limit, and
 * pdfsig, qpdf and our verifier (in the same small heap) accept the output.
 */
class LargePdfSigningTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aHundredMegabytePdfIsSignedInA64MegabyteHeap(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("big.pdf");
        long size = SyntheticPdf.write(in, 1000, 100_000);
        assertThat(size).isGreaterThan(95 * MB);
        TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
        rsa.writePkcs12(dir.resolve("signer.p12"), "changeit".toCharArray());
        Files.writeString(dir.resolve("password.txt"), "changeit");
        Files.writeString(dir.resolve("root.pem"), TestPlatform.shared().pki().trustAnchorPem());
        Path out = dir.resolve("big-signed.pdf");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LargePdfSignMain.class.getName(), in.toString(), out.toString(),
                dir.resolve("signer.p12").toString(), dir.resolve("password.txt").toString(), dir.resolve("root.pem").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
        String report = Files.readString(log);
        assertThat(child.exitValue()).as(report).isZero();
        Matcher m = Pattern.compile("signed size=(\\d+) sampledMax=(\\d+) poolPeakSum=(\\d+)").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        long sampled = Long.parseLong(m.group(2));
        long peak = Long.parseLong(m.group(3));
        System.out.println("100 MB PAdES: file " + size / MB + " MB, heap sampled max " + sampled / MB + " MB, pool peak sum "
                + peak / MB + " MB");
        assertThat(Long.parseLong(m.group(1))).isEqualTo(Files.size(out)).isGreaterThan(size);
        assertThat(peak).isLessThan(64 * MB).isLessThan(2 * size);

        // The original bytes are kept as they were, then the update.
        assertThat(Files.mismatch(in, out)).isEqualTo(size);
        String pdfsig = Tools.ok(dir, "pdfsig", "-nocert", out.getFileName().toString());
        assertThat(pdfsig).contains("Signature Validation: Signature is Valid.").contains("Total document signed");
        assertThat(Tools.ok(dir, "qpdf", "--check", out.getFileName().toString()))
                .contains("No syntax or stream encoding errors found");
        // Our verifier, in the same 64 MB child: the file is read at random and its byte ranges streamed.
        Matcher v = Pattern.compile("verified status=(\\w+) signatures=(\\d+) verifyPoolPeakSum=(\\d+)").matcher(report);
        assertThat(v.find()).as(report).isTrue();
        assertThat(v.group(1)).isEqualTo("VALID");
        assertThat(v.group(2)).isEqualTo("1");
        System.out.println("100 MB PAdES verification: heap pool peak sum " + Long.parseLong(v.group(3)) / MB + " MB");
        assertThat(Long.parseLong(v.group(3))).isLessThan(64 * MB);
    }
}
