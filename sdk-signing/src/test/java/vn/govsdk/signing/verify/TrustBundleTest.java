package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.internal.verify.PinnedBundle;

/**
 * The bundled Vietnamese CA certificates: every intermediate is signed by a bundled root and matches its
 * pin; the default bundle trusts only the two current roots; the historic bundle is separate and its roots
 * are time-bound.
 */
class TrustBundleTest {

    static List<String> defaultFiles() {
        return PinnedBundle.PINS.keySet().stream().sorted().toList();
    }

    static List<String> historicFiles() {
        return PinnedBundle.HISTORIC_PINS.keySet().stream().sorted().toList();
    }

    private static X509Certificate load(String name, Map<String, String> pins) {
        List<X509Certificate> one = PinnedBundle.load(n -> PinnedBundle.class.getResourceAsStream(
                "/vn/govsdk/signing/trust/" + n), Map.of(name, pins.get(name)));
        assertThat(one).hasSize(1);
        return one.get(0);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("defaultFiles")
    void everyDefaultCertificateMatchesItsPinAndChainsToABundledRoot(String file) {
        X509Certificate cert = load(file, PinnedBundle.PINS); // refused unless the SHA-256 matches the pin
        assertThat(PinnedBundle.fingerprint(cert)).isEqualTo(PinnedBundle.PINS.get(file));
        List<X509Certificate> roots = TrustAnchors.defaults().anchors();
        assertThat(roots).anyMatch(root -> signedBy(cert, root));
        if (!roots.contains(cert)) {
            assertThat(cert.getBasicConstraints()).as(file + " is a CA certificate").isGreaterThanOrEqualTo(0);
            assertThat(TrustAnchors.defaults().intermediates()).contains(cert);
        }
    }

    @ParameterizedTest
    @MethodSource("historicFiles")
    void everyHistoricCertificateMatchesItsPinAndChainsToAHistoricRoot(String file) {
        X509Certificate cert = load(file, PinnedBundle.HISTORIC_PINS);
        assertThat(PinnedBundle.fingerprint(cert)).isEqualTo(PinnedBundle.HISTORIC_PINS.get(file));
        assertThat(TrustAnchors.historic().anchors()).anyMatch(root -> signedBy(cert, root));
    }

    @Test
    void theDefaultBundleTrustsTheTwoCurrentRootsOnlyAndKnowsEightIntermediates() {
        TrustAnchors d = TrustAnchors.defaults();
        assertThat(d.anchors()).extracting(CertificateInfo::of).extracting(CertificateInfo::commonName)
                .containsExactly("Vietnam National Root CA", "RootCA chuyên dùng Chính phủ G2");
        assertThat(d.intermediates()).hasSize(8);
        assertThat(d.timeBoundAnchors()).isEmpty();
        assertThat(d.anchors()).doesNotContainAnyElementsOf(TrustAnchors.historic().anchors());
    }

    @Test
    void theHistoricRootsAreTimeBoundAndSurviveAUnion() {
        TrustAnchors h = TrustAnchors.historic();
        assertThat(h.anchors()).extracting(CertificateInfo::of).extracting(CertificateInfo::commonName)
                .contains("MIC National Root CA");
        assertThat(h.anchors()).hasSize(2);
        assertThat(h.timeBoundAnchors()).containsExactlyInAnyOrderElementsOf(h.anchors());
        assertThat(h.intermediates()).hasSize(PinnedBundle.HISTORIC_PINS.size() - 2);
        TrustAnchors both = TrustAnchors.defaults().plus(h);
        assertThat(both.timeBoundAnchors()).containsExactlyInAnyOrderElementsOf(h.anchors());
        assertThat(both.anchors()).hasSize(4);
        assertThat(both.toString()).contains("2 time-bound");
    }

    @Test
    void theMicRootOfTheRealPdfIsAnotherCertificateThanTheHistoricBundlesAndStaysUntrusted() throws Exception {
        // 07 chains to a "MIC National Root CA" of 2019-2029, not to the first-generation root of 2008 in
        // the historic bundle: adding the historic trust changes nothing for it.
        SignatureVerifier historic = SignatureVerifier.builder().trust(TrustAnchors.defaults().plus(TrustAnchors.historic()))
                .revocationChecking(RevocationChecking.OFF)
                .clock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC)).build();
        SignatureReport s = historic.verify(Document.of(RealSignedTest.file("07_"))).signatures().get(0);
        assertThat(s.trustAnchor()).isEmpty();
        assertThat(s.chainStatus()).isEqualTo(ChainStatus.UNTRUSTED);
        assertThat(s.chain()).extracting(CertificateInfo::certificate)
                .doesNotContainAnyElementsOf(TrustAnchors.historic().anchors());
    }
}
