package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import mockwebserver3.MockWebServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.signing.verify.ChainStatus;
import vn.govsdk.signing.verify.Integrity;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.RevocationStatus;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureStatus;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * A B-LT PDF verifies with the network off, from its DSS alone; a B-B PDF under the same conditions is
 * INDETERMINATE, and so is the B-LT PDF once its DSS update is cut off, so it is the DSS that settles it.
 * "Network off": every HTTP request of the verifier goes to a loopback port nothing listens on, and the
 * platform's PKI journal shows no request.
 */
class PadesOfflineTest {

    private static HttpTransport networkOff;

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();
    private final TestCredential ec = tp.pki().ecP256Signer();
    private final TimestampClient tsa = TimestampClient.builder().authority(tp.platform().baseUrl("/pki/tsa")).build();

    @BeforeAll
    static void networkOff() throws Exception {
        MockWebServer closed = new MockWebServer();
        closed.start();
        int port = closed.getPort();
        closed.close();
        networkOff = HttpTransport.builder().proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)))
                .build();
    }

    @AfterAll
    static void close() {
        networkOff.close();
    }

    private SignatureVerifier verifier(RevocationChecking mode) {
        return Verifiers.builder().trust(TrustAnchors.of(tp.pki().rootCertificate())).transport(networkOff)
                .retryPolicy(RetryPolicy.none()).revocationChecking(mode).build();
    }

    private byte[] sign(byte[] pdf, SignatureLevel level, TestCredential who) {
        PadesSigner.Builder b = PadesSigner.builder().level(level);
        if (level != SignatureLevel.B_B) {
            b.timestampClient(tsa);
        }
        return b.build().sign(Document.of(pdf, "qd.pdf", "application/pdf"), TestPlatform.key(who)).bytes();
    }

    private static VerificationReport verify(SignatureVerifier v, byte[] pdf) {
        return v.verify(Document.of(pdf, "qd.pdf", "application/pdf"));
    }

    @Test
    void bLtIsValidWithTheNetworkOffWhereBbIsIndeterminate() throws Exception {
        byte[] lt = sign(TestPdfs.decision(2), SignatureLevel.B_LT, rsa);
        byte[] bb = sign(TestPdfs.decision(2), SignatureLevel.B_B, rsa);
        int before = tp.pkiRequests();

        for (RevocationChecking mode : new RevocationChecking[] {RevocationChecking.ONLINE, RevocationChecking.OFFLINE}) {
            VerificationReport report = verify(verifier(mode), lt);
            assertThat(report.status()).as(mode + ": " + report).isEqualTo(SignatureStatus.VALID);
            SignatureReport s = report.signatures().get(0);
            assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
            assertThat(s.revocation()).isEqualTo(RevocationStatus.GOOD);
            assertThat(s.chainStatus()).isEqualTo(ChainStatus.TRUSTED);
            assertThat(s.timestamp()).hasValueSatisfying(t -> {
                assertThat(t.integrity()).isEqualTo(Integrity.INTACT);
                assertThat(t.chainStatus()).as(t.toString()).isEqualTo(ChainStatus.TRUSTED);
            });
            assertThat(s.warnings()).extracting(r -> r.code()).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);

            VerificationReport plain = verify(verifier(mode), bb);
            assertThat(plain.status()).as(mode + ": " + plain).isEqualTo(SignatureStatus.INDETERMINATE);
            assertThat(plain.signatures().get(0).reasons()).anyMatch(r -> r.code() == ReasonCode.REVOCATION_UNKNOWN);
        }

        // The same signature without its DSS update (the signed revision alone): B-T, and not settled offline.
        int end;
        try (PDDocument doc = Loader.loadPDF(lt)) {
            int[] br = doc.getLastSignatureDictionary().getByteRange();
            end = br[2] + br[3];
        }
        byte[] withoutDss = java.util.Arrays.copyOf(lt, end);
        VerificationReport cut = verify(verifier(RevocationChecking.ONLINE), withoutDss);
        assertThat(cut.status()).as(cut.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(cut.signatures().get(0).level()).isEqualTo(SignatureLevel.B_T);

        assertThat(tp.pkiRequests()).isEqualTo(before); // nothing reached the PKI: the network really was off
    }

    @Test
    void twoSuccessiveBLtSignaturesBothVerifyOffline() {
        byte[] once = sign(TestPdfs.decision(1), SignatureLevel.B_LT, rsa);
        byte[] twice = sign(once, SignatureLevel.B_LT, ec);
        VerificationReport report = verify(verifier(RevocationChecking.OFFLINE), twice);
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
            assertThat(s.level()).isEqualTo(SignatureLevel.B_LT);
        });
        // The first signature is followed by a second signature: still an allowed change, reported as such.
        assertThat(report.signatures().get(0).warnings()).extracting(r -> r.code()).contains(ReasonCode.MODIFIED_AFTER_SIGNING);
        assertThat(report.signatures().get(1).warnings()).extracting(r -> r.code()).doesNotContain(ReasonCode.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aTamperedOcspResponseInTheDssSettlesNothing() throws Exception {
        // The DSS is outside the signature: anyone can add one. Data that does not verify must not count.
        byte[] bb = sign(TestPdfs.decision(1), SignatureLevel.B_B, rsa);
        byte[] contents;
        try (PDDocument doc = Loader.loadPDF(bb)) {
            contents = doc.getLastSignatureDictionary().getContents();
        }
        byte[] junkOcsp = TestValidationData.ocsp(rsa.certificate(), tp.pki().intermediateCertificate());
        junkOcsp[junkOcsp.length / 3] ^= 0x55; // a byte of the signed response data
        byte[] forged = vn.govsdk.signing.internal.pades.DssWriter.append(bb, contents,
                new vn.govsdk.signing.ValidationData(rsa.chain(), java.util.List.of(junkOcsp), java.util.List.of()), "qd.pdf");
        try (PDDocument doc = Loader.loadPDF(forged)) {
            assertThat(doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))).isNotNull();
        }
        VerificationReport report = verify(verifier(RevocationChecking.OFFLINE), forged);
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(report.signatures().get(0).revocation()).isNotEqualTo(RevocationStatus.GOOD);
    }
}
