package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.internal.pades.DssWriter;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The document security store written after a signature, with validation data gathered in the test from
 * the test PKI (OCSP answered by the mock platform): its structure read back with PDFBox, the earlier
 * bytes untouched, an existing DSS extended, and the real tools' view of the result.
 */
class DssWriterTest {

    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();
    private final TestCredential ec = TestPlatform.shared().pki().ecP256Signer();

    private static byte[] contents(byte[] pdf, int signatureIndex) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getSignatureDictionaries().get(signatureIndex);
            return sig.getContents();
        }
    }

    private static List<byte[]> streams(COSDictionary dict, COSName key) throws Exception {
        List<byte[]> out = new ArrayList<>();
        COSArray a = dict.getCOSArray(key);
        for (int i = 0; a != null && i < a.size(); i++) {
            COSBase b = a.getObject(i);
            assertThat(b).isInstanceOf(COSStream.class);
            try (InputStream in = ((COSStream) b).createInputStream()) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    private static java.security.cert.X509Certificate cert(byte[] der) {
        try {
            return vn.govsdk.signing.internal.Certs.parse(der);
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError("a /Certs stream is not a certificate", e);
        }
    }

    @Test
    void appendsTheDssAsAnIncrementalUpdateWithAVriEntryForTheSignature() throws Exception {
        byte[] signed = PadesSigner.builder().build()
                .sign(Document.of(TestPdfs.decision(2), "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        ValidationData data = TestValidationData.of(rsa.chain());
        byte[] contents = contents(signed, 0);
        byte[] lt = DssWriter.append(signed, contents, data, "a.pdf");

        assertThat(Arrays.copyOf(lt, signed.length)).isEqualTo(signed);
        assertThat(lt.length).isGreaterThan(signed.length);
        String key = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(contents));
        assertThat(DssWriter.vriKey(contents)).isEqualTo(key).matches("[0-9A-F]{40}");
        try (PDDocument doc = Loader.loadPDF(lt)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss).isNotNull();
            List<byte[]> certs = streams(dss, COSName.getPDFName("Certs"));
            assertThat(certs).hasSize(data.certificates().size());
            assertThat(certs.stream().map(DssWriterTest::cert).toList()).containsExactlyElementsOf(data.certificates());
            List<byte[]> ocsps = streams(dss, COSName.getPDFName("OCSPs"));
            assertThat(ocsps).hasSize(2); // the signer's and the intermediate's status
            for (byte[] o : ocsps) {
                assertThat(new OCSPResp(o).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
            }
            assertThat(streams(dss, COSName.getPDFName("CRLs"))).hasSize(1);
            COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
            assertThat(vri.keySet()).extracting(COSName::getName).containsExactly(key);
            COSDictionary entry = vri.getCOSDictionary(COSName.getPDFName(key));
            assertThat(streams(entry, COSName.getPDFName("Cert"))).hasSize(certs.size());
            assertThat(streams(entry, COSName.getPDFName("OCSP"))).hasSize(2);
            assertThat(streams(entry, COSName.getPDFName("CRL"))).hasSize(1);
            // The VRI entry refers to the very streams of the DSS arrays, not to copies.
            assertThat(entry.getCOSArray(COSName.getPDFName("OCSP")).getObject(0))
                    .isSameAs(dss.getCOSArray(COSName.getPDFName("OCSPs")).getObject(0));
        }
        VerificationReport report = Verifiers.offline().verify(Document.of(lt, "a.pdf", "application/pdf"));
        SignatureReport s = report.signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.reasons()).extracting(r -> r.code()).doesNotContain(ReasonCode.CONTENT_ALTERED);
        // Adding validation data is not a modification: no warning either.
        assertThat(s.warnings()).extracting(r -> r.code()).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void anUpdateThatChangesMoreThanTheDssIsStillReportedAsAModification() throws Exception {
        byte[] signed = PadesSigner.builder().build()
                .sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        byte[] lt = DssWriter.append(signed, contents(signed, 0), TestValidationData.of(rsa.chain()), "a.pdf");
        // Same update shape (catalog redefined, DSS present) but another catalog entry changed too.
        java.io.ByteArrayOutputStream catalogChanged = new java.io.ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(lt)) {
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("PageMode"), COSName.getPDFName("FullScreen"));
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(catalogChanged);
        }
        // A page dictionary redefined after the DSS (an annotation added), its content stream unchanged.
        java.io.ByteArrayOutputStream annotated = new java.io.ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(lt)) {
            var page = doc.getPage(0);
            var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 20, 20));
            note.setContents("Ghi chú");
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(annotated);
        }
        for (byte[] changed : List.of(catalogChanged.toByteArray(), annotated.toByteArray())) {
            SignatureReport s = Verifiers.offline().verify(Document.of(changed, "a.pdf", "application/pdf")).signatures().get(0);
            assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
            assertThat(s.warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
        }
    }

    @Test
    void anAnnotationArraySharedWithTheDssCannotBeChangedUnderItsCover() throws Exception {
        // Hostile: before signing, the DSS's /Certs array is made the very array of page 2's /Annots.
        byte[] crafted;
        try (PDDocument doc = Loader.loadPDF(TestPdfs.decision(2))) {
            COSArray shared = new COSArray();
            COSDictionary dss = new COSDictionary();
            org.apache.pdfbox.cos.COSObject ref = new org.apache.pdfbox.cos.COSObject(shared,
                    (org.apache.pdfbox.cos.ICOSParser) null);
            doc.getPage(1).getCOSObject().setItem(COSName.ANNOTS, ref);
            dss.setItem(COSName.getPDFName("Certs"), ref);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            crafted = out.toByteArray();
        }
        byte[] signed = PadesSigner.builder().build()
                .sign(Document.of(crafted, "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        java.io.ByteArrayOutputStream updated = new java.io.ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            COSBase annotsRef = doc.getPage(1).getCOSObject().getItem(COSName.ANNOTS);
            COSBase certsRef = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))
                    .getItem(COSName.getPDFName("Certs"));
            assertThat(annotsRef).isInstanceOf(org.apache.pdfbox.cos.COSObject.class);
            assertThat(((org.apache.pdfbox.cos.COSObject) annotsRef).getKey())
                    .isEqualTo(((org.apache.pdfbox.cos.COSObject) certsRef).getKey());
            var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 20, 20));
            note.setContents("Đã sửa");
            COSArray annots = (COSArray) ((org.apache.pdfbox.cos.COSObject) annotsRef).getObject();
            annots.add(note.getCOSObject());
            annots.setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(updated);
        }
        SignatureReport s = Verifiers.offline().verify(Document.of(updated.toByteArray(), "a.pdf", "application/pdf"))
                .signatures().get(0);
        assertThat(s.warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aSecondSignatureExtendsTheDssWithoutDuplicatesAndKeepsTheFirstEntry() throws Exception {
        byte[] first = PadesSigner.builder().build()
                .sign(Document.of(TestPdfs.decision(1), "a.pdf", "application/pdf"), TestPlatform.key(rsa)).bytes();
        byte[] firstContents = contents(first, 0);
        byte[] lt1 = DssWriter.append(first, firstContents, TestValidationData.of(rsa.chain()), "a.pdf");
        byte[] second = PadesSigner.builder().build()
                .sign(Document.of(lt1, "a.pdf", "application/pdf"), TestPlatform.key(ec)).bytes();
        byte[] secondContents = contents(second, 1);
        byte[] lt2 = DssWriter.append(second, secondContents, TestValidationData.of(ec.chain()), "a.pdf");

        try (PDDocument doc = Loader.loadPDF(lt2)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
            assertThat(vri.keySet()).extracting(COSName::getName)
                    .containsExactlyInAnyOrder(DssWriter.vriKey(firstContents), DssWriter.vriKey(secondContents));
            // Signer RSA, signer EC, intermediate, root: the shared CA certificates are stored once.
            List<byte[]> certs = streams(dss, COSName.getPDFName("Certs"));
            assertThat(certs).hasSize(4);
            assertThat(certs.stream().map(DssWriterTest::cert).toList()).contains(rsa.certificate(), ec.certificate(),
                    TestPlatform.shared().pki().intermediateCertificate(), TestPlatform.shared().pki().rootCertificate());
            // Each signature's entry names its own signer certificate.
            List<byte[]> firstCerts = streams(vri.getCOSDictionary(COSName.getPDFName(DssWriter.vriKey(firstContents))),
                    COSName.getPDFName("Cert"));
            assertThat(firstCerts.stream().map(DssWriterTest::cert).toList()).contains(rsa.certificate()).doesNotContain(ec.certificate());
            List<byte[]> secondCerts = streams(vri.getCOSDictionary(COSName.getPDFName(DssWriter.vriKey(secondContents))),
                    COSName.getPDFName("Cert"));
            assertThat(secondCerts.stream().map(DssWriterTest::cert).toList()).contains(ec.certificate()).doesNotContain(rsa.certificate());
        }
        VerificationReport report = Verifiers.offline().verify(Document.of(lt2, "a.pdf", "application/pdf"));
        assertThat(report.signatures()).hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID));
        // The first signature was followed by another signature: an allowed modification, reported as such;
        // the second only by its validation data.
        assertThat(report.signatures().get(0).warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
        assertThat(report.signatures().get(1).warnings()).extracting(r -> r.code()).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);

        Path dir = Tools.workDir("pades-dss");
        Files.write(dir.resolve("lt2.pdf"), lt2);
        assertThat(Tools.ok(dir, "qpdf", "--check", "lt2.pdf")).contains("No syntax or stream encoding errors found");
        String out = Tools.ok(dir, "pdfsig", "-nocert", "lt2.pdf");
        assertThat(out.split("Signature Validation: Signature is Valid\\.", -1)).hasSize(3);
    }
}
