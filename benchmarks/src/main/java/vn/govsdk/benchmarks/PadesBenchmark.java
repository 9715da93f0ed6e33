package vn.govsdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.pades.PadesSigner;
import vn.govsdk.signing.pades.VisibleSignature;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * PAdES-B signing of a 10-page PDF (Vietnamese text, embedded subset font, about 40 KB) with an
 * RSA-2048 key, invisible and visible, against the baseline of a raw JCA {@code SHA256withRSA}
 * signature plus one SHA-256 pass over the file (target: the invisible signature within 2x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class PadesBenchmark {

    private byte[] pdf;
    private Document document;
    private PrivateKey privateKey;
    private SigningKey key;
    private PadesSigner invisible;
    private PadesSigner visible;
    private SignatureVerifier verifier;
    private byte[] signedOnce;
    private byte[] signedTwice;

    /** Builds the 10-page PDF, the key and the signers, and checks that one signature of each kind verifies. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        TestPki pki = TestPki.create(URI.create("http://127.0.0.1:9"));
        TestCredential credential = pki.rsa2048Signer();
        privateKey = credential.privateKey();
        key = SigningKey.of(privateKey, credential.chain());
        pdf = tenPages();
        document = Document.of(pdf, "quyetdinh.pdf", Document.PDF);
        invisible = PadesSigner.builder().reason("Phê duyệt").build();
        visible = PadesSigner.builder().reason("Phê duyệt").location("Hà Nội")
                .visibleSignature(VisibleSignature.builder().lastPage().build()).build();
        verifier = SignatureVerifier.builder().trust(TrustAnchors.of(pki.rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).build();
        signedOnce = invisible.sign(document, key).bytes();
        // A second (visible) signature: verifying the first one compares its revision with the final document.
        signedTwice = visible.sign(Document.of(signedOnce, "signed.pdf", Document.PDF), key).bytes();
        if (!verifier.verify(Document.of(signedTwice, "signed.pdf", Document.PDF)).isValid()) {
            throw new IllegalStateException("the twice-signed benchmark PDF does not verify");
        }
        for (PadesSigner s : new PadesSigner[] {invisible, visible}) {
            byte[] signed = s.sign(document, key).bytes();
            if (!verifier.verify(Document.of(signed, "signed.pdf", Document.PDF)).isValid()) {
                throw new IllegalStateException("the benchmark signature does not verify");
            }
        }
    }

    /** Verification of the PDF signed once (no later revision: no object comparison), revocation off. */
    @Benchmark
    public Object padesVerify() {
        return verifier.verify(Document.of(signedOnce, "signed.pdf", Document.PDF));
    }

    /**
     * Verification of the PDF signed twice: the first signature's revision is compared object by object
     * with the final document (pages, resources, annotations, fields), then both CMS are verified.
     */
    @Benchmark
    public Object padesVerifyWithObjectComparison() {
        return verifier.verify(Document.of(signedTwice, "signed.pdf", Document.PDF));
    }

    /** Baseline: one SHA-256 pass over the PDF and a raw SHA256withRSA signature of the digest. */
    @Benchmark
    public byte[] rawJcaSignPlusSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(pdf);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(privateKey);
        s.update(digest);
        return s.sign();
    }

    /** PAdES-B, invisible: parse, incremental update, CMS, signature, check of the value, signed PDF as bytes. */
    @Benchmark
    public byte[] padesSign() {
        return invisible.sign(document, key).bytes();
    }

    /** PAdES-B with a visible signature: as above plus the appearance, its subset Noto Sans font and the widget. */
    @Benchmark
    public byte[] padesSignVisible() {
        return visible.sign(document, key).bytes();
    }

    static byte[] tenPages() throws IOException {
        try (PDDocument doc = new PDDocument();
                InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            for (int i = 1; i <= 10; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(14);
                    cs.newLineAtOffset(60, 740);
                    cs.showText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc");
                    for (int l = 0; l < 45; l++) {
                        cs.newLine();
                        cs.showText("Điều " + l + ". Quyết định này có hiệu lực kể từ ngày ký; trang " + i + " của 10.");
                    }
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
