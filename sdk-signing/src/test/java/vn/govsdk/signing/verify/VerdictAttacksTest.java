package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CRLReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.pades.TestValidationData;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.junit.MockPlatform;
import vn.govsdk.testkit.junit.WithMockGovPlatform;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Verdicts a hostile signer tries to get: each signature is built by hand (as {@link Forgery} does) with
 * keys the attacker has or makes, and each was VALID before the verifier's rules on proven time,
 * revocation freshness, certificate purpose and chain status were written. One clock for the platform,
 * its PKI and the verifier.
 */
@WithMockGovPlatform(testClock = true)
class VerdictAttacksTest {

    private static final byte[] DATA = "Quyết định phê duyệt".getBytes(StandardCharsets.UTF_8);
    // The extension resets the platform before each test: the clock back to the PKI's reference time,
    // revocations as the PKI started.
    @MockPlatform
    static TestClock CLOCK;
    @MockPlatform
    static MockGovPlatform platform;
    private static TestPki pki;

    @BeforeAll
    static void keys() {
        pki = platform.pki().generateAll();
    }

    private static SignatureVerifier verifier(RevocationChecking mode) {
        return Verifiers.builder().trust(TrustAnchors.of(pki.rootCertificate())).revocationChecking(mode)
                .retryPolicy(RetryPolicy.none()).clock(CLOCK).build();
    }

    private static SignatureReport verify(byte[] cms, RevocationChecking mode) {
        VerificationReport r = verifier(mode).verify(Document.of(cms, "qd.p7s", "application/pkcs7-signature"),
                Document.of(DATA, "qd.txt", "text/plain"));
        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        return r.signatures().get(0);
    }

