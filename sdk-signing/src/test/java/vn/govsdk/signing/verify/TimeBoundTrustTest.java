package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.junit.MockPlatform;
import vn.govsdk.testkit.junit.WithMockGovPlatform;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The mechanics of a time-bound (historic) root, on a structure of the test PKI: trusted only for a
 * signature whose time a trusted timestamp proves within the validity of the CA that issued the signer.
 */
@WithMockGovPlatform(testClock = true)
class TimeBoundTrustTest {

    private static final byte[] DATA = "Công văn 2009".getBytes(StandardCharsets.UTF_8);
    @MockPlatform
    static TestClock CLOCK;
    @MockPlatform
    static MockGovPlatform platform;


    private static SignatureReport sign(SignatureLevel level) {
        TestCredential signer = platform.pki().rsa2048Signer();
        CadesSigner.Builder b = CadesSigner.builder().level(level).clock(CLOCK);
        if (level == SignatureLevel.B_T) {
            b.timestampClient(TimestampClient.builder().authority(platform.baseUrl("/pki/tsa")).clock(CLOCK).build());
        }
        byte[] cms = b.build().sign(Document.of(DATA, "cv.txt", "text/plain"),
                SigningKey.of(signer.privateKey(), signer.chain())).bytes();
        SignatureVerifier verifier = Verifiers.builder()
                .trust(TrustAnchors.timeBound(List.of(platform.pki().rootCertificate())))
                .revocationChecking(RevocationChecking.ONLINE).clock(CLOCK).build();
        return verifier.verify(Document.of(cms, "cv.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "cv.txt", "text/plain")).signatures().get(0);
    }

    @Test
    void aTimestampProvingATimeInsideTheIssuingCasValidityMakesItValid() {
        SignatureReport s = sign(SignatureLevel.B_T);
        assertThat(s.timestamp().orElseThrow().provesTime()).isTrue();
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.TRUSTED);
    }

    @Test
    void withoutAProvenTimeTheChainIsNotTrustedAndTheReportSaysWhy() {
        SignatureReport s = sign(SignatureLevel.B_B);
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(s.reasons()).anyMatch(r -> r.code() == ReasonCode.UNTRUSTED_CHAIN
                && r.message().contains("govsdk Test Root CA") && r.message().contains("no trusted timestamp proves"));
    }

    @Test
    void aMissingIssuerIsNamedByItsKeyIdentifierWithTheAdviceToVerifyOnlineOrAddIt() {
        TestCredential signer = platform.pki().rsa2048Signer();
        Instant now = CLOCK.instant();
        byte[] cms;
        try {
            cms = Forgery.cades(signer.privateKey(), List.of(signer.certificate()), DATA, now, List.of(), null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SignatureReport s = Verifiers.builder().trust(TrustAnchors.of(platform.pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFFLINE).clock(CLOCK).build()
                .verify(Document.of(cms, "x.p7s", "application/pkcs7-signature"), Document.of(DATA, "x.txt", "text/plain"))
                .signatures().get(0);
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.INCOMPLETE);
        assertThat(s.reasons()).anyMatch(r -> r.message().contains("govsdk Test Signing CA")
                && r.message().contains("authority key identifier") && r.message().contains("Verify online"));
    }
}
