package vn.govsdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.testkit.pki.TestCredential;

class ValidationDataSourceTest {

    private final TestPlatform tp = TestPlatform.shared();
    private final TestCredential rsa = tp.pki().rsa2048Signer();

    private static ValidationDataSource source() {
        return ValidationDataSource.builder().retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void switchBackOn() {
        tp.service().setOcspResponderAvailable(true);
        tp.service().setCrlAvailable(true);
    }

    @Test
    void collectsAVerifiedOcspResponseForEachCertificateBelowTheRoot() throws Exception {
        ValidationData data = source().collect(rsa.chain());
        assertThat(data.ocspResponses()).hasSize(2); // the signer (delegated responder) and the intermediate (root)
        assertThat(data.crls()).isEmpty();
        assertThat(data.certificates()).contains(rsa.certificate(), tp.pki().intermediateCertificate(),
                tp.pki().rootCertificate(), tp.pki().ocspResponder().certificate());
        BasicOCSPResp first = (BasicOCSPResp) new OCSPResp(data.ocspResponses().get(0)).getResponseObject();
        assertThat(first.getResponses()[0].getCertID().getSerialNumber()).isEqualTo(rsa.certificate().getSerialNumber());
        assertThat(first.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    }

    @Test
    void fetchesAMissingIssuerFromAia() {
        ValidationData data = source().collect(List.of(rsa.certificate()));
        assertThat(data.certificates()).contains(tp.pki().intermediateCertificate(), tp.pki().rootCertificate());
        assertThat(data.ocspResponses()).hasSize(2);
    }

    @Test
    void fallsBackToTheCrlWhenOcspIsDown() {
        tp.service().setOcspResponderAvailable(false);
        ValidationData data = source().collect(rsa.chain());
        assertThat(data.ocspResponses()).isEmpty();
        assertThat(data.crls()).hasSize(2); // the intermediate's CRL for the signer, the root's for the intermediate
    }

    @Test
    void failsNamingTheCertificateAndUrlsWhenNothingAnswers() {
        tp.service().setOcspResponderAvailable(false);
        tp.service().setCrlAvailable(false);
        assertThatThrownBy(() -> source().collect(rsa.chain()))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("Nguyễn Văn An")
                .hasMessageContaining("/pki/ocsp")
                .hasMessageContaining("/pki/crl/intermediate.crl");
    }

    @Test
    void refusesARevokedCertificate() {
        assertThatThrownBy(() -> source().collect(tp.pki().revokedSigner().chain()))
                .isInstanceOf(SigningException.class).hasMessageContaining("revoked");
    }
}
