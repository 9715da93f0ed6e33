package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.security.cert.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Tools;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.jws.JwsSigner;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.CertificateRole;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/** Verification against the testkit's PKI: each certificate problem gives its own verdict and reason. */
class TestPkiVerificationTest {

    private static final Document XML = Document.ofText("<HoSo><Ten>Nguyễn Văn An</Ten></HoSo>", "hoso.xml", Document.XML);
    private static final byte[] DATA = "Biên bản nghiệm thu".getBytes(StandardCharsets.UTF_8);

    private final TestPki pki = TestPlatform.shared().pki();

    @AfterEach
    void reset() {
        TestPlatform.shared().service().reset();
    }

    private static SignatureReport only(VerificationReport r) {
        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        return r.signatures().get(0);
    }

    private static void assertReason(SignatureReport r, SignatureStatus status, ReasonCode code, String... words) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.reasons()).as(r.toString()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(code);
            for (String w : words) {
                assertThat(reason.message()).contains(w);
            }
        });
    }

    /** Signs with openssl, which (unlike our signers) does not refuse a certificate that may not sign now. */
    private Path opensslSigned(TestCredential c, Path dir) throws Exception {
        Files.writeString(dir.resolve("key.pem"), c.privateKeyPem());
        Files.writeString(dir.resolve("cert.pem"), c.certificatePem());
        Files.writeString(dir.resolve("inter.pem"), pki.intermediateCa().certificatePem());
        Files.write(dir.resolve("data.txt"), DATA);
        Tools.ok(dir, "openssl", "cms", "-sign", "-binary", "-nodetach", "-cades", "-in", "data.txt", "-signer", "cert.pem",
                "-inkey", "key.pem", "-certfile", "inter.pem", "-md", "sha256", "-outform", "DER", "-out", "signed.p7m");
        return dir.resolve("signed.p7m");
    }

    @Test
    void goodChainsAreValidInEveryFormat() {
        for (TestCredential c : new TestCredential[] {pki.rsa2048Signer(), pki.rsa3072Signer(), pki.ecP256Signer()}) {
            for (SignedDocument s : new SignedDocument[] {
                XadesSigner.builder().build().sign(XML, TestPlatform.key(c)),
                CadesSigner.builder().packaging(SignaturePackaging.ENVELOPING).build().sign(Document.of(DATA), TestPlatform.key(c)),
                JwsSigner.builder().build().sign(Document.ofText("{}", "x.json", Document.JSON), TestPlatform.key(c))}) {
                SignatureReport r = only(Verifiers.online().verify(Document.of(s.bytes())));
                assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.VALID);
                assertThat(r.revocation()).isEqualTo(RevocationStatus.GOOD);
                assertThat(r.reasons()).isEmpty();
                assertThat(r.warnings()).isEmpty();
                assertThat(r.chain()).extracting(CertificateInfo::subject)
                        .anyMatch(s2 -> s2.contains("govsdk Test Signing CA"));
            }
        }
    }

    @Test
    void expiredAtSigningTimeIsInvalid() throws Exception {
        Path file = opensslSigned(pki.expiredSigner(), Tools.workDir("expired"));
        assertReason(only(Verifiers.online().verify(Document.of(file))), SignatureStatus.INVALID,
                ReasonCode.CERTIFICATE_EXPIRED, "Phạm Minh Dũng", "govsdk Test Signing CA", "had expired");
    }

    @Test
    void expiredSinceSigningIsIndeterminate() {
        TestCredential expired = pki.expiredSigner();
        Clock before = Clock.fixed(expired.certificate().getNotAfter().toInstant().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        SignedDocument s = XadesSigner.builder().clock(before).build().sign(XML, TestPlatform.key(expired));
        assertReason(only(Verifiers.offline().verify(Document.of(s.bytes()))), SignatureStatus.INDETERMINATE,
                ReasonCode.CERTIFICATE_EXPIRED_SINCE_SIGNING, "timestamp");
    }

    @Test
    void notYetValidIsInvalid() throws Exception {
        Path file = opensslSigned(pki.notYetValidSigner(), Tools.workDir("notyet"));
        assertReason(only(Verifiers.offline().verify(Document.of(file))), SignatureStatus.INVALID,
                ReasonCode.CERTIFICATE_NOT_YET_VALID, "Hoàng Thị Hoa");
    }

    @Test
    void revokedBeforeSigningIsInvalid() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.revokedSigner()));
        SignatureReport r = only(Verifiers.online().verify(Document.of(s.bytes())));
        assertReason(r, SignatureStatus.INVALID, ReasonCode.CERTIFICATE_REVOKED, "Võ Quốc Huy", "keyCompromise", "OCSP");
        assertThat(r.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(r.isIntact()).isTrue();
    }

    @Test
    void revokedAfterTheClaimedSigningTimeIsIndeterminate() {
        TestCredential revoked = pki.revokedSigner();
        Clock early = Clock.fixed(pki.referenceTime().minus(Duration.ofDays(5)), ZoneOffset.UTC);
        SignedDocument s = CadesSigner.builder().clock(early).build().sign(Document.of(DATA), TestPlatform.key(revoked));
        assertReason(only(Verifiers.online().verify(Document.of(s.bytes()), Document.of(DATA))),
                SignatureStatus.INDETERMINATE, ReasonCode.REVOKED_AFTER_SIGNING_TIME, "timestamp");
    }

    @Test
    void revokedWhileRunningIsSeenThroughTheCrlWhenOcspIsDown() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.rsa3072Signer()));
        pki.revoke(CertificateRole.SIGNER_RSA_3072, CRLReason.SUPERSEDED);
        TestPlatform.shared().service().setOcspResponderAvailable(false);
        // A revocation made after the signing time: the signature cannot be proved to predate it.
        SignatureReport r = only(Verifiers.online().verify(Document.of(s.bytes())));
        assertThat(r.status()).as(r.toString()).isNotEqualTo(SignatureStatus.VALID);
        assertThat(r.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(r.reasons().get(0).message()).contains("CRL").contains("superseded");
    }

    @Test
    void wrongKeyUsageIsInvalid() throws Exception {
        Path file = opensslSigned(pki.wrongKeyUsageSigner(), Tools.workDir("ku"));
        assertReason(only(Verifiers.online().verify(Document.of(file))), SignatureStatus.INVALID,
                ReasonCode.KEY_USAGE, "Đặng Thu Giang", "keyEncipherment");
    }

    @Test
    void unknownRootIsIndeterminateAndNamed() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.rsa2048Signer()));
        // The bundled Vietnamese roots do not include the test root.
        SignatureReport r = only(Verifiers.builder().retryPolicy(RetryPolicy.none()).build().verify(Document.of(s.bytes())));
        assertReason(r, SignatureStatus.INDETERMINATE, ReasonCode.UNTRUSTED_CHAIN, "govsdk Test Root CA", "not a trusted root");
        assertThat(r.trustAnchor()).isEmpty();

        // A root with the same name but another key: chains are built by signatures, not by names.
        TestPki other = TestPki.create(URI.create("http://127.0.0.1:9"));
        SignatureReport impostor = only(Verifiers.builder().trust(TrustAnchors.of(other.rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).build().verify(Document.of(s.bytes())));
        assertThat(impostor.status()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(impostor.reasons().get(0).code()).isEqualTo(ReasonCode.UNTRUSTED_CHAIN);
    }

    @Test
    void ocspDownFallsBackToTheCrlAndBothDownIsIndeterminate() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.rsa2048Signer()));
        TestPlatform.shared().service().setOcspResponderAvailable(false);
        SignatureReport viaCrl = only(Verifiers.online().verify(Document.of(s.bytes())));
        assertThat(viaCrl.status()).as(viaCrl.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(viaCrl.revocation()).isEqualTo(RevocationStatus.GOOD);

        TestPlatform.shared().service().setCrlAvailable(false);
        SignatureReport down = only(Verifiers.online().verify(Document.of(s.bytes())));
        assertReason(down, SignatureStatus.INDETERMINATE, ReasonCode.REVOCATION_UNKNOWN, "Nguyễn Văn An", "/pki/ocsp",
                "/pki/crl/intermediate.crl", "try again later");
        assertThat(down.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(down.isIntact()).isTrue();
    }

    @Test
    void ocspAnswersAreCachedUntilTheirNextUpdate() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.rsa2048Signer()));
        SignatureVerifier verifier = Verifiers.online();
        assertThat(verifier.verify(Document.of(s.bytes())).isValid()).isTrue();
        int before = TestPlatform.shared().pkiRequests();
        TestPlatform.shared().service().setOcspResponderAvailable(false);
        TestPlatform.shared().service().setCrlAvailable(false);
        assertThat(verifier.verify(Document.of(s.bytes())).isValid()).isTrue();
        assertThat(TestPlatform.shared().pkiRequests()).isEqualTo(before);
    }

    @Test
    void revocationOffIsSaidInEveryReport() {
        SignedDocument s = XadesSigner.builder().build().sign(XML, TestPlatform.key(pki.revokedSigner()));
        VerificationReport report = Verifiers.offline().verify(Document.of(s.bytes()));
        assertThat(report.revocationChecking()).isEqualTo(RevocationChecking.OFF);
        SignatureReport r = only(report);
        assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(r.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED);
        assertThat(r.warnings()).extracting(Reason::code).containsExactly(ReasonCode.REVOCATION_NOT_CHECKED);
        assertThat(report.toString()).contains("revocation NOT checked");
        assertThat(report.toJson()).contains("\"revocationChecking\":\"OFF\"").contains("\"revocation\":\"NOT_CHECKED\"");
    }

    @Test
    void aSigningTimeInTheFutureIsInvalid() {
        TestCredential c = pki.rsa2048Signer();
        Clock future = Clock.fixed(pki.referenceTime().plus(Duration.ofDays(100)), ZoneOffset.UTC);
        SignedDocument s = XadesSigner.builder().clock(future).build().sign(XML, TestPlatform.key(c));
        assertReason(only(Verifiers.offline().verify(Document.of(s.bytes()))), SignatureStatus.INVALID,
                ReasonCode.STRUCTURE_INVALID, "in the future");
    }

    @Test
    void reportNamesCertificatesBySubjectAndIssuerInJsonToo() {
        SignedDocument s = CadesSigner.builder().build().sign(Document.of(DATA), TestPlatform.key(pki.ecP256Signer()));
        VerificationReport report = Verifiers.online().verify(Document.of(s.bytes(), "x.p7s", "application/pkcs7-signature"),
                Document.of(DATA));
        String json = report.toJson();
        assertThat(json).contains("\"status\":\"VALID\"").contains("\"format\":\"CAdES\"").contains("\"level\":\"B-B\"")
                .contains("Lê Hoàng Cường").contains("\"issuer\":\"CN=govsdk Test Signing CA")
                .contains("\"trustAnchor\":\"CN=govsdk Test Root CA");
    }
}
