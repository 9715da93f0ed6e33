package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

class PadesSignerTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private static final Instant T = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static PadesSigner signer(String reason) {
        return PadesSigner.builder().clock(Clock.fixed(T, ZoneOffset.UTC)).reason(reason).location("Hà Nội").build();
    }

    @Test
    void signsABaselineBPdfWhoseByteRangeCoversAllButTheContents() throws Exception {
        byte[] pdf = TestPdfs.decision(3);
        SignedDocument signed = signer("Phê duyệt").sign(Document.of(pdf, "quyetdinh.pdf", "application/pdf"), TestPlatform.key(rsa));
        byte[] out = signed.bytes();
        assertThat(signed.format()).isEqualTo(SignatureFormat.PADES);
        assertThat(signed.level()).isEqualTo(SignatureLevel.B_B);
        // Incremental update: the original bytes are kept unchanged at the start.
        assertThat(java.util.Arrays.copyOf(out, pdf.length)).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(out)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(sig.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(sig.getSignDate().toInstant()).isEqualTo(T);
            assertThat(sig.getReason()).isEqualTo("Phê duyệt");
            int[] br = sig.getByteRange();
            assertThat(br[0]).isZero();
            assertThat(br[2] + br[3]).isEqualTo(out.length);
            // The reserved hex string and its brackets: sized to the chain (whole kilobytes, at least 8 KB), far
            // under the fixed 32 KB earlier versions reserved, and still room for the CMS.
            int reservedBytes = (br[2] - br[1] - 2) / 2;
            assertThat(reservedBytes % 1024).isZero();
            assertThat(reservedBytes).isBetween(8 * 1024, 16 * 1024);
            assertThat(doc.getSignatureFields().get(0).getFullyQualifiedName()).isEqualTo("Signature1");
            byte[] contents = sig.getContents(out);
            assertThat(contents.length).isEqualTo(reservedBytes);
            ByteArrayOutputStream signedBytes = new ByteArrayOutputStream();
            signedBytes.write(out, 0, br[1]);
            signedBytes.write(out, br[2], br[3]);
            // Bouncy Castle's CMS code agrees: signing-certificate-v2 present, no CMS signing-time (PAdES uses /M).
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes.toByteArray()),
                    // the DER value, without the zero padding of the reserved space
                    new org.bouncycastle.asn1.ASN1InputStream(contents).readObject().getEncoded("DER"));
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(rsa.certificate()))).isTrue();
            assertThat(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(si.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
        }
        VerificationReport report = Verifiers.offline().verify(Document.of(out, "quyetdinh-signed.pdf", "application/pdf"));
        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.format()).isEqualTo(SignatureFormat.PADES);
        assertThat(s.level()).isEqualTo(SignatureLevel.B_B);
        assertThat(s.signingTime()).contains(T);
        assertThat(s.signatureId()).contains("Signature1");
        assertThat(s.signer().orElseThrow()).isEqualTo(vn.govsdk.signing.verify.CertificateInfo.of(rsa.certificate()));
    }

    @Test
    void threeStepsWithTheDigestGoingOutAndTheValueComingBack() throws Exception {
        PreparedSignature prepared = signer("Ký số").prepare(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"),
                rsa.chain());
        assertThat(prepared.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(prepared.dataToSign()));
        java.security.Signature jca = java.security.Signature.getInstance("SHA256withRSA");
        jca.initSign(rsa.privateKey());
        jca.update(prepared.dataToSign());
        SignedDocument signed = prepared.complete(jca.sign());
        assertThat(Verifiers.offline().verify(Document.of(signed.bytes(), "a.pdf", "application/pdf")).isValid()).isTrue();
        assertThatThrownBy(() -> prepared.complete(new byte[256])).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twoSignaturesEachInItsOwnFieldBothStayValid() {
        byte[] once = signer("Người lập").sign(Document.of(TestPdfs.decision(2), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        byte[] twice = signer("Người duyệt").sign(Document.of(once, "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        VerificationReport report = Verifiers.offline().verify(Document.of(twice, "a.pdf", "application/pdf"));
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures()).extracting(s -> s.signatureId().orElseThrow()).containsExactly("Signature1", "Signature2");
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID));
        // The first one was followed by an update: reported as a warning, the pages being unchanged.
        assertThat(report.signatures().get(0).warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
        assertThat(report.signatures().get(1).warnings()).extracting(r -> r.code()).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);
        assertThatThrownBy(() -> PadesSigner.builder().fieldName("Signature1").build()
                .prepare(Document.of(twice, "a.pdf", "application/pdf"), rsa.chain()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fieldName");
    }

    @Test
    void aPageChangedByALaterIncrementalUpdateIsContentAltered() throws Exception {
        byte[] signed = signer("Phê duyệt").sign(Document.of(TestPdfs.decision(2), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            var page = doc.getPage(1);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 100);
                cs.showText("So tien: 999.000.000 VND");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        VerificationReport report = Verifiers.offline().verify(Document.of(out.toByteArray(), "a.pdf", "application/pdf"));
        SignatureReport s = report.signatures().get(0);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(s.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.CONTENT_ALTERED);
            assertThat(r.message()).contains("page 2");
        });
    }

    @Test
    void aByteChangedInsideTheSignedRangeIsInvalid() {
        byte[] signed = signer("Phê duyệt").sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/Reason");
        signed[at + 1] = 'r'; // inside the signature dictionary, which the byte range covers
        SignatureReport s = Verifiers.offline().verify(Document.of(signed, "a.pdf", "application/pdf")).signatures().get(0);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.reasons()).extracting(r -> r.code()).contains(ReasonCode.CONTENT_ALTERED);
    }

    @Test
    void everyByteFlippedAtSampledPositionsMakesTheSignatureNotValid() {
        byte[] signed = signer("Phê duyệt").sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        assertThat(Verifiers.offline().verify(Document.of(signed, "a.pdf", "application/pdf")).isValid()).isTrue();
        int checked = 0;
        for (int i = 0; i < signed.length; i += 173) {
            byte[] t = signed.clone();
            t[i] ^= 0x01;
            VerificationReport r = Verifiers.offline().verify(Document.of(t, "a.pdf", "application/pdf"));
            assertThat(r.isValid()).as("byte %d flipped", i).isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void bytesLeftOutsideTheRangeThatAreNotTheContentsAreRefused() {
        byte[] signed = signer("Phê duyệt").sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"),
                TestPlatform.key(rsa)).bytes();
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ByteRange [");
        int close = text.indexOf(']', at);
        String[] n = text.substring(at + 12, close).trim().split("\\s+");
        // Widen the gap by one byte before the '<': an unsigned byte outside /Contents.
        String wider = "0 " + (Integer.parseInt(n[1]) - 1) + " " + n[2] + " " + n[3];
        String padded = wider + " ".repeat(close - (at + 12) - wider.length());
        byte[] tampered = signed.clone();
        System.arraycopy(padded.getBytes(StandardCharsets.ISO_8859_1), 0, tampered, at + 12, padded.length());
        SignatureReport s = Verifiers.offline().verify(Document.of(tampered, "a.pdf", "application/pdf")).signatures().get(0);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.reasons()).extracting(r -> r.code()).contains(ReasonCode.STRUCTURE_INVALID);
    }

}
