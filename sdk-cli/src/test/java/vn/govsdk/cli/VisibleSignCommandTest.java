package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.data.SyntheticPdf;
import vn.govsdk.testkit.pki.TestPki;

/** {@code govsdk sign --format pades --visible ...} and the tour step that signs a PDF visibly. */
class VisibleSignCommandTest {

    private static MockGovPlatform platform;
    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().build();
        pki = platform.pki();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private void files() throws Exception {
        pki.rsa2048Signer().writePkcs12(dir.resolve("signer.p12"), "changeit".toCharArray());
        Files.writeString(dir.resolve("password.txt"), "changeit\n");
        Files.writeString(dir.resolve("root.pem"), pki.trustAnchorPem());
        SyntheticPdf.write(dir.resolve("to-trinh.pdf"), 3, 1_000);
        BufferedImage seal = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 60, 60);
        g.dispose();
        ImageIO.write(seal, "png", dir.resolve("con-dau.png").toFile());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private CliRunner sign(String... extra) {
        String[] base = {"sign", "--format", "pades", "--in", p("to-trinh.pdf"), "--out", p("signed.pdf"),
            "--pkcs12", p("signer.p12"), "--password-file", p("password.txt")};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    @Test
    void signsVisiblyOnTheLastPageWithReasonPlaceAndImageAndVerifiesValid() throws Exception {
        files();
        CliRunner r = sign("--visible", "--visible-page", "last", "--visible-rect", "300,60,260,80",
                "--reason", "Phê duyệt hồ sơ", "--location", "Hà Nội", "--image", p("con-dau.png"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("PAdES B-B enveloped").contains("visible on page last at 300,60,260,80")
                .contains("image con-dau.png");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("signed.pdf").toFile())) {
            PDSignatureField field = doc.getSignatureFields().get(0);
            assertThat(field.getSignature().getReason()).isEqualTo("Phê duyệt hồ sơ");
            assertThat(field.getSignature().getLocation()).isEqualTo("Hà Nội");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            assertThat(widget.getPage().getCOSObject()).isSameAs(doc.getPage(2).getCOSObject());
            PDRectangle rect = widget.getRectangle();
            assertThat(new float[] {rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()})
                    .containsExactly(300f, 60f, 260f, 80f);
            assertThat(widget.getNormalAppearanceStream().getResources().getXObjectNames()).isNotEmpty();
        }
        CliRunner verify = CliRunner.run("verify", "--in", p("signed.pdf"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("VALID").contains("PAdES B-B");
    }

    @Test
    void customTextAndAnInvisibleSignatureWithAReason() throws Exception {
        files();
        CliRunner r = sign("--visible", "--visible-text", "Người ký: Nguyễn Thị Hằng", "--visible-text", "Sở Tư pháp");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("visible on page 1 (default place)");
        CliRunner invisible = sign("--reason", "Lưu trữ");
        assertThat(invisible.exitCode()).as(invisible.err()).isZero();
        assertThat(invisible.out()).doesNotContain("visible on");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("signed.pdf").toFile())) {
            assertThat(doc.getSignatureFields().get(0).getWidgets().get(0).getRectangle().getWidth()).isZero();
            assertThat(doc.getSignatureFields().get(0).getSignature().getReason()).isEqualTo("Lưu trữ");
        }
    }

    @Test
    void badVisibleSettingsAreRefusedNamingTheFlag() throws Exception {
        files();
        assertRefused(sign("--visible", "--visible-rect", "1,2,3"), "--visible-rect", "x,y,width,height");
        assertRefused(sign("--visible", "--visible-rect", "500,60,200,60"), "--visible-rect", "must lie inside page 1");
        assertRefused(sign("--visible", "--visible-page", "0"), "--visible-page", "must be 1 or more");
        assertRefused(sign("--visible", "--visible-page", "nine"), "--visible-page", "or last");
        assertRefused(sign("--visible", "--visible-page", "9"), "--visible-page", "1 to 3");
        assertRefused(sign("--visible", "--image", p("missing.png")), "--image", "no such file");
        assertRefused(sign("--visible", "--image", p("password.txt")), "--image", "PNG or JPEG");
        assertRefused(sign("--visible", "--font", p("password.txt")), "--font", "TrueType");
        assertRefused(sign("--visible-rect", "300,60,260,80"), "--visible-rect", "goes with --visible");
        assertRefused(sign("--image", p("con-dau.png")), "--image", "goes with --visible");
        assertRefused(sign("--visible", "--visible-text", "王"), "--font", "U+738B");
        Files.writeString(dir.resolve("hoso.xml"), "<HoSo/>");
        CliRunner xades = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("s.xml"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"), "--visible");
        assertRefused(xades, "--visible", "applies to --format pades only");
        CliRunner reason = CliRunner.run("sign", "--format", "cades", "--in", p("hoso.xml"), "--out", p("s.p7s"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"), "--reason", "x");
        assertRefused(reason, "--reason", "applies to --format pades only");
        assertThat(dir.resolve("signed.pdf")).doesNotExist();
    }

    @Test
    void theTourSignsAPdfVisiblyAndVerifiesIt() {
        CliRunner r = CliRunner.run("demo", "--step", "visible-pdf", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains("Visible PDF signature")
                .contains("PAdES B-B")
                .contains("page last, 330.0 60.0 230.0 x 72.0")
                .contains("verified: VALID (field Signature1, revocation GOOD");
    }

    private static void assertRefused(CliRunner r, String flag, String rule) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("invalid: " + flag + " ").contains(rule);
    }
}
