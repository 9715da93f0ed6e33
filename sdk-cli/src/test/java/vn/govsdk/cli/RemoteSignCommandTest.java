package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.remotesigning.CitizenBehaviour;
import vn.govsdk.testkit.remotesigning.MySignService;
import vn.govsdk.testkit.remotesigning.SmartCaCscService;
import vn.govsdk.testkit.remotesigning.Sp769Service;

/** govsdk sign --remote, in process, against the embedded provider mocks. */
class RemoteSignCommandTest {

    private static final String USER = "079203000505";
    private static MockGovPlatform platform;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().service(Sp769Service::smartCa).service(MySignService::new)
                .service(SmartCaCscService::new).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void files() throws Exception {
        platform.reset();
        Files.writeString(dir.resolve("hoso.xml"), "<HoSo><NguoiNop>Nguyễn Văn An</NguoiNop></HoSo>\n");
        Files.writeString(dir.resolve("root.pem"), platform.pki().trustAnchorPem());
        Files.writeString(dir.resolve("sp-password.txt"), Sp769Service.SP_PASSWORD + "\n");
        Files.writeString(dir.resolve("mysign-secret.txt"), MySignService.CLIENT_SECRET);
        Files.writeString(dir.resolve("csc-secret.txt"), SmartCaCscService.CLIENT_SECRET);
        Files.writeString(dir.resolve("csc-user.txt"), SmartCaCscService.USER_PASSWORD);
        Files.writeString(dir.resolve("smartca.properties"), "endpoint = " + platform.baseUrl("/smartca") + "\n"
                + "userId = " + USER + "\nspId = " + Sp769Service.SP_ID + "\nspPasswordFile = sp-password.txt\n"
                + "pollInterval = 100ms\n");
        Files.writeString(dir.resolve("mysign.properties"), "endpoint = " + platform.baseUrl("/mysign") + "\n"
                + "userId = " + USER + "\nclientId = " + MySignService.CLIENT_ID + "\nclientSecretFile = mysign-secret.txt\n"
                + "profileId = " + MySignService.PROFILE_ID + "\npollInterval = 100ms\n");
        Files.writeString(dir.resolve("csc.properties"), "endpoint = " + platform.baseUrl("/smartca-csc") + "\n"
                + "userId = " + USER + "\nclientId = " + SmartCaCscService.CLIENT_ID + "\nclientSecretFile = csc-secret.txt\n"
                + "userPasswordFile = csc-user.txt\npollInterval = 100ms\n");
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private void signsAndVerifies(String provider, String config) {
        CliRunner sign = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p(provider + ".xml"),
                "--remote", provider, "--remote-config", p(config), "--remote-wait", "2m");
        assertThat(sign.exitCode()).as(sign.out() + sign.err()).isZero();
        assertThat(sign.out()).contains("signing through " + provider).contains("079*******05")
                .contains("XAdES B-B enveloped");
        // The signer line shows the certificate subject, as for a local key; the progress line masks the id.
        assertThat(sign.out().lines().findFirst().orElseThrow()).doesNotContain(USER);
        assertThat(sign.out() + sign.err()).doesNotContain(Sp769Service.SP_PASSWORD)
                .doesNotContain(MySignService.CLIENT_SECRET).doesNotContain(SmartCaCscService.USER_PASSWORD);
        CliRunner verify = CliRunner.run("verify", "--in", p(provider + ".xml"), "--trust", p("root.pem"), "--allow-private-fetch");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("VALID");
    }

    @Test
    void smartCaSignsAndTheResultVerifies() {
        signsAndVerifies("smartca", "smartca.properties");
    }

    @Test
    void mySignSignsAndTheResultVerifies() {
        signsAndVerifies("mysign", "mysign.properties");
    }

    @Test
    void smartCaCscSignsAndTheResultVerifies() {
        signsAndVerifies("smartca-csc", "csc.properties");
    }

    @Test
    void aRejectionExitsOneAndWritesNothing() {
        ((Sp769Service) platform.service("/smartca").orElseThrow()).behaviour(USER, CitizenBehaviour.rejectOnPoll(1));
        CliRunner sign = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("out.xml"),
                "--remote", "smartca", "--remote-config", p("smartca.properties"));
        assertThat(sign.exitCode()).isEqualTo(1);
        assertThat(sign.err()).contains("REJECTED");
        assertThat(Files.exists(dir.resolve("out.xml"))).isFalse();
    }

    @Test
    void secretsInTheConfigFileAndMixedKeysAreRefused() throws Exception {
        Files.writeString(dir.resolve("bad.properties"), "endpoint = " + platform.baseUrl("/smartca") + "\n"
                + "userId = " + USER + "\nspId = x\nspPassword = written-in-clear\n");
        CliRunner inline = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("out.xml"),
                "--remote", "smartca", "--remote-config", p("bad.properties"));
        assertThat(inline.exitCode()).isEqualTo(2);
        assertThat(inline.err()).contains("spPassword must not hold a secret").doesNotContain("written-in-clear");

        CliRunner mixed = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("out.xml"),
                "--remote", "smartca", "--remote-config", p("smartca.properties"), "--pkcs12", p("x.p12"));
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("--remote replaces --pkcs12/--pkcs11");

        CliRunner unknown = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("out.xml"),
                "--remote", "bkav", "--remote-config", p("smartca.properties"));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--remote must be one of");

        CliRunner badWait = CliRunner.run("sign", "--format", "xades", "--in", p("hoso.xml"), "--out", p("out.xml"),
                "--remote", "smartca", "--remote-config", p("smartca.properties"), "--remote-wait", "soon");
        assertThat(badWait.exitCode()).isEqualTo(2);
        assertThat(badWait.err()).contains("--remote-wait must be a duration");
        assertThat(platform.journal().count("/smartca")).as("nothing was sent").isZero();
    }
}
