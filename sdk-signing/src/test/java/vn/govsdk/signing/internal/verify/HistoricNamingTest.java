package vn.govsdk.signing.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.verify.ChainStatus;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Without the historic trust, a document that chains to Vietnam's first-generation PKI is named as such,
 * not left as a bare UNTRUSTED. The real historic CAs' keys are nobody's to use, so the test PKI's root
 * and intermediate stand in for the historic bundle here; the bundle itself is checked by its pins.
 */
class HistoricNamingTest {

    private final TestPki pki = TestPlatform.shared().pki();
    private final TestCredential signer = pki.rsa2048Signer();

    private SignatureReport validate(List<java.security.cert.X509Certificate> embedded) {
        CertificateValidator v = new CertificateValidator(TrustAnchors.defaults(), RevocationChecking.OFF, null);
        v.historic(List.of(pki.rootCertificate(), pki.intermediateCertificate()));
        SignatureReport.Builder b = SignatureReport.builder(SignatureFormat.CADES);
        Instant now = Instant.now();
        v.validate(b, signer.certificate(), embedded, now, now);
        return b.build();
    }

    @Test
    void aChainEndingAtAHistoricRootNamesIt() {
        SignatureReport r = validate(List.of(signer.certificate(), pki.intermediateCertificate(), pki.rootCertificate()));
        assertThat(r.chainStatus()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(r.reasons()).anyMatch(x -> x.code() == ReasonCode.UNTRUSTED_CHAIN
                && x.message().contains("govsdk Test Root CA") && x.message().contains("first-generation (historic) PKI")
                && x.message().contains("--historic-trust"));
    }

    @Test
    void aMissingIssuerThatIsAHistoricCaIsNamedWithItsRoot() {
        SignatureReport r = validate(List.of(signer.certificate()));
        assertThat(r.reasons()).anyMatch(x -> x.code() == ReasonCode.UNTRUSTED_CHAIN
                && x.message().contains("'CN=govsdk Test Signing CA") && x.message().contains("first-generation PKI under")
                && x.message().contains("govsdk Test Root CA"));
    }

    @Test
    void theBundledHistoricPkiIsWhatTheVerifierKnowsByDefault() {
        HistoricPki bundled = HistoricPki.bundled();
        for (var c : TrustAnchors.historic().anchors()) {
            assertThat(bundled.contains(c)).isTrue();
        }
        assertThat(bundled.contains(pki.rootCertificate())).isFalse();
    }
}
