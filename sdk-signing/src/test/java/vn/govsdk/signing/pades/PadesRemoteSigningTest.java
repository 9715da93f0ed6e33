package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.remote.RemoteSignature;
import vn.govsdk.signing.remote.RemoteSigningRequest;
import vn.govsdk.signing.remote.Sp769Signer;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/** PAdES through a remote signer, the way the issue asks: prepare, signDigests, complete; VALID. */
class PadesRemoteSigningTest {

    private static final String USER = "079203000404";
    private static MockGovPlatform platform;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().service(Sp769Service::smartCa).build();
        platform.pki().generateAll();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void threePdfsSignedInOneConfirmationVerifyValid() {
        try (Sp769Signer smartCa = Sp769Signer.smartCa().endpoint(platform.baseUrl("/smartca"))
                .spId(Sp769Service.SP_ID).spPassword(Secret.of(Sp769Service.SP_PASSWORD))
                .sleeper(d -> { }).retryPolicy(RetryPolicy.none()).build()) {
            List<X509Certificate> chain = smartCa.getCertificateChain(USER);
            PadesSigner pades = PadesSigner.builder().reason("Phê duyệt").location("Hà Nội").build();
            List<PreparedSignature> prepared = new ArrayList<>();
            RemoteSigningRequest.Builder request = RemoteSigningRequest.builder().userId(USER).description("Ky 3 quyet dinh");
            for (int i = 0; i < 3; i++) {
                PreparedSignature p = pades.prepare(Document.of(TestPdfs.decision(i + 1), "quyetdinh-" + i + ".pdf",
                        Document.PDF), chain);
                prepared.add(p);
                request.add("qd-" + i, p);
            }
            RemoteSignature pending = smartCa.signDigests(request.build());
            List<byte[]> values = pending.await(Duration.ofMinutes(5));
            SignatureVerifier verifier = Verifiers.builder()
                    .trust(TrustAnchors.of(platform.pki().rootCertificate())).retryPolicy(RetryPolicy.none()).build();
            for (int i = 0; i < 3; i++) {
                SignedDocument signed = prepared.get(i).complete(values.get(i));
                VerificationReport report = verifier.verify(Document.of(signed.bytes(), signed.fileName(), Document.PDF));
                assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.VALID);
                assertThat(report.signatures().get(0).signer().orElseThrow().subject()).contains("CCCD:" + USER);
            }
        }
    }
}
