package vn.govsdk.examples.guides;

import java.nio.charset.StandardCharsets;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.SignerIdentifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The guide {@code docs/guides/verify-received-documents.md}: verify a document another party signed,
 * and read who signed it. The mock platform stands in for the CA (its OCSP responder and CRLs) and for the
 * sender, who signs with a certificate of the test PKI. The code between the markers is the guide's,
 * verbatim (a test checks it).
 */
public final class VerifyReceived {

    private VerifyReceived() {
    }

    /**
     * Runs the guide on the embedded mock platform.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (MockGovPlatform platform = MockGovPlatform.builder().build()) {
            TestCredential sender = platform.pki().rsa2048Signer();
            byte[] received = XadesSigner.builder().build().sign(Document.of(
                    "<hoso><ten>Đơn đăng ký</ten></hoso>".getBytes(StandardCharsets.UTF_8), "hoso.xml", Document.XML),
                    SigningKey.of(sender.privateKey(), sender.chain())).bytes();
            TrustAnchors trust = TrustAnchors.defaults().plus(TrustAnchors.of(platform.pki().rootCertificate()));
            // guide:begin
            SignatureVerifier verifier = SignatureVerifier.builder()
                    .trust(trust)                                   // in production: TrustAnchors.defaults()
                    .fetchPolicy(FetchPolicy.builder().allowPrivateAddresses(true).build()) // the mock's OCSP is on 127.0.0.1
                    .build();                                       // revocation checked online (OCSP, CRL)
            VerificationReport report = verifier.verify(Document.of(received, "hoso.xml", Document.XML));
            for (SignatureReport s : report.signatures()) {
                System.out.println(s.status() + " " + s.format().displayName() + " " + s.level().displayName());
                System.out.println("  integrity " + s.integrity() + ", chain " + s.chainStatus()
                        + ", revocation " + s.revocation());
                for (SignerIdentifier id : s.signer().orElseThrow().identifiers()) {
                    System.out.println("  signer " + id.kind() + " " + id);   // masked: CCCD:079*******01
                    id.citizenId().ifPresent(c -> System.out.println("  born " + c.birthYear()));
                }
                s.reasons().forEach(r -> System.out.println("  why: " + r.code() + " " + r.message()));
            }
            System.out.println(report.isValid() ? "accept" : "refuse");
            // guide:end
        }
    }
}
