package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * PAdES from a file and from a stream (the paths that never hold the PDF in memory), and the
 * verifier reading a signed file at random, earlier revisions included.
 */
class PadesFileSourceTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    @TempDir
    Path dir;

    @Test
    void aFileAStreamAndBytesGiveTheSameValidSignedPdf() throws Exception {
        byte[] pdf = TestPdfs.decision(2);
        Path file = dir.resolve("quyetdinh.pdf");
        Files.write(file, pdf);
        SigningKey key = TestPlatform.key(rsa);
        PadesSigner signer = PadesSigner.builder().clock(java.time.Clock.fixed(java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS), java.time.ZoneOffset.UTC)).build();

        SignedDocument fromFile = signer.sign(Document.of(file), key);
        Path out = dir.resolve("signed.pdf");
        fromFile.writeTo(out);
        assertThat(Files.size(out)).isEqualTo(fromFile.size().getAsLong());
        assertThat(Files.mismatch(file, out)).isEqualTo(pdf.length); // the original bytes, then the update

        SignedDocument fromStream = signer.sign(Document.ofStream("quyetdinh.pdf", Document.PDF,
                () -> new ByteArrayInputStream(pdf)), key);
        SignedDocument fromBytes = signer.sign(Document.of(pdf, "quyetdinh.pdf", Document.PDF), key);
        // The three differ only in the random second half of the file /ID: same length, same original prefix.
        byte[] streamed = fromStream.bytes();
        assertThat(streamed.length).isEqualTo(Files.size(out)).isEqualTo(fromBytes.bytes().length);
        assertThat(java.util.Arrays.equals(streamed, 0, pdf.length, pdf, 0, pdf.length)).isTrue();

        for (Document d : new Document[] {Document.of(out), Document.of(streamed, "s.pdf", Document.PDF),
            Document.of(fromBytes.bytes(), "b.pdf", Document.PDF)}) {
            VerificationReport report = Verifiers.offline().verify(d);
            assertThat(report.signatures()).singleElement().extracting(r -> r.status()).isEqualTo(SignatureStatus.VALID);
        }
    }

    @Test
    void aFileChangedBetweenPrepareAndWriteIsRefused() throws Exception {
        Path file = dir.resolve("a.pdf");
        Files.write(file, TestPdfs.decision(1));
        SigningKey key = TestPlatform.key(rsa);
        PreparedSignature prepared = PadesSigner.builder().build().prepare(Document.of(file), key.certificateChain());
        SignedDocument signed = prepared.complete(key.sign(prepared.dataToSign(), prepared.algorithm()));
        assertThat(signed.bytes()).isNotEmpty();
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            o.write("% appended\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(signed::bytes).isInstanceOf(SigningException.class).hasMessageContaining("changed after the signature was prepared");
        Path out = dir.resolve("out.pdf");
        assertThatThrownBy(() -> signed.writeTo(out)).isInstanceOf(IOException.class);
        assertThat(out).doesNotExist();
    }

    @Test
    void theVerifierReadsASignedFileAtRandomAndComparesEarlierRevisions() throws Exception {
        SigningKey key = TestPlatform.key(rsa);
        Path once = dir.resolve("once.pdf");
        Files.write(once, TestPdfs.decision(2));
        Path signed1 = dir.resolve("signed1.pdf");
        PadesSigner.builder().build().sign(Document.of(once), key).writeTo(signed1);
        Path twice = dir.resolve("twice.pdf");
        PadesSigner.builder().build().sign(Document.of(signed1), key).writeTo(twice);

        VerificationReport two = Verifiers.offline().verify(Document.of(twice));
        assertThat(two.signatures()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(SignatureStatus.VALID));
        assertThat(two.signatures().get(0).warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);

        Path altered = dir.resolve("altered.pdf");
        try (PDDocument doc = Loader.loadPDF(signed1.toFile()); OutputStream o = Files.newOutputStream(altered)) {
            var page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 100);
                cs.showText("So tien: 999.000.000 VND");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(o);
        }
        VerificationReport bad = Verifiers.offline().verify(Document.of(altered));
        assertThat(bad.signatures().get(0).status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(bad.signatures().get(0).reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.CONTENT_ALTERED);
            assertThat(r.message()).contains("page 1");
        });
    }
}
