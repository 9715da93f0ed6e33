package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.TestPki;

/** govsdk sign and govsdk verify, in process, against the mock platform's test PKI and OCSP responder. */
class SignVerifyCommandTest {

    private static MockGovPlatform platform;
    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().build();
        pki = platform.pki();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private Path files() throws Exception {
        pki.rsa2048Signer().writePkcs12(dir.resolve("signer.p12"), "changeit".toCharArray());
        Files.writeString(dir.resolve("password.txt"), "changeit\n");
        Files.writeString(dir.resolve("root.pem"), pki.trustAnchorPem());
        Files.writeString(dir.resolve("hoso.xml"), "<HoSo><NguoiNop>Nguyễn Văn An</NguoiNop></HoSo>\n");
        Files.writeString(dir.resolve("data.json"), "{\"soHoSo\":\"01\",\"ten\":\"Trần Thị Bình\"}");
        return dir;
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void xadesSignedAndVerifiedValid() throws Exception {
        files();
        CliRunner sign = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("hoso-signed.xml"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("XAdES B-B enveloped").contains("RS256").contains("Nguyễn Văn An");
        assertThat(sign.out() + sign.err()).doesNotContain("changeit");
        assertThat(Files.readString(dir.resolve("hoso-signed.xml"))).contains("<NguoiNop>Nguyễn Văn An</NguoiNop><ds:Signature");

        CliRunner verify = CliRunner.run("verify", "--in", p("hoso-signed.xml"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("VALID").contains("XAdES B-B").contains("Nguyễn Văn An")
                .contains("govsdk Test Signing CA").doesNotContain("NOT checked");

        CliRunner json = CliRunner.run("verify", "--in", p("hoso-signed.xml"), "--trust", p("root.pem"), "--allow-private-fetch", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("{\"document\":\"hoso-signed.xml\",\"status\":\"VALID\"")
                .contains("\"revocation\":\"GOOD\"");
    }

    @Test
    void padesSignedTwiceAndVerifiedValid() throws Exception {
        files();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(dir.resolve("to-trinh.pdf").toFile());
        }
        CliRunner sign = CliRunner.run("sign", "--format", "pades", "--in", p("to-trinh.pdf"), "--out", p("once.pdf"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("PAdES B-B");
        assertThat(CliRunner.run("sign", "--format", "pades", "--in", p("once.pdf"), "--out", p("twice.pdf"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt")).exitCode()).isZero();
        CliRunner json = CliRunner.run("verify", "--in", p("twice.pdf"), "--trust", p("root.pem"), "--allow-private-fetch", "--json");
        assertThat(json.exitCode()).as(json.out() + json.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode j = vn.govsdk.core.internal.json.GovJson.readTree(
                json.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(j.get("signatures")).hasSize(2);
        assertThat(j.get("signatures").get(0).get("format").asText()).isEqualTo("PAdES");
        assertThat(j.get("signatures").get(0).get("warnings").toString()).contains("MODIFIED_AFTER_SIGNING");
        assertThat(j.get("signatures").get(1).get("status").asText()).isEqualTo("VALID");
        assertThat(CliRunner.run("sign", "--format", "pades", "--packaging", "detached", "--in", p("to-trinh.pdf"),
                "--out", p("x.pdf"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt")).err())
                .contains("--packaging");
    }

    @Test
    void tamperedOrUntrustedIsExitOne() throws Exception {
        files();
        CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("s.xml"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        Files.writeString(dir.resolve("t.xml"), Files.readString(dir.resolve("s.xml")).replace("Văn An", "Văn Ân"));
        CliRunner tampered = CliRunner.run("verify", "--in", p("t.xml"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).contains("INVALID").contains("changed after signing");

        CliRunner untrusted = CliRunner.run("verify", "--in", p("s.xml"), "--no-revocation");
        assertThat(untrusted.exitCode()).isEqualTo(1);
        assertThat(untrusted.out()).contains("INDETERMINATE").contains("does not chain to a trusted root")
                .contains("govsdk Test Root CA").contains("NOT checked");
    }

    @Test
    void detachedCadesNeedsTheOriginal() throws Exception {
        files();
        Files.write(dir.resolve("big.bin"), new byte[100_000]);
        CliRunner sign = CliRunner.run("sign", "--format", "cades", "--in", p("big.bin"), "--out", p("big.bin.p7s"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("CAdES B-B detached");
        CliRunner missing = CliRunner.run("verify", "--in", p("big.bin.p7s"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--detached");
        CliRunner missingJson = CliRunner.run("verify", "--in", p("big.bin.p7s"), "--trust", p("root.pem"),
                "--allow-private-fetch", "--json");
        assertThat(missingJson.exitCode()).isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode report = vn.govsdk.core.internal.json.GovJson.readTree(
                missingJson.out().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.path("status").asText()).isEqualTo("INVALID");
        assertThat(missingJson.out()).contains("DETACHED_CONTENT_MISSING");
        CliRunner unreadableJson = CliRunner.run("verify", "--in", p("no-such.p7s"), "--json");
        assertThat(unreadableJson.exitCode()).isEqualTo(2);
        assertThat(vn.govsdk.core.internal.json.GovJson.readTree(unreadableJson.out()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("error").asText()).contains("--in");
        CliRunner ok = CliRunner.run("verify", "--in", p("big.bin.p7s"), "--detached", p("big.bin"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        Files.write(dir.resolve("big.bin"), new byte[100_001]);
        assertThat(CliRunner.run("verify", "--in", p("big.bin.p7s"), "--detached", p("big.bin"), "--trust", p("root.pem"), "--allow-private-fetch")
                .exitCode()).isEqualTo(1);
    }

    @Test
    void jwsAndAttachedCades() throws Exception {
        files();
        assertThat(CliRunner.run("sign", "--format", "jws", "--in", p("data.json"), "--out", p("data.jws"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt")).exitCode()).isZero();
        assertThat(CliRunner.run("verify", "--in", p("data.jws"), "--trust", p("root.pem"), "--allow-private-fetch").exitCode()).isZero();
        assertThat(CliRunner.run("sign", "--format", "cades", "--packaging", "enveloping", "--in", p("data.json"),
                "--out", p("data.p7m"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt")).exitCode()).isZero();
        CliRunner r = CliRunner.run("verify", "--in", p("data.p7m"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(r.exitCode()).as(r.out()).isZero();
    }

    @Test
    void badUsageIsExitTwoWithTheRule() throws Exception {
        files();
        CliRunner noPassword = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("o.xml"),
                "--pkcs12", p("signer.p12"));
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--password-file").contains("GOVSDK_PKCS12_PASSWORD")
                .contains("never taken from the command line");

        CliRunner argvPassword = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("o.xml"),
                "--pkcs12", p("signer.p12"), "--password", "changeit");
        assertThat(argvPassword.exitCode()).isEqualTo(2);

        Files.writeString(dir.resolve("wrong.txt"), "wrong");
        CliRunner wrong = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("o.xml"),
                "--pkcs12", p("signer.p12"), "--password-file", p("wrong.txt"));
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong password").doesNotContain("wrong.txt\n");

        CliRunner pades = CliRunner.run("sign", "--format", "pades", "--in", p("hoso.xml"), "--out", p("o.pdf"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(pades.exitCode()).isEqualTo(2);
        assertThat(pades.err()).contains("the PDF hoso.xml cannot be read");

        CliRunner levelT = CliRunner.run("sign", "--format", "cades", "--level", "T", "--in", p("hoso.xml"), "--out", p("o.p7s"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(levelT.exitCode()).isEqualTo(2);
        assertThat(levelT.err()).contains("--tsa").contains("required");

        CliRunner both = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("o.xml"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--pkcs12").contains("--pkcs11");

        assertThat(CliRunner.run("verify", "--in", p("nothing.xml")).exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("plain.txt"), "not a signature", StandardCharsets.UTF_8);
        CliRunner notSigned = CliRunner.run("verify", "--in", p("plain.txt"), "--no-revocation");
        assertThat(notSigned.exitCode()).isEqualTo(1);
        assertThat(notSigned.out()).contains("not a signature format");
    }

    @Test
    void cadesAtLevelsTAndLtWithTheMockTsa() throws Exception {
        files();
        String tsaUrl = platform.baseUrl("/pki/tsa").toString();
        CliRunner t = CliRunner.run("sign", "--format", "cades", "--level", "T", "--tsa", tsaUrl, "--in", p("hoso.xml"),
                "--out", p("hoso.xml.p7s"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.out()).contains("CAdES B-T detached");
        CliRunner vt = CliRunner.run("verify", "--in", p("hoso.xml.p7s"), "--detached", p("hoso.xml"), "--trust", p("root.pem"), "--allow-private-fetch",
                "--no-default-trust");
        assertThat(vt.exitCode()).as(vt.out() + vt.err()).isZero();
        assertThat(vt.out()).contains("VALID").contains("CAdES B-T");

        // LT with a first authority answering 404 (not retried): fail-over to the second; then verified with no
        // network request at all.
        CliRunner lt = CliRunner.run("sign", "--format", "cades", "--level", "LT", "--tsa",
                platform.baseUrl("/pki/no-such-tsa").toString(), "--tsa", tsaUrl, "--packaging", "enveloping", "--in", p("hoso.xml"), "--out", p("hoso.xml.p7m"),
                "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(lt.exitCode()).as(lt.err()).isZero();
        assertThat(lt.out()).contains("CAdES B-LT enveloping");
        assertThat(platform.journal().count("/pki/no-such-tsa")).isEqualTo(1);
        int before = platform.journal().count("/pki");
        CliRunner vlt = CliRunner.run("verify", "--in", p("hoso.xml.p7m"), "--trust", p("root.pem"), "--allow-private-fetch", "--no-default-trust",
                "--offline");
        assertThat(vlt.exitCode()).as(vlt.out() + vlt.err()).isZero();
        assertThat(vlt.out()).contains("VALID").contains("CAdES B-LT");
        assertThat(platform.journal().count("/pki")).isEqualTo(before);

        CliRunner tsaWithB = CliRunner.run("sign", "--format", "cades", "--tsa", tsaUrl, "--in", p("hoso.xml"),
                "--out", p("x.p7s"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(tsaWithB.exitCode()).isEqualTo(2);
        assertThat(tsaWithB.err()).contains("--tsa");
        CliRunner badUrl = CliRunner.run("sign", "--format", "cades", "--level", "T", "--tsa", "ftp://tsa", "--in",
                p("hoso.xml"), "--out", p("x.p7s"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--tsa").contains("ftp://tsa");
        CliRunner lta = CliRunner.run("sign", "--format", "cades", "--level", "LTA", "--tsa", tsaUrl, "--in",
                p("hoso.xml"), "--out", p("x.p7s"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(lta.exitCode()).isEqualTo(2);
        assertThat(lta.err()).contains("--level");
        assertThat(Files.exists(dir.resolve("x.p7s"))).isFalse();
    }

    @Test
    void xadesAtLevelLtWithTheMockTsaVerifiesOffline() throws Exception {
        files();
        String tsaUrl = platform.baseUrl("/pki/tsa").toString();
        CliRunner lt = CliRunner.run("sign", "--format", "xades", "--level", "LT", "--tsa", tsaUrl, "--in", p("hoso.xml"),
                "--out", p("hoso-lt.xml"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(lt.exitCode()).as(lt.err()).isZero();
        assertThat(lt.out()).contains("XAdES B-LT");
        assertThat(Files.readString(dir.resolve("hoso-lt.xml"))).contains("<xades:SignatureTimeStamp")
                .contains("<xades:RevocationValues");
        int before = platform.journal().count("/pki");
        CliRunner v = CliRunner.run("verify", "--in", p("hoso-lt.xml"), "--trust", p("root.pem"), "--allow-private-fetch", "--no-default-trust",
                "--offline");
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("VALID").contains("XAdES B-LT");
        assertThat(platform.journal().count("/pki")).isEqualTo(before);

        CliRunner noTsa = CliRunner.run("sign", "--format", "xades", "--level", "T", "--in", p("hoso.xml"),
                "--out", p("x.xml"), "--pkcs12", p("signer.p12"), "--password-file", p("password.txt"));
        assertThat(noTsa.exitCode()).isEqualTo(2);
        assertThat(noTsa.err()).contains("--tsa");
        assertThat(Files.exists(dir.resolve("x.xml"))).isFalse();
    }
}
