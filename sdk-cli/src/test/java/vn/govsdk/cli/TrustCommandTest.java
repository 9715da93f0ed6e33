package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

class TrustCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetConfig() {
        System.clearProperty("govsdk.config.dir");
    }

    @Test
    void listNamesEveryBundledCertificateWithRoleValidityAndFingerprint() {
        CliRunner r = CliRunner.run("trust", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("root | Vietnam National Root CA | 2014-04-15",
                "SHA-256 BA:C8:BF:60:9A:B4:20:A8:EE:17:80:D7:4F:4D:E5:C7:F7:18:49:59:D2:A7:37:5B:0A:75:E4:C2:9F:09:08:E7",
                "root | RootCA chuyên dùng Chính phủ G2", "intermediate | WINCA", "intermediate | Viettel-CA RS")
                .doesNotContain("MIC National Root CA");
        assertThat(r.out().lines().filter(l -> l.startsWith("intermediate | "))).hasSize(8);

        CliRunner h = CliRunner.run("trust", "list", "--historic");
        assertThat(h.out()).contains("historic root | MIC National Root CA", "historic intermediate | VNPT Certification Authority")
                .contains("(expired)");
    }

    @Test
    void aCertificateAddedForTheUserIsTrustedByLaterVerifiesAndNeverWrittenToTheJar() throws Exception {
        System.setProperty("govsdk.config.dir", dir.resolve("config").toString());
        TestPki pki = TestPki.create(URI.create("http://127.0.0.1:9"));
        TestCredential signer = pki.rsa2048Signer();
        Path signed = dir.resolve("hoso-signed.xml");
        Files.write(signed, XadesSigner.builder().build().sign(Document.of("<hoso>Đơn</hoso>".getBytes(StandardCharsets.UTF_8),
                "hoso.xml", Document.XML), SigningKey.of(signer.privateKey(), signer.chain())).bytes());
        Path root = dir.resolve("root.pem");
        Files.writeString(root, pki.trustAnchorPem());

        assertThat(CliRunner.run("verify", "--in", signed.toString(), "--no-revocation").exitCode()).isEqualTo(1);

        CliRunner add = CliRunner.run("trust", "add", root.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("govsdk Test Root CA");
        try (var files = Files.list(dir.resolve("config").resolve("trust"))) {
            assertThat(files).hasSize(1);
        }
        CliRunner verify = CliRunner.run("verify", "--in", signed.toString(), "--no-revocation");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(CliRunner.run("trust", "list").out()).contains("govsdk Test Root CA");

        Path leaf = dir.resolve("leaf.pem");
        Files.writeString(leaf, signer.certificatePem());
        CliRunner refused = CliRunner.run("trust", "add", leaf.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("CA certificate");
    }
}