    private static List<ReasonCode> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).toList();
    }

    // ---------------------------------------------------------------- 1. who may prove a time

    @Test
    void aRevokedKeyWithATimestampTheSignerMadeWithACitizenCertificateIsNotValid() throws Exception {
        Instant before = pki.revocation(CertificateRole.SIGNER_REVOKED).orElseThrow().revokedAt().minus(Duration.ofDays(1));
        byte[] cms = Forgery.cades(pki.revokedSigner(), DATA, before, List.of(), pki.ecP256Signer(), before);

        SignatureReport s = verify(cms, RevocationChecking.ONLINE);

        assertThat(s.status()).as(s.toString()).isNotEqualTo(SignatureStatus.VALID);
        assertThat(s.revocation()).isEqualTo(RevocationStatus.REVOKED);
        TimestampReport ts = s.timestamp().orElseThrow();
        assertThat(ts.integrity()).isEqualTo(Integrity.INTACT);
        assertThat(ts.provesTime()).isFalse();
        assertThat(codes(ts.reasons())).contains(ReasonCode.KEY_USAGE);
        assertThat(ts.reasons()).anyMatch(r -> r.message().contains("timeStamping"));
        assertThat(s.warnings()).anyMatch(w -> w.message().contains("does not prove"));
    }

    @Test
    void anExpiredKeyWithASelfMadeTimestampIsNotValid() throws Exception {
        TestCredential expired = pki.expiredSigner();
        Instant inside = expired.certificate().getNotAfter().toInstant().minus(Duration.ofDays(1));
        byte[] cms = Forgery.cades(expired, DATA, inside, List.of(), pki.rsa2048Signer(), inside);

        SignatureReport s = verify(cms, RevocationChecking.ONLINE);

        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(codes(s.reasons())).contains(ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING);
        assertThat(s.timestamp().orElseThrow().provesTime()).isFalse();
    }

    @Test
    void aTimestampSignedByAKeyEnciphermentOnlyCertificateProvesNothing() throws Exception {
        Instant before = pki.revocation(CertificateRole.SIGNER_REVOKED).orElseThrow().revokedAt().minus(Duration.ofDays(1));
        byte[] cms = Forgery.cades(pki.revokedSigner(), DATA, before, List.of(), pki.wrongKeyUsageSigner(), before);

        SignatureReport s = verify(cms, RevocationChecking.ONLINE);

        assertThat(s.status()).as(s.toString()).isNotEqualTo(SignatureStatus.VALID);
        assertThat(s.timestamp().orElseThrow().provesTime()).isFalse();
        assertThat(codes(s.timestamp().orElseThrow().reasons())).contains(ReasonCode.KEY_USAGE);
    }

    /** Signs with the real TSA's key now; an hour later the signer's key and the TSA are revoked. */
    private static SignatureReport timestampedThenRevoked(CRLReason tsaReason) throws Exception {
        Instant now = CLOCK.instant();
        byte[] cms = Forgery.cades(pki.rsa2048Signer(), DATA, now, List.of(), pki.tsa(), now);
        CLOCK.advance(Duration.ofHours(1));
        pki.revoke(CertificateRole.SIGNER_RSA_2048, CRLReason.KEY_COMPROMISE);
        pki.revoke(CertificateRole.TSA, tsaReason);
        CLOCK.advance(Duration.ofHours(1));
        return verify(cms, RevocationChecking.ONLINE);
    }

    @Test
    void aTimestampOfTheRealAuthorityProvesNothingOnceItsKeyIsCompromised() throws Exception {
        SignatureReport s = timestampedThenRevoked(CRLReason.KEY_COMPROMISE);

        TimestampReport ts = s.timestamp().orElseThrow();
        assertThat(ts.provesTime()).isFalse();
        assertThat(codes(ts.reasons())).contains(ReasonCode.CERTIFICATE_REVOKED);
        assertThat(s.status()).as(s.toString()).isNotEqualTo(SignatureStatus.VALID);
        assertThat(codes(s.reasons())).contains(ReasonCode.REVOKED_AFTER_SIGNING_TIME);
    }

    @Test
    void aTimestampOfAnAuthorityRetiredLaterForAnotherReasonStillProvesItsTime() throws Exception {
        SignatureReport s = timestampedThenRevoked(CRLReason.CESSATION_OF_OPERATION);

        assertThat(s.timestamp().orElseThrow().provesTime()).as(s.toString()).isTrue();
        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(codes(s.warnings())).contains(ReasonCode.REVOKED_AFTER_SIGNING_TIME);
    }

    // ---------------------------------------------------------------- 2. revocation freshness

    @Test
    void anOldGoodAnswerEmbeddedBesideAClaimedTimeBeforeItDoesNotHideARevocation() throws Exception {
        TestCredential signer = pki.rsa2048Signer();
        byte[] good = TestValidationData.ocsp(pki, signer.certificate(), pki.intermediateCertificate());
        byte[] intermediateGood = TestValidationData.ocsp(pki, pki.intermediateCertificate(), pki.rootCertificate());
        Instant producedAt = CLOCK.instant();
        CLOCK.advance(Duration.ofHours(1));
        pki.revoke(CertificateRole.SIGNER_RSA_2048, CRLReason.KEY_COMPROMISE);
        CLOCK.advance(Duration.ofHours(1));
        byte[] cms = Forgery.cades(signer, DATA, producedAt.minusSeconds(1), List.of(good, intermediateGood), null, null);

        SignatureReport online = verify(cms, RevocationChecking.ONLINE);
        assertThat(online.status()).as(online.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(online.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(codes(online.reasons())).contains(ReasonCode.REVOKED_AFTER_SIGNING_TIME);

        SignatureReport offline = verify(cms, RevocationChecking.OFFLINE);
        assertThat(offline.status()).as(offline.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(offline.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(offline.reasons()).anyMatch(r -> r.code() == ReasonCode.REVOCATION_UNKNOWN
                && r.message().contains("no trusted timestamp"));
    }

    // ---------------------------------------------------------------- 3. what a signer certificate is for

    @Test
    void documentsSignedWithTheKeysOfTheTsaTheOcspResponderAndTheCasAreInvalid() throws Exception {
        for (TestCredential wrong : List.of(pki.tsa(), pki.ocspResponder(), pki.intermediateCa(), pki.rootCa())) {
            byte[] cms = Forgery.cades(wrong, DATA, CLOCK.instant(), List.of(), null, null);
            SignatureReport s = verify(cms, RevocationChecking.ONLINE);
            assertThat(s.status()).as(wrong.role() + ": " + s).isEqualTo(SignatureStatus.INVALID);
            assertThat(codes(s.reasons())).as(wrong.role() + ": " + s).contains(ReasonCode.KEY_USAGE);
            assertThat(s.chainStatus()).as(wrong.role().toString()).isNotEqualTo(ChainStatus.TRUSTED);
        }
        for (TestCredential right : List.of(pki.rsa2048Signer(), pki.ecP256Signer(), pki.rsa3072Signer())) {
            SignatureReport s = verify(Forgery.cades(right, DATA, CLOCK.instant(), List.of(), null, null),
                    RevocationChecking.ONLINE);
            assertThat(s.status()).as(right.role() + ": " + s).isEqualTo(SignatureStatus.VALID);
        }
    }

    // ---------------------------------------------------------------- 4. one truth for the chain

    @Test
    void aChainThatFailsValidationIsNeverReportedTrusted() throws Exception {
        TestCredential ca = pki.intermediateCa();
        Instant caExpiry = ca.certificate().getNotAfter().toInstant();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X509Certificate outliving = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                ca.certificate(), BigInteger.valueOf(4242), Date.from(CLOCK.instant().minus(Duration.ofDays(1))),
                Date.from(caExpiry.plus(Duration.ofDays(365))),
                new X500Name("C=VN,O=govsdk test PKI - NOT A REAL CA,CN=Outliving its CA"), kp.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
        CLOCK.set(caExpiry.plus(Duration.ofDays(2)));
        byte[] cms = Forgery.cades(kp.getPrivate(), List.of(outliving, ca.certificate()), DATA,
                caExpiry.plus(Duration.ofDays(1)), List.of(), null, null);

        SignatureReport s = verify(cms, RevocationChecking.OFF);

        assertThat(codes(s.reasons())).as(s.toString()).contains(ReasonCode.UNTRUSTED_CHAIN);
        assertThat(s.chainStatus()).as(s.toString()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(s.status()).isNotEqualTo(SignatureStatus.VALID);
    }
}
