package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.internal.verify.PinnedBundle;

class TrustAnchorsTest {

    @Test
    void defaultsAreTheTwoVietnameseRootsAndTheirIntermediatesPinned() {
        TrustAnchors d = TrustAnchors.defaults();
        assertThat(d.anchors()).extracting(c -> CertificateInfo.of(c).commonName())
                .containsExactly("Vietnam National Root CA", "RootCA chuyên dùng Chính phủ G2");
        assertThat(d.intermediates()).extracting(c -> CertificateInfo.of(c).commonName())
                .startsWith("CA phục vụ các cơ quan Nhà nước G2", "VNPT-CA SHA2")
                .contains("Viettel-CA RS", "VNPT SmartCA RS", "FastCA SHA-256", "WINCA",
                        "CA phục vụ các cơ quan Đảng G2", "CA phục vụ cho dịch vụ phần mềm G2");
        assertThat(PinnedBundle.fingerprint(d.anchors().get(0)))
                .isEqualTo("BA:C8:BF:60:9A:B4:20:A8:EE:17:80:D7:4F:4D:E5:C7:F7:18:49:59:D2:A7:37:5B:0A:75:E4:C2:9F:09:08:E7");
        assertThat(d.toString()).contains("Vietnam National Root CA");
    }

    @Test
    void aBundledFileThatDoesNotMatchItsPinIsRefused() {
        // The test root's PEM put where vnrca256.pem should be: the loader refuses it by fingerprint.
        String impostor = TestPlatform.shared().pki().trustAnchorPem();
        Map<String, String> pins = new LinkedHashMap<>();
        pins.put("vnrca256.pem", PinnedBundle.PINS.get("vnrca256.pem"));
        assertThatThrownBy(() -> PinnedBundle.load(name -> new ByteArrayInputStream(impostor.getBytes()), pins))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vnrca256.pem")
                .hasMessageContaining("govsdk Test Root CA").hasMessageContaining("pinned");
        assertThatThrownBy(() -> PinnedBundle.load(name -> (InputStream) null, pins))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void anchorsFromPemDirectoryAndKeyStore(@TempDir Path dir) throws Exception {
        var pki = TestPlatform.shared().pki();
        Path pem = dir.resolve("bundle.pem");
        Files.writeString(pem, "Test root and intermediate\n" + pki.caCertificatesPem());
        assertThat(TrustAnchors.fromPem(pem).anchors()).hasSize(2);

        Path d = Files.createDirectories(dir.resolve("anchors"));
        Files.writeString(d.resolve("root.pem"), pki.trustAnchorPem());
        Files.write(d.resolve("intermediate.cer"), pki.intermediateCertificate().getEncoded());
        Files.writeString(d.resolve("README.txt"), "ignored");
        assertThat(TrustAnchors.fromDirectory(d).anchors()).containsExactly(pki.intermediateCertificate(), pki.rootCertificate());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", pki.rootCertificate());
        assertThat(TrustAnchors.fromKeyStore(ks).anchors()).containsExactly(pki.rootCertificate());

        TrustAnchors both = TrustAnchors.defaults().plus(TrustAnchors.of(pki.rootCertificate()));
        assertThat(both.anchors()).hasSize(3).contains(pki.rootCertificate());
        assertThat(both.intermediates()).hasSize(8);

        assertThatThrownBy(() -> TrustAnchors.fromPem(dir.resolve("none.pem"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> TrustAnchors.fromPem(dir.resolve("junk.pem"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no readable certificate");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> TrustAnchors.fromDirectory(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds no");
    }
}
