package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationLimits;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.HostileInputs;
import vn.govsdk.testkit.pki.TestCredential;

/** PDFs made to exhaust the verifier are refused with a report naming the limit, in bounded time. */
class PdfLimitsTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private static SignatureVerifier verifier(VerificationLimits limits) {
        return SignatureVerifier.builder().trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).limits(limits).build();
    }

    private byte[] signed() {
        return PadesSigner.builder().build().sign(Document.of(TestPdfs.decision(1), "a.pdf", Document.PDF),
                TestPlatform.key(rsa)).bytes();
    }

    private static void assertRefusedAt(VerificationReport report, String limit) {
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(report.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.LIMIT_EXCEEDED);
            assertThat(r.message()).contains(limit);
        });
    }

    /** Verifies a bombed PDF with the default limits: refused at the limit named, within 5 seconds. */
    private static void assertBombRefused(byte[] bomb, String limit) {
        long t0 = System.nanoTime();
        VerificationReport report = verifier(VerificationLimits.defaults()).verify(Document.of(bomb, "bomb.pdf", Document.PDF));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused in bounded time").isLessThan(Duration.ofSeconds(5));
        assertRefusedAt(report, limit);
    }

    @Test
    void aFlateBombOfThreeGibibytesInALaterUpdateStopsAtTheStreamLimit() {
        byte[] bomb = BombPdfs.withBombedPage(signed(), 3 * 1024);
        assertThat(bomb.length).as("a few MB").isLessThan(8 << 20);
        assertBombRefused(bomb, "maxDecodedStreamBytes = " + (64 << 20));
    }

    @Test
    void aFlateBombAsTheCrossReferenceStreamStopsAtTheStreamLimit() {
        assertBombRefused(BombPdfs.withBombedXrefStream(signed(), 3 * 1024), "maxDecodedStreamBytes");
    }

    @Test
    void aFlateBombAsAnObjectStreamStopsAtTheStreamLimit() {
        assertBombRefused(BombPdfs.withBombedObjectStream(signed(), 3 * 1024, false), "maxDecodedStreamBytes");
        assertBombRefused(BombPdfs.withBombedObjectStream(signed(), 3 * 1024, true), "maxDecodedStreamBytes");
    }

    @Test
    void aCatalogInABombedObjectStreamIsAReportInASmallHeap(@TempDir Path dir) throws Exception {
        // PDFBox would decode the object stream holding the catalog while it loads: our reader of the
        // cross-reference streams finds it first, and in a 256 MB heap the verifier answers with a report.
        Path bomb = java.nio.file.Files.write(dir.resolve("bomb.pdf"), BombPdfs.withBombedObjectStream(signed(), 3 * 1024, true));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BombVerifyMain.class.getName(), bomb.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String out = java.nio.file.Files.readString(log);
        System.out.println("catalog in a bombed object stream, -Xmx256m: " + out.lines().filter(l -> l.startsWith("took"))
                .map(l -> l.substring(0, Math.min(l.length(), 400))).findFirst().orElse(out));
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("\"status\":\"INDETERMINATE\"", "LIMIT_EXCEEDED", "maxDecodedStreamBytes")
                .doesNotContain("Exception in thread");
    }

    @Test
    void aFlateBombInTheDocumentSecurityStoreStopsAtTheStreamLimit() {
        assertBombRefused(BombPdfs.withBombInDss(signed(), 3 * 1024), "maxDecodedStreamBytes");
    }

    @Test
    void theBytesDecodedFromAllStreamsOfAPdfAreLimited() {
        byte[] changed = AttackPdfs.update(PadesSigner.builder().build().sign(Document.of(AttackPdfs.decision(), "qd.pdf",
                Document.PDF), TestPlatform.key(rsa)).bytes(), AttackPdfs.replaceFormXObject());
        assertRefusedAt(verifier(VerificationLimits.defaults().withMaxDecodedPdfBytes(40))
                .verify(Document.of(changed, "qd.pdf", Document.PDF)), "maxDecodedPdfBytes = 40");
        // Within the default limits the same document is judged on its merits.
        assertThat(verifier(VerificationLimits.defaults()).verify(Document.of(changed, "qd.pdf", Document.PDF)).status())
                .isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void aPdfLargerThanTheLimitIsRefusedUnread(@TempDir Path dir) {
        byte[] pdf = signed();
        assertRefusedAt(verifier(VerificationLimits.defaults().withMaxPdfBytes(1000))
                .verify(Document.of(pdf, "a.pdf", Document.PDF)), "maxPdfBytes = 1000");
        Path huge = HostileInputs.sparse(dir.resolve("huge.pdf"), "%PDF-1.7\n".getBytes(), (2L << 30) + 1);
        long t0 = System.nanoTime();
        assertRefusedAt(verifier(VerificationLimits.defaults()).verify(Document.of(huge)), "maxPdfBytes = " + (2L << 30));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aGarbagePdfOfNearlyTwoGibibytesIsRefusedAtOnceAsMalformed(@TempDir Path dir) {
        Path garbage = HostileInputs.sparse(dir.resolve("garbage.pdf"), "%PDF-1.7\n".getBytes(), (19L << 30) / 10);
        long t0 = System.nanoTime();
        VerificationReport report = verifier(VerificationLimits.defaults()).verify(Document.of(garbage));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.reasons()).extracting(Reason::code).containsExactly(ReasonCode.MALFORMED);
        assertThat(report.reasons().get(0).message()).contains("startxref");
    }

    @Test
    void aVerificationPastItsTimeIsRefused() {
        byte[] twice = PadesSigner.builder().build().sign(Document.of(signed(), "a.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        assertRefusedAt(verifier(VerificationLimits.defaults().withMaxVerificationTime(Duration.ofNanos(1)))
                .verify(Document.of(twice, "a.pdf", Document.PDF)), "maxVerificationTime = PT0.000000001S");
    }

    @Test
    void aBombInTheSignedRevisionItselfIsNeverDecoded() {
        // The verifier decodes only what a later revision redefined: a signed bomb is hashed as bytes, not inflated.
        byte[] bombed;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(TestPdfs.decision(1))) {
            var s = doc.getDocument().createCOSStream();
            try (var raw = s.createRawOutputStream()) {
                raw.write(HostileInputs.flateBomb(3 * 1024));
            }
            s.setItem(org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
            doc.getPage(0).getCOSObject().setItem(org.apache.pdfbox.cos.COSName.CONTENTS, s);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            bombed = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] signedBomb = PadesSigner.builder().build().sign(Document.of(bombed, "a.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        long t0 = System.nanoTime();
        VerificationReport report = verifier(VerificationLimits.defaults()).verify(Document.of(signedBomb, "a.pdf", Document.PDF));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
    }
}
