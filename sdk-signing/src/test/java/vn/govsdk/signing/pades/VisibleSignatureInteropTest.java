package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * Visible PAdES signatures checked with poppler ({@code pdftotext}, {@code pdffonts}, {@code pdfsig},
 * {@code pdftoppm}) and {@code qpdf --check}: the Vietnamese text is extracted exactly (so the embedded
 * font's encoding and ToUnicode map are right), the font is embedded, the signature stays valid and
 * the rectangle is painted. A missing tool fails the test.
 */
class VisibleSignatureInteropTest {

    private static final String HANG = "Ký bởi: Nguyễn Thị Hằng, Sở Tư pháp TP. Hồ Chí Minh";
    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private final TestCredential ec = TestPlatform.shared().pki().ecP256Signer();

    @Test
    void vietnameseTextIsExtractedExactlyTheFontIsEmbeddedAndTheSignatureIsValid() throws Exception {
        Path dir = Tools.workDir("pades-visible");
        byte[] pdf = TestPdfs.decision(2);
        VisibleSignature visible = VisibleSignature.builder().page(2).rectangle(300, 60, 270, 80)
                .text(HANG, "Chức vụ: Phó Giám đốc", "Đã ký số: 05/03/2026").build();
        byte[] signed = PadesSigner.builder().reason("Phê duyệt").visibleSignature(visible).build()
                .sign(Document.of(pdf, "quyetdinh.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("unsigned.pdf"), pdf);
        Files.write(dir.resolve("signed.pdf"), signed);

        String page2 = Tools.ok(dir, "pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", "signed.pdf", "-");
        assertThat(page2).contains(HANG).contains("Chức vụ: Phó Giám đốc").contains("Đã ký số: 05/03/2026");
        String page1 = Tools.ok(dir, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "signed.pdf", "-");
        assertThat(page1).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").doesNotContain("Nguyễn Thị Hằng");

        String fonts = Tools.ok(dir, "pdffonts", "signed.pdf");
        String noto = fonts.lines().filter(l -> l.contains("NotoSans")).findFirst().orElse("");
        assertThat(noto).as(fonts).contains("CID TrueType").contains("Identity-H");
        // name type encoding emb sub uni object ID: the font is embedded, subset, and has a ToUnicode map.
        assertThat(noto.substring(noto.indexOf("Identity-H") + "Identity-H".length()).trim()).startsWith("yes yes yes");

        assertPdfsigValidWholeDocument(dir, "signed.pdf", 1);
        assertThat(Tools.ok(dir, "qpdf", "--check", "signed.pdf")).contains("No syntax or stream encoding errors found");

        BufferedImage before = render(dir, "unsigned.pdf", 2);
        BufferedImage after = render(dir, "signed.pdf", 2);
        assertThat(inkIn(before, 300, 60, 270, 80)).isZero();
        assertThat(inkIn(after, 300, 60, 270, 80)).isGreaterThan(0.02);
        // The rest of the page is as it was: the widget draws inside its rectangle only.
        assertThat(inkIn(after, 20, 60, 260, 80)).isZero();
        // Page 1 carries no widget: it renders as before.
        assertThat(inkIn(render(dir, "signed.pdf", 1), 300, 60, 270, 80)).isZero();

        VerificationReport report = Verifiers.offline().verify(Document.of(signed, "signed.pdf", Document.PDF));
        assertThat(report.signatures()).singleElement().extracting(r -> r.status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void theDefaultTextShowsSignerTimeInVietnamReasonAndPlaceAndEveryVietnameseLetterRenders() throws Exception {
        Path dir = Tools.workDir("pades-visible-default");
        String cn = commonName(rsa);
        // A day after the certificate became valid, at 01:02:03 UTC: 08:02:03 in Vietnam (UTC+7), same day.
        java.time.LocalDate day = rsa.certificate().getNotBefore().toInstant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Instant t = day.atTime(1, 2, 3).toInstant(ZoneOffset.UTC);
        String date = String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        PadesSigner signer = PadesSigner.builder().clock(Clock.fixed(t, ZoneOffset.UTC))
                .reason("Phê duyệt hồ sơ").location("TP. Hồ Chí Minh")
                .visibleSignature(VisibleSignature.builder().lastPage().build()).build();
        byte[] signed = signer.sign(Document.of(TestPdfs.decision(3), "a.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("default.pdf"), signed);
        String text = Tools.ok(dir, "pdftotext", "-f", "3", "-l", "3", "-enc", "UTF-8", "default.pdf", "-");
        assertThat(text).contains("Ký bởi: " + cn).contains("Ký ngày: " + date + " 08:02:03")
                .contains("Lý do: Phê duyệt hồ sơ").contains("Nơi ký: TP. Hồ Chí Minh");
        assertThat(Tools.ok(dir, "pdftotext", "-f", "1", "-l", "2", "-enc", "UTF-8", "default.pdf", "-")).doesNotContain("Ký bởi");
        // Default place: 220 x 70 points, 36 points from the bottom-right corner of the 612 x 792 page.
        assertThat(inkIn(render(dir, "default.pdf", 3), 612 - 36 - 220, 36, 220, 70)).isGreaterThan(0.02);
        assertPdfsigValidWholeDocument(dir, "default.pdf", 1);

        // Every precomposed Vietnamese letter, lower and upper case, four lines of text.
        List<String> letters = vietnameseLetters();
        assertThat(letters).hasSize(134);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < letters.size(); i += 34) {
            lines.add(String.join("", letters.subList(i, Math.min(letters.size(), i + 34))));
        }
        byte[] all = PadesSigner.builder().visibleSignature(VisibleSignature.builder().rectangle(40, 40, 530, 120)
                .text(lines).build()).build()
                .sign(Document.of(TestPdfs.decision(1), "b.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("letters.pdf"), all);
        String extracted = Tools.ok(dir, "pdftotext", "-enc", "UTF-8", "letters.pdf", "-");
        for (String line : lines) {
            assertThat(extracted).contains(line);
        }
        assertThat(Tools.ok(dir, "qpdf", "--check", "letters.pdf")).contains("No syntax or stream encoding errors found");
    }

    @Test
    void twoVisibleSignaturesEachGetTheirOwnFieldAndWidgetOnTheirOwnPage() throws Exception {
        Path dir = Tools.workDir("pades-visible-two");
        byte[] once = PadesSigner.builder().visibleSignature(VisibleSignature.builder().page(1)
                        .rectangle(40, 40, 200, 60).text("Người lập: Trần Văn Bình").build()).build()
                .sign(Document.of(TestPdfs.decision(2), "a.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        byte[] twice = PadesSigner.builder().visibleSignature(VisibleSignature.builder().page(2)
                        .rectangle(350, 40, 220, 60).text("Người duyệt: Lê Thị Cúc").build()).build()
                .sign(Document.of(once, "a.pdf", Document.PDF), TestPlatform.key(ec)).bytes();
        Files.write(dir.resolve("twice.pdf"), twice);
        String out = assertPdfsigValidWholeDocument(dir, "twice.pdf", 2);
        assertThat(out.split("Signature #2:")[0]).contains("Not total document signed");
        assertThat(Tools.ok(dir, "qpdf", "--check", "twice.pdf")).contains("No syntax or stream encoding errors found");
        assertThat(Tools.ok(dir, "pdftotext", "-f", "1", "-l", "1", "-enc", "UTF-8", "twice.pdf", "-"))
                .contains("Người lập: Trần Văn Bình").doesNotContain("Lê Thị Cúc");
        assertThat(Tools.ok(dir, "pdftotext", "-f", "2", "-l", "2", "-enc", "UTF-8", "twice.pdf", "-"))
                .contains("Người duyệt: Lê Thị Cúc").doesNotContain("Trần Văn Bình");
        try (PDDocument doc = Loader.loadPDF(twice)) {
            List<PDSignatureField> fields = doc.getSignatureFields();
            assertThat(fields).extracting(PDSignatureField::getFullyQualifiedName).containsExactly("Signature1", "Signature2");
            for (int i = 0; i < 2; i++) {
                PDAnnotationWidget widget = fields.get(i).getWidgets().get(0);
                assertThat(widget.getPage().getCOSObject()).isSameAs(doc.getPage(i).getCOSObject());
                assertThat(widget.isPrinted()).isTrue();
                assertThat(widget.getRectangle().getWidth()).isGreaterThan(100);
                int page = i;
                long onOtherPage = doc.getPage(1 - i).getAnnotations().stream()
                        .map(PDAnnotation::getCOSObject).filter(o -> o == widget.getCOSObject()).count();
                long onItsPage = doc.getPage(page).getAnnotations().stream()
                        .map(PDAnnotation::getCOSObject).filter(o -> o == widget.getCOSObject()).count();
                assertThat(onItsPage).isEqualTo(1);
                assertThat(onOtherPage).isZero();
            }
        }
        VerificationReport report = Verifiers.offline().verify(Document.of(twice, "twice.pdf", Document.PDF));
        assertThat(report.signatures()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(SignatureStatus.VALID));
    }

    @Test
    void anImageIsDrawnBesideTheTextAndAnotherTrueTypeFontCanBeGiven() throws Exception {
        Path dir = Tools.workDir("pades-visible-image");
        BufferedImage seal = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seal.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 120);
        g.setColor(new Color(220, 0, 0));
        g.fillOval(5, 5, 110, 110);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(seal, "png", png);
        Path liberation = dir.resolve("LiberationSans-Regular.ttf");
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            Files.copy(in, liberation);
        }
        VisibleSignature visible = VisibleSignature.builder().rectangle(100, 100, 300, 100).image(png.toByteArray())
                .font(liberation).text("Đóng dấu: Ủy ban nhân dân tỉnh Bắc Ninh").build();
        assertThat(visible.fontName()).isEqualTo("LiberationSans");
        byte[] signed = PadesSigner.builder().visibleSignature(visible).build()
                .sign(Document.of(TestPdfs.decision(1), "c.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        Files.write(dir.resolve("seal.pdf"), signed);
        assertThat(Tools.ok(dir, "pdffonts", "seal.pdf")).contains("LiberationSans").doesNotContain("NotoSans");
        assertThat(Tools.ok(dir, "pdftotext", "-enc", "UTF-8", "seal.pdf", "-")).contains("Đóng dấu: Ủy ban nhân dân tỉnh Bắc Ninh");
        assertPdfsigValidWholeDocument(dir, "seal.pdf", 1);
        BufferedImage page = render(dir, "seal.pdf", 1);
        // The image takes the left 35% of the rectangle: red there, none in the text part.
        assertThat(redIn(page, 100, 100, 105, 100)).isGreaterThan(0.2);
        assertThat(redIn(page, 210, 100, 190, 100)).isZero();
        assertThat(inkIn(page, 210, 100, 190, 100)).isGreaterThan(0.01);
    }

    private static String assertPdfsigValidWholeDocument(Path dir, String file, int signatures) {
        String out = Tools.ok(dir, "pdfsig", "-nocert", file);
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).as(out).hasSize(signatures + 1);
        assertThat(out).doesNotContain("Signature is Invalid");
        assertThat(out.substring(out.lastIndexOf("Signature #"))).contains("Total document signed");
        return out;
    }

    /** Renders one page at 72 dpi, so a pixel is a point. */
    static BufferedImage render(Path dir, String pdf, int page) throws Exception {
        String base = pdf.replace(".pdf", "") + "-p" + page;
        Tools.ok(dir, "pdftoppm", "-png", "-r", "72", "-f", String.valueOf(page), "-l", String.valueOf(page), "-singlefile",
                pdf, base);
        BufferedImage image = ImageIO.read(dir.resolve(base + ".png").toFile());
        assertThat(image.getHeight()).isEqualTo(792);
        return image;
    }

    /** The share of pixels in a rectangle (PDF points, origin bottom-left) that are not near white. */
    static double inkIn(BufferedImage image, int x, int y, int w, int h) {
        return share(image, x, y, w, h, rgb -> channel(rgb, 16) < 200 || channel(rgb, 8) < 200 || channel(rgb, 0) < 200);
    }

    private static double redIn(BufferedImage image, int x, int y, int w, int h) {
        return share(image, x, y, w, h, rgb -> channel(rgb, 16) > 180 && channel(rgb, 8) < 80 && channel(rgb, 0) < 80);
    }

    private static double share(BufferedImage image, int x, int y, int w, int h, java.util.function.IntPredicate test) {
        int top = image.getHeight() - y - h;
        int hits = 0;
        for (int py = top + 2; py < top + h - 2; py++) {
            for (int px = x + 2; px < x + w - 2; px++) {
                if (test.test(image.getRGB(px, py))) {
                    hits++;
                }
            }
        }
        return hits / (double) ((w - 4) * (h - 4));
    }

    private static int channel(int rgb, int shift) {
        return (rgb >> shift) & 0xFF;
    }

    /** The 67 precomposed Vietnamese letters (12 vowels with the 5 tones and none, less the bare ASCII ones, and đ) in both cases. */
    static List<String> vietnameseLetters() {
        String[] vowels = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        List<String> out = new ArrayList<>();
        for (String v : vowels) {
            for (String t : tones) {
                String letter = Normalizer.normalize(v + t, Normalizer.Form.NFC);
                assertThat(letter).hasSize(1);
                if (letter.charAt(0) > 0x7F) {
                    out.add(letter);
                    out.add(letter.toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        out.add("đ");
        out.add("Đ");
        return out;
    }

    private static String commonName(TestCredential c) {
        for (String part : c.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253).split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        throw new IllegalStateException("no CN");
    }
}
