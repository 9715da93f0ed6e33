package vn.govsdk.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.junit.MockPlatform;
import vn.govsdk.testkit.junit.WithMockGovPlatform;
import vn.govsdk.testkit.pki.CertificateRole;

/**
 * {@link ValidationData#merge} keeps one OCSP answer per certificate and one CRL per issuer, the
 * newest, whatever order the passes came in; what it cannot read it keeps once, as it is.
 */
@WithMockGovPlatform(testClock = true)
class ValidationDataUnionTest {

    @MockPlatform
    static TestClock CLOCK;
    @MockPlatform
    static MockGovPlatform platform;


    private static ValidationData data(List<byte[]> ocsp, List<byte[]> crls) {
        return new ValidationData(List.of(platform.pki().rsa2048Signer().certificate()), ocsp, crls);
    }

    @Test
    void theNewerAnswerForTheSameCertificateWinsInEitherOrder() {
        X509Certificate signer = platform.pki().rsa2048Signer().certificate();
        X509Certificate intermediate = platform.pki().intermediateCertificate();
        byte[] older = TestValidationData.ocsp(platform.pki(), signer, intermediate);
        byte[] olderIntermediate = TestValidationData.ocsp(platform.pki(), intermediate, platform.pki().rootCertificate());
        CLOCK.advance(Duration.ofMinutes(5));
        byte[] newer = TestValidationData.ocsp(platform.pki(), signer, intermediate);
        assertThat(newer).isNotEqualTo(older);

        List<byte[]> forward = data(List.of(older, olderIntermediate), List.of())
                .merge(data(List.of(newer), List.of())).ocspResponses();
        assertThat(forward).hasSize(2);
        assertThat(forward.get(0)).isEqualTo(newer);      // kept where the certificate's first answer stood
        assertThat(forward.get(1)).isEqualTo(olderIntermediate);

        List<byte[]> backward = data(List.of(newer), List.of())
                .merge(data(List.of(older, olderIntermediate), List.of())).ocspResponses();
        assertThat(backward).hasSize(2);
        assertThat(backward.get(0)).isEqualTo(newer);
        assertThat(backward.get(1)).isEqualTo(olderIntermediate);
    }

    @Test
    void theNewerCrlOfTheSameIssuerWinsAndOtherIssuersStay() throws Exception {
        byte[] older = platform.pki().crl(CertificateRole.INTERMEDIATE_CA).getEncoded();
        byte[] root = platform.pki().crl(CertificateRole.ROOT_CA).getEncoded();
        CLOCK.advance(Duration.ofHours(1));
        byte[] newer = platform.pki().crl(CertificateRole.INTERMEDIATE_CA).getEncoded();

        List<byte[]> crls = data(List.of(), List.of(older, root)).merge(data(List.of(), List.of(newer))).crls();
        assertThat(crls).hasSize(2);
        assertThat(crls.get(0)).isEqualTo(newer);
        assertThat(crls.get(1)).isEqualTo(root);
    }

    @Test
    void whatCannotBeReadIsKeptOnceAsItIs() {
        byte[] junk = {0x30, 0x03, 0x02, 0x01, 0x07};
        ValidationData merged = data(List.of(junk.clone()), List.of(junk.clone()))
                .merge(data(List.of(junk.clone(), new byte[] {1, 2, 3}), List.of(junk.clone())));
        assertThat(merged.ocspResponses()).containsExactly(junk, new byte[] {1, 2, 3});
        assertThat(merged.crls()).containsExactly(junk);
    }
}
