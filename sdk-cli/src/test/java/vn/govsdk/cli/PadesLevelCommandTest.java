package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticPdf;

/** {@code govsdk sign --format pades --level T|LT --tsa URL} against the mock platform's TSA and OCSP. */
class PadesLevelCommandTest {

    private static MockGovPlatform platform;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void signsAtBtAndBltAndTheLtPdfVerifiesOffline() throws Exception {
        platform.pki().rsa2048Signer().writePkcs12(dir.resolve("signer.p12"), "changeit".toCharArray());
        Files.writeString(dir.resolve("password.txt"), "changeit\n");
        Files.writeString(dir.resolve("root.pem"), platform.pki().trustAnchorPem());
        SyntheticPdf.write(dir.resolve("to-trinh.pdf"), 2, 1_000);
        String tsa = platform.baseUrl("/pki/tsa").toString();

        CliRunner t = CliRunner.run("sign", "--format", "pades", "--level", "T", "--tsa", tsa, "--in", p("to-trinh.pdf"),
                "--out", p("t.pdf"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("PAdES B-T");

        CliRunner lt = CliRunner.run("sign", "--format", "pades", "--level", "LT", "--tsa", tsa, "--in", p("to-trinh.pdf"),
                "--out", p("lt.pdf"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(lt.exitCode()).as(lt.err()).isZero();
        assertThat(lt.out()).contains("PAdES B-LT");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("lt.pdf").toFile())) {
            assertThat(doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))).isNotNull();
        }
        int before = platform.journal().count("/pki");
        CliRunner v = CliRunner.run("verify", "--in", p("lt.pdf"), "--trust", p("root.pem"), "--no-default-trust", "--offline");
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("VALID").contains("PAdES B-LT");
        assertThat(platform.journal().count("/pki")).isEqualTo(before);

        // The B-T PDF has no validation data: offline, its revocation cannot be settled.
        CliRunner vt = CliRunner.run("verify", "--in", p("t.pdf"), "--trust", p("root.pem"), "--no-default-trust", "--offline");
        assertThat(vt.exitCode()).isEqualTo(1);
        assertThat(vt.out()).contains("INDETERMINATE");

        CliRunner noTsa = CliRunner.run("sign", "--format", "pades", "--level", "LT", "--in", p("to-trinh.pdf"),
                "--out", p("x.pdf"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(noTsa.exitCode()).isEqualTo(2);
        assertThat(noTsa.err()).contains("--tsa");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }
}
