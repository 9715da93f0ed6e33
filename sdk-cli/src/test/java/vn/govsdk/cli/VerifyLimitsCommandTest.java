package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.pades.PadesSigner;
import vn.govsdk.testkit.HostileInputs;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * {@code govsdk verify} in a JVM started with {@code -Xmx256m}: a FlateDecode bomb, XML 20,000 levels
 * deep, a 1.9 GB XML file and a 1.9 GB garbage PDF each end with exit 1 and a JSON report naming what
 * refused them, in bounded time; none ends with an Error.
 */
class VerifyLimitsCommandTest {

    private static MockGovPlatform platform;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private record Run(int exit, String out, Duration took) {
    }

    private static Run verifyInSmallJvm(Path input) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve(input.getFileName() + ".log");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GovSdkCommand.class.getName(), "verify", "--in", input.toString(), "--offline", "--json"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String out = Files.readString(log);
        System.out.println("govsdk verify " + input.getFileName() + " in -Xmx256m: exit " + p.exitValue() + " after "
                + took.toMillis() + " ms (JVM start included)");
        return new Run(p.exitValue(), out, took);
    }

    private static void assertRefused(Run run, String code, String detail) {
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("Exception in thread", "OutOfMemoryError", "StackOverflowError")
                .contains("\"reasons\":", code, detail);
        // The JVM start takes a second or two on a busy machine; the refusal itself is far quicker.
        assertThat(run.took()).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aFlateBombIsRefusedWithAReport() throws Exception {
        TestCredential signer = platform.pki().rsa2048Signer();
        byte[] blank;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.addRect(72, 72, 100, 100);
                cs.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            blank = out.toByteArray();
        }
        byte[] signed = PadesSigner.builder().build().sign(Document.of(blank, "a.pdf", Document.PDF),
                SigningKey.of(signer.privateKey(), signer.chain())).bytes();
        ByteArrayOutputStream bombed = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            COSStream s = doc.getDocument().createCOSStream();
            try (OutputStream raw = s.createRawOutputStream()) {
                raw.write(HostileInputs.flateBomb(3 * 1024));
            }
            s.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            doc.getPage(0).getCOSObject().setItem(COSName.CONTENTS, s);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(bombed);
        }
        Path bomb = Files.write(dir.resolve("bomb.pdf"), bombed.toByteArray());
        assertRefused(verifyInSmallJvm(bomb), "LIMIT_EXCEEDED", "maxDecodedStreamBytes");
    }

    @Test
    void xmlTwentyThousandLevelsDeepIsRefusedWithAReport() throws Exception {
        Path deep = Files.write(dir.resolve("deep.xml"), HostileInputs.deepXml(20_000));
        assertRefused(verifyInSmallJvm(deep), "LIMIT_EXCEEDED", "maxXmlDepth");
    }

    @Test
    void hugeInputsAreRefusedWithAReport() throws Exception {
        Path xml = HostileInputs.sparse(dir.resolve("huge.xml"), "<a>".getBytes(), 1_900_000_000L);
        assertRefused(verifyInSmallJvm(xml), "LIMIT_EXCEEDED", "maxXmlBytes");
        Path pdf = HostileInputs.sparse(dir.resolve("garbage.pdf"), "%PDF-1.7\n".getBytes(), 1_900_000_000L);
        assertRefused(verifyInSmallJvm(pdf), "MALFORMED", "startxref");
    }
}
