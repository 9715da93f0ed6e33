package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * Tour step: sign a small dossier (hồ sơ) as XAdES with a test-PKI key, verify it with OCSP against
 * the platform's responder, then show that one changed letter makes it INVALID.
 */
final class SigningStep implements TourStep {

    /** Santuario reports failed digests through java.util.logging; the step prints the verdict instead. */
    private static final java.util.logging.Logger SANTUARIO = java.util.logging.Logger.getLogger("org.apache.xml.security");

    static {
        SANTUARIO.setLevel(java.util.logging.Level.OFF);
    }

    private static final String HOSO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<HoSo><MaHoSo>000.00.00.H29-250101-0001</MaHoSo><NguoiNop>Nguyễn Văn An</NguoiNop>"
            + "<ThuTuc>Cấp giấy phép xây dựng</ThuTuc></HoSo>\n";

    @Override
    public String name() {
        return "signing";
    }

    @Override
    public String title() {
        return "Signing: XAdES B-B on a dossier (hồ sơ), verified with OCSP; one changed letter is caught";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        var pki = context.platform().pki();
        TestCredential signer = pki.rsa2048Signer();
        SignedDocument signed = XadesSigner.builder().build().sign(Document.ofText(HOSO, "hoso.xml", Document.XML),
                SigningKey.of(signer.privateKey(), signer.chain()));
        out.println("  signed hoso.xml: " + signed.format().displayName() + " " + signed.level().displayName() + ", "
                + signed.algorithm().jwsName() + ", " + signed.bytes().length + " bytes, by "
                + signer.certificate().getSubjectX500Principal().getName());

        SignatureVerifier verifier = SignatureVerifier.builder().fetchPolicy(TourContext.MOCK_FETCH)
                .trust(TrustAnchors.of(pki.rootCertificate()))
                .build();
        VerificationReport report = verifier.verify(Document.of(signed.bytes(), "hoso-signed.xml", Document.XML));
        SignatureReport r = report.signatures().get(0);
        out.println("  verified: " + r.status() + " (revocation " + r.revocation() + " from the platform's OCSP responder, "
                + "chain to " + r.trustAnchor().map(a -> a.commonName()).orElse("nothing") + ")");
        if (!report.isValid()) {
            throw new IllegalStateException("the freshly signed dossier did not verify: " + report);
        }

        String tampered = new String(signed.bytes(), StandardCharsets.UTF_8).replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        VerificationReport bad = verifier.verify(Document.ofText(tampered, "hoso-tampered.xml", Document.XML));
        out.println("  after changing 'An' to 'Ân': " + bad.status() + " - "
                + bad.signatures().get(0).reasons().get(0).message());
        if (bad.isValid()) {
            throw new IllegalStateException("a tampered dossier verified");
        }
    }
}
