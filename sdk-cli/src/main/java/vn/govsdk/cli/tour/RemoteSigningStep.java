package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.remote.RemoteSignature;
import vn.govsdk.signing.remote.RemoteSigningException;
import vn.govsdk.signing.remote.RemoteSigningRequest;
import vn.govsdk.signing.remote.Sp769Signer;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/**
 * Tour step: three dossiers (hồ sơ) signed through the VNPT SmartCA mock in one request: the digests of
 * the XAdES {@code SignedInfo} go out, the citizen confirms on the (simulated) phone, the values come
 * back checked against the certificate and complete the signatures, which verify VALID. Then a second
 * request that the citizen rejects ends REJECTED.
 */
final class RemoteSigningStep implements TourStep {

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public String title() {
        return "Remote signing: three dossiers (hồ sơ) signed through VNPT SmartCA, the citizen confirming on the phone";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        var platform = context.platform();
        Sp769Service mock = (Sp769Service) platform.service(Sp769Service.SMARTCA_PREFIX).orElseThrow(
                () -> new IllegalStateException("the SmartCA mock is not mounted"));
        String user = platform.data().citizen(3).citizenId();
        try (Sp769Signer smartCa = Sp769Signer.smartCa().endpoint(platform.baseUrl(Sp769Service.SMARTCA_PREFIX))
                .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD))
                .pollInterval(Duration.ofMillis(200)).build()) {
            List<X509Certificate> chain = smartCa.getCertificateChain(user);
            out.println("  certificate of user " + PersonalDataMasker.maskIdentifier(user) + " fetched from SmartCA ("
                    + chain.size() + " certificates, cached for the next request)");
            XadesSigner xades = XadesSigner.builder().build();
            RemoteSigningRequest.Builder request = RemoteSigningRequest.builder().userId(user).description("Ky 3 ho so");
            List<PreparedSignature> prepared = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                PreparedSignature p = xades.prepare(Document.ofText("<HoSo><MaHoSo>000.00.00.H29-250101-000" + i
                        + "</MaHoSo></HoSo>", "hoso-" + i + ".xml", Document.XML), chain);
                prepared.add(p);
                request.add("hoso-" + i, p);
            }
            RemoteSignature pending = smartCa.signDigests(request.build());
            out.println("  sent 3 digests (of the XAdES SignedInfo, not the files) in transaction "
                    + pending.transactionIds() + ": " + pending.status());
            List<byte[]> values = pending.await(Duration.ofMinutes(5));
            out.println("  the citizen confirmed: " + pending.status() + ", " + values.size()
                    + " values, each checked against the certificate");
            SignatureVerifier verifier = SignatureVerifier.builder().fetchPolicy(TourContext.MOCK_FETCH)
                    .trust(TrustAnchors.of(platform.pki().rootCertificate())).build();
            for (int i = 0; i < 3; i++) {
                SignedDocument signed = prepared.get(i).complete(values.get(i));
                VerificationReport report = verifier.verify(Document.of(signed.bytes(), signed.fileName(), Document.XML));
                out.println("  " + prepared.get(i).documentName() + ": " + report.status());
                if (!report.isValid()) {
                    throw new IllegalStateException("a remotely signed dossier did not verify: " + report);
                }
            }

            mock.behaviour(user, CitizenBehaviour.rejectOnPoll(1));
            RemoteSignature refused = smartCa.signDigests(RemoteSigningRequest.builder().userId(user)
                    .add("hoso-4", prepared.get(0)).build());
            try {
                refused.await(Duration.ofMinutes(5));
                throw new IllegalStateException("a rejected request returned values");
            } catch (RemoteSigningException e) {
                out.println("  a second request the citizen refused: " + e.status() + " (provider code "
                        + e.providerCode().orElse("-") + "), nothing signed");
            }
        }
    }
}
