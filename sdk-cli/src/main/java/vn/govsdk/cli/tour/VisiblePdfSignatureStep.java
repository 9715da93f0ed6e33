package vn.govsdk.cli.tour;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.pades.PadesSigner;
import vn.govsdk.signing.pades.VisibleSignature;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.data.SyntheticPdf;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * Tour step: sign a generated two-page PDF with a visible PAdES signature (Vietnamese text drawn with
 * the embedded Noto Sans font, on the last page) with a test-PKI key, then verify it with OCSP against
 * the platform's responder.
 */
final class VisiblePdfSignatureStep implements TourStep {

    @Override
    public String name() {
        return "visible-pdf";
    }

    @Override
    public String title() {
        return "Visible PDF signature: PAdES B-B with Vietnamese text and an embedded font, verified with OCSP";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws Exception {
        var pki = context.platform().pki();
        TestCredential signer = pki.rsa2048Signer();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        SyntheticPdf.write(pdf, 2, 2_000);
        VisibleSignature visible = VisibleSignature.builder().lastPage().rectangle(330, 60, 230, 72).build();
        PadesSigner pades = PadesSigner.builder().reason("Phê duyệt hồ sơ").location("Sở Tư pháp TP. Hồ Chí Minh")
                .visibleSignature(visible).build();
        SignedDocument signed = pades.sign(Document.of(pdf.toByteArray(), "to-trinh.pdf", Document.PDF),
                SigningKey.of(signer.privateKey(), signer.chain()));
        byte[] bytes = signed.bytes();
        out.println("  signed to-trinh.pdf (2 pages, " + pdf.size() + " bytes): " + signed.format().displayName() + " "
                + signed.level().displayName() + ", " + signed.algorithm().jwsName() + ", " + bytes.length + " bytes");
        out.println("  " + visible + ": shows 'Ký bởi: <signer>', 'Ký ngày: <dd/MM/yyyy HH:mm:ss, Vietnam time>', "
                + "'Lý do: Phê duyệt hồ sơ', 'Nơi ký: Sở Tư pháp TP. Hồ Chí Minh'");

        SignatureVerifier verifier = SignatureVerifier.builder().fetchPolicy(TourContext.MOCK_FETCH).trust(TrustAnchors.of(pki.rootCertificate())).build();
        VerificationReport report = verifier.verify(Document.of(bytes, "to-trinh-signed.pdf", Document.PDF));
        SignatureReport r = report.signatures().get(0);
        out.println("  verified: " + r.status() + " (field " + r.signatureId().orElse("?") + ", revocation "
                + r.revocation() + " from the platform's OCSP responder)");
        if (!report.isValid()) {
            throw new IllegalStateException("the visibly signed PDF did not verify: " + report);
        }
    }
}
