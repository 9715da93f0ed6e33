package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The attacks of a hostile holder of a signed PDF (incremental saving, shadow hide / replace /
 * hide-and-replace): each appends an update after the signature and leaves the signed bytes as they
 * are; each must make the signature INVALID with a reason naming what changed. Genuine later
 * revisions (a second signature, form filling where permitted) stay VALID.
 */
class PdfModificationTest {

    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private byte[] signed() {
        return PadesSigner.builder().clock(Clock.fixed(T, ZoneOffset.UTC)).build()
                .sign(Document.of(AttackPdfs.decision(), "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
    }

    private static VerificationReport verify(byte[] pdf) {
        return Verifiers.offline().verify(Document.of(pdf, "qd.pdf", Document.PDF));
    }

    private static void assertModified(byte[] pdf, String... named) {
        SignatureReport s = verify(pdf).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(s.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.CONTENT_ALTERED);
            assertThat(r.message()).contains(named);
        });
    }

    @Test
    void theSignedDocumentItselfIsValid() {
        SignatureReport s = verify(signed()).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(AttackPdfs.text(signed())).contains(AttackPdfs.AMOUNT, AttackPdfs.CLAUSE).doesNotContain(AttackPdfs.FORGED);
    }

    @Test
    void aReplacedFormXObjectIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.replaceFormXObject());
        assertThat(AttackPdfs.text(attacked)).contains(AttackPdfs.FORGED).doesNotContain(AttackPdfs.AMOUNT);
        assertModified(attacked, "page 1", "/XObject", "/Fm1", "content");
    }

    @Test
    void swappedResourcesShowingAHiddenXObjectAreAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.swapResources());
        assertThat(AttackPdfs.text(attacked)).contains(AttackPdfs.FORGED).doesNotContain(AttackPdfs.AMOUNT);
        assertModified(attacked, "page 1", "/Resources", "/Fm1");
    }

    @Test
    void aReplacedFontIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.replaceFont());
        assertModified(attacked, "page 1", "/Font");
    }

    @Test
    void aCropBoxHidingTheAmountIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.cropBoxHidingTheAmount());
        assertModified(attacked, "page 1", "/CropBox");
    }

    @Test
    void optionalContentSwitchedOffIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.optionalContentOff());
        assertModified(attacked, "/OCProperties");
    }

    @Test
    void anOpenActionAddedToTheCatalogIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), doc -> {
            var js = new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('999.999.999 VND')");
            doc.getDocumentCatalog().setOpenAction(js);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertModified(attacked, "the catalog", "/OpenAction", "added");
    }

    @Test
    void anAnnotationDrawnOverTheSignedTextIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.annotationOverTheAmount());
        assertModified(attacked, "page 1", "annotation", "/Square", "covers");
    }

    @Test
    void aWidgetAppearanceDrawnOverTheSignedTextIsAModification() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.widgetOverTheAmount());
        assertModified(attacked, "SoTien");
    }

    @Test
    void aSecondSignatureOverAChangeDoesNotMakeTheChangeAllowed() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.replaceFormXObject());
        byte[] countersigned = PadesSigner.builder().build()
                .sign(Document.of(attacked, "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        VerificationReport report = verify(countersigned);
        assertThat(report.signatures()).hasSize(2);
        SignatureReport first = report.signatures().get(0);
        assertThat(first.status()).as(first.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(first.reasons()).extracting(Reason::message).anySatisfy(m -> assertThat(m).contains("/Fm1"));
        // The second signer signed the document as it was then, change included: that signature holds.
        assertThat(report.signatures().get(1).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void theSigningTimeIsReadFromTheSignedRevisionAndRewritingItIsAModification() {
        Calendar earlier = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        earlier.setTimeInMillis(T.minus(30, ChronoUnit.DAYS).toEpochMilli());
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.rewriteSigningTime(earlier));
        SignatureReport s = verify(attacked).signatures().get(0);
        assertThat(s.signingTime()).contains(T);
        assertModified(attacked, "signature dictionary", "/M");
    }

    @Test
    void fillingAFormFieldOfAnApprovedDocumentIsAllowedAndReported() {
        byte[] filled = AttackPdfs.update(signed(), AttackPdfs.fillField("Da xem"));
        SignatureReport s = verify(filled).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(ReasonCode.MODIFIED_AFTER_SIGNING);
            assertThat(w.message()).contains("GhiChu");
        });
    }

    @Test
    void aTabOrderSetOnThePageIsAllowedAndReported() {
        byte[] tabbed = AttackPdfs.update(signed(), doc -> {
            doc.getPage(0).getCOSObject().setName(org.apache.pdfbox.cos.COSName.getPDFName("Tabs"), "S");
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        SignatureReport s = verify(tabbed).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w.message()).contains("page 1 /Tabs"));
    }

    @Test
    void aSecondVisibleSignatureAwayFromTheTextKeepsBothValid() {
        byte[] twice = PadesSigner.builder().visibleSignature(VisibleSignature.builder().rectangle(350, 20, 200, 60).build())
                .build().sign(Document.of(signed(), "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        VerificationReport report = verify(twice);
        assertThat(report.signatures()).hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID));
        assertThat(report.signatures().get(0).warnings()).extracting(Reason::code).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aSecondVisibleSignaturePaintedOverTheSignedTextIsAModification() {
        byte[] twice = PadesSigner.builder().visibleSignature(VisibleSignature.builder().rectangle(70, 698, 300, 24)
                .text("So tien: 999.999.999 VND").build())
                .build().sign(Document.of(signed(), "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        VerificationReport report = verify(twice);
        SignatureReport first = report.signatures().get(0);
        assertThat(first.status()).as(first.toString()).isEqualTo(SignatureStatus.INVALID);
        assertThat(first.reasons()).extracting(Reason::message).anySatisfy(m -> assertThat(m).contains("page 1", "covers"));
        assertThat(report.signatures().get(1).status()).isEqualTo(SignatureStatus.VALID);
    }

    // The optional rendered comparison

    private static VerificationReport verifyRendered(byte[] pdf) {
        return vn.govsdk.signing.verify.SignatureVerifier.builder()
                .trust(vn.govsdk.signing.verify.TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(vn.govsdk.signing.verify.RevocationChecking.OFF)
                .renderedPdfPageComparison(5).build().verify(Document.of(pdf, "qd.pdf", Document.PDF));
    }

    @Test
    void theRenderedComparisonSeesAReplacedXObjectAndIsOffByDefault() {
        byte[] attacked = AttackPdfs.update(signed(), AttackPdfs.replaceFormXObject());
        SignatureReport s = verifyRendered(attacked).signatures().get(0);
        assertThat(s.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(s.reasons()).extracting(Reason::message)
                .anySatisfy(m -> assertThat(m).contains("/Fm1", "page 1 renders differently", "pixels differ"));
        assertThat(verify(attacked).signatures().get(0).reasons()).extracting(Reason::message)
                .noneSatisfy(m -> assertThat(m).contains("renders differently"));
    }

    @Test
    void theRenderedComparisonKeepsGenuineLaterRevisionsValid() {
        byte[] filled = AttackPdfs.update(signed(), AttackPdfs.fillField("Da xem"));
        byte[] twice = PadesSigner.builder().visibleSignature(VisibleSignature.builder().rectangle(350, 20, 200, 60).build())
                .build().sign(Document.of(filled, "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        VerificationReport report = verifyRendered(twice);
        assertThat(report.signatures()).hasSize(2)
                .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID));
    }

    // DocMDP (certification signatures) and FieldMDP

    private byte[] certified(int p) {
        return AttackPdfs.signWithPdfBox(AttackPdfs.decision(), TestPlatform.key(rsa), p, "ChungThuc");
    }

    @Test
    void aCertifiedDocumentIsValidAsSigned() {
        for (int p = 1; p <= 3; p++) {
            SignatureReport s = verify(certified(p)).signatures().get(0);
            assertThat(s.status()).as("P=%d %s", p, s).isEqualTo(SignatureStatus.VALID);
        }
    }

    @Test
    void docMdpOneForbidsFormFillingAndFurtherSignatures() {
        byte[] filled = AttackPdfs.update(certified(1), AttackPdfs.fillField("Da xem"));
        assertModified(filled, "DocMDP", "P=1", "GhiChu");
        byte[] signedAgain = PadesSigner.builder().build()
                .sign(Document.of(certified(1), "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        assertModified(signedAgain, "DocMDP", "P=1", "Signature1");
    }

    @Test
    void docMdpTwoAllowsFormFillingAndSigningButNoAnnotation() {
        byte[] filled = AttackPdfs.update(certified(2), AttackPdfs.fillField("Da xem"));
        assertThat(verify(filled).signatures().get(0).status()).isEqualTo(SignatureStatus.VALID);
        byte[] signedAgain = PadesSigner.builder().build()
                .sign(Document.of(certified(2), "qd.pdf", Document.PDF), TestPlatform.key(rsa)).bytes();
        assertThat(verify(signedAgain).signatures()).allSatisfy(s -> assertThat(s.status()).as(s.toString())
                .isEqualTo(SignatureStatus.VALID));
        byte[] noted = AttackPdfs.update(certified(2), note());
        assertModified(noted, "DocMDP", "P=2", "annotation");
    }

    @Test
    void docMdpThreeAlsoAllowsAnAnnotationAwayFromTheText() {
        byte[] noted = AttackPdfs.update(certified(3), note());
        SignatureReport s = verify(noted).signatures().get(0);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.warnings()).extracting(Reason::code).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
        // Still not one that hides the signed text.
        assertModified(AttackPdfs.update(certified(3), AttackPdfs.annotationOverTheAmount()), "covers");
    }

    @Test
    void aFieldLockedByTheSignatureCannotBeFilledAfterIt() {
        byte[] locked = AttackPdfs.signWithPdfBox(AttackPdfs.decision(), TestPlatform.key(rsa), 0, "Duyet", List.of("GhiChu"));
        assertThat(verify(locked).signatures().get(0).status()).isEqualTo(SignatureStatus.VALID);
        byte[] filled = AttackPdfs.update(locked, AttackPdfs.fillField("Da xem"));
        assertModified(filled, "FieldMDP", "GhiChu");
    }

    private static AttackPdfs.Change note() {
        return doc -> {
            var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(10, 10, 20, 20));
            note.setContents("Ghi chu");
            doc.getPage(0).getAnnotations().add(note);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        };
    }
}
