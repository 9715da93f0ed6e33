package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.portal.PortalService;

class PortalCommandsTest {

    @TempDir
    Path dir;

    @Test
    void listsAndShowsProceduresOnTheEmbeddedMock() {
        CliRunner list = CliRunner.run("procedures", "list", "--limit", "5");
        assertThat(list.exitCode()).as(list.err()).isZero();
        String[] lines = list.out().strip().split("\n");
        assertThat(lines).hasSize(5);
        String code = lines[0].split("\t")[0];
        assertThat(code).matches("[12]\\.[0-9]{6}");

        CliRunner show = CliRunner.run("procedures", "show", code);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).startsWith(code + " ").contains("channel: Trực tiếp").contains("step: Bước 1");
    }

    @Test
    void unknownProcedureExitsNonZeroWithThePortalsCode() {
        CliRunner show = CliRunner.run("procedures", "show", "9.999999");
        assertThat(show.exitCode()).isEqualTo(GovSdkCommand.NEGATIVE);
        assertThat(show.err()).contains("04");
    }

    @Test
    void syncsADossierFileAndReadsItsStatusFromARunningMock() throws Exception {
        try (MockGovPlatform platform = MockServerRunner.defaultPlatform().seed(20250701).build()) {
            PortalService portal = (PortalService) platform.service("/dvcqg").orElseThrow();
            String procedure = portal.procedureCodes().get(0);
            String citizen = platform.data().citizen(1).citizenId();
            Path file = dir.resolve("dossier.json");
            Files.writeString(file, """
                    {"code":"000.00.00.H99-251122-0042","procedureCode":"%s","procedureName":"Đăng ký khai sinh",
                     "fieldCode":"G09-TP01","fieldName":"Hộ tịch","summary":"Đăng ký khai sinh",
                     "processingUnit":"UBND phường","receivedAt":"2025-11-22T09:00:00+07:00",
                     "dueAt":"2025-11-25T09:00:00+07:00","status":"ACCEPTED","channel":"ONLINE",
                     "applicant":{"type":"CITIZEN","name":"Nguyễn Văn An","identifier":"%s"},
                     "fees":[{"name":"Lệ phí","amountVnd":8000,"kind":"CHARGE"}]}
                    """.formatted(procedure, citizen));
            Path password = dir.resolve("password");
            Files.writeString(password, PortalService.PASSWORD);
            String[] conn = {"--base-url", platform.baseUrl("/dvcqg").toString(), "--username", PortalService.USERNAME,
                "--password-file", password.toString(), "--dstcode", PortalService.DSTCODE};

            CliRunner sync = CliRunner.run(concat(new String[] {"dossier", "sync", file.toString()}, conn));
            assertThat(sync.exitCode()).as(sync.err()).isZero();
            assertThat(sync.out()).contains("created 000.00.00.H99-251122-0042");
            assertThat(portal.dossier("000.00.00.H99-251122-0042")).isPresent();

            CliRunner status = CliRunner.run(concat(new String[] {"dossier", "status", "000.00.00.H99-251122-0042"}, conn));
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("status 2 Được tiếp nhận");
            assertThat(sync.out() + sync.err() + status.out()).doesNotContain(PortalService.PASSWORD);
        }
    }

    @Test
    void invalidDossierFileExitsTwoNamingTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"code":"HS-1","procedureCode":"1.000001","procedureName":"x","fieldCode":"F","fieldName":"f",
                 "summary":"s","processingUnit":"u","receivedAt":"2025-11-22T09:00:00+07:00",
                 "dueAt":"2025-11-21T09:00:00+07:00","status":2,
                 "applicant":{"type":"CITIZEN","name":"A"}}
                """);
        CliRunner sync = CliRunner.run("dossier", "sync", file.toString());
        assertThat(sync.exitCode()).isEqualTo(GovSdkCommand.USAGE);
        assertThat(sync.err()).contains("dossier.dueDate must not be before dossier.receivedDate");
    }

    @Test
    void baseUrlWithoutCredentialsIsAUsageError() {
        CliRunner r = CliRunner.run("dossier", "status", "HS-1", "--base-url", "http://127.0.0.1:9/dvcqg");
        assertThat(r.exitCode()).isEqualTo(GovSdkCommand.USAGE);
        assertThat(r.err()).contains("credentials");
    }

    @Test
    void tourStepSyncsPaysAndVerifies() {
        CliRunner demo = CliRunner.run("demo", "--step", "dossier");
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("created").contains("callback verified: accepted")
                .contains("the same callback again: refused REPLAYED").contains("status 9 Đã xử lý xong");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
