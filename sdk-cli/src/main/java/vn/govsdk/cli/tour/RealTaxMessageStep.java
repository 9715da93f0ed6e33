package vn.govsdk.cli.tour;

import java.io.InputStream;
import java.io.PrintWriter;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.verify.ChainStatus;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.VerificationReport;

/**
 * Tour step: verify a real tax-authority notice (thông báo của cơ quan thuế, message 301) offline, against
 * the bundled trust anchors: the signature is intact and chains to the Ban Cơ yếu root through its
 * intermediate; with no network request revocation is unknown, so the verdict is at best INDETERMINATE.
 */
final class RealTaxMessageStep implements TourStep {

    static final String RESOURCE = "real-signed/06_tdiep301_vgca-cqt_notice.xml";

    @Override
    public String name() {
        return "real-tax-message";
    }

    @Override
    public String title() {
        return "Real signature: a tax-authority notice (TDiep 301) verified offline against the bundled Ban Cơ yếu root";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws Exception {
        byte[] bytes;
        try (InputStream in = RealTaxMessageStep.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample " + RESOURCE + " is missing from the CLI");
            }
            bytes = in.readAllBytes();
        }
        SignatureVerifier verifier = SignatureVerifier.builder().revocationChecking(RevocationChecking.OFFLINE).build();
        VerificationReport report = verifier.verify(Document.of(bytes, "06_tdiep301_vgca-cqt_notice.xml", Document.XML));
        SignatureReport r = report.signatures().get(0);
        out.println("  " + r.format().displayName() + " signature by '" + r.signer().map(s -> s.subject()).orElse("?")
                + "', claimed signing time " + r.signingTime().map(Object::toString).orElse("none"));
        out.println("  integrity " + r.integrity() + ", chain " + r.chainStatus() + " to '"
                + r.trustAnchor().map(a -> a.subject()).orElse("nothing") + "', revocation " + r.revocation()
                + " (offline: no request made), status " + r.status());
        if (!r.isIntact() || r.chainStatus() != ChainStatus.TRUSTED) {
            throw new IllegalStateException("the real tax-authority notice did not verify as intact and trusted: " + report);
        }
    }
}
