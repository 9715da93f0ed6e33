package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.CRLReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.timestamp.TimestampClient;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.TestCredential;

/** A certificate revoked after the time a signature timestamp proves: the timestamp is what saves the signature. */
class RevokedAfterTimestampTest {

    private static final byte[] DATA = "Hợp đồng".getBytes(StandardCharsets.UTF_8);
    private static final TestClock CLOCK = TestClock.startingNow();
    private static MockGovPlatform platform;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().clock(CLOCK).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void timestampedSignatureStaysValidWhenTheCertificateIsRevokedLater() {
        TestCredential signer = platform.pki().credential(CertificateRole.SIGNER_EC_P256);
        SigningKey key = SigningKey.of(signer.privateKey(), signer.chain());
        TimestampClient tsa = TimestampClient.builder().authority(platform.baseUrl("/pki/tsa")).clock(CLOCK).build();
        byte[] bt = CadesSigner.builder().level(SignatureLevel.B_T).timestampClient(tsa).clock(CLOCK).build()
                .sign(Document.of(DATA, "hopdong.txt", "text/plain"), key).bytes();
        byte[] bb = CadesSigner.builder().clock(CLOCK).build().sign(Document.of(DATA, "hopdong.txt", "text/plain"), key)
                .bytes();

        CLOCK.advance(Duration.ofHours(1));
        platform.pki().revoke(CertificateRole.SIGNER_EC_P256, CRLReason.KEY_COMPROMISE);
        CLOCK.advance(Duration.ofMinutes(1));
        SignatureVerifier verifier = Verifiers.builder().trust(TrustAnchors.of(platform.pki().rootCertificate()))
                .retryPolicy(RetryPolicy.none()).clock(CLOCK).build();

        VerificationReport timestamped = verifier.verify(Document.of(bt, "hopdong.txt.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "hopdong.txt", "text/plain"));
        assertThat(timestamped.status()).as(timestamped.toString()).isEqualTo(SignatureStatus.VALID);
        SignatureReport r = timestamped.signatures().get(0);
        assertThat(r.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(r.warnings()).anyMatch(w -> w.code() == ReasonCode.REVOKED_AFTER_SIGNING_TIME
                && w.message().contains("signature timestamp proves"));

        VerificationReport plain = verifier.verify(Document.of(bb, "hopdong.txt.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "hopdong.txt", "text/plain"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(plain.signatures().get(0).reasons()).anyMatch(x -> x.code() == ReasonCode.REVOKED_AFTER_SIGNING_TIME);
    }
}
