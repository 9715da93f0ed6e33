package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticData;
import vn.govsdk.testkit.population.PopulationDbService;

class CitizenCommandTest {

    private static final SyntheticCitizen FIRST = SyntheticData.of(20250701L).citizen(0);

    @Test
    void looksUpOnAnEmbeddedMockByDefault() {
        CliRunner r = CliRunner.run("citizen", "lookup", FIRST.citizenId());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("embedded mock platform").contains(FIRST.fullNameUpperCase())
                .contains(FIRST.birthDate().toString()).contains(FIRST.householdId());
    }

    @Test
    void looksUpAgainstARunningPlatformByBothRoutes() {
        try (MockGovPlatform platform = MockServerRunner.defaultPlatform().seed(5).build()) {
            SyntheticCitizen c = platform.data().citizen(3);
            String base = platform.baseUrl().toString();
            CliRunner direct = CliRunner.run("citizen", "lookup", c.citizenId(), "--base-url", base);
            assertThat(direct.exitCode()).as(direct.err()).isEqualTo(0);
            assertThat(direct.out()).doesNotContain("embedded").contains(c.fullNameUpperCase());
            assertThat(platform.journal().count(PopulationDbService.DIRECT_PATH)).isEqualTo(1);

            CliRunner lgsp = CliRunner.run("citizen", "lookup", PopulationDbService.legacyIdNumberOf(3), "--base-url", base,
                    "--route", "lgsp");
            assertThat(lgsp.exitCode()).as(lgsp.err()).isEqualTo(0);
            assertThat(lgsp.out()).contains(c.citizenId());
            assertThat(platform.journal().count(PopulationDbService.LGSP_PATH)).isEqualTo(1);
        }
    }

    @Test
    void verifyExitsZeroOnAMatchAndOneOnAMismatch() {
        CliRunner ok = CliRunner.run("citizen", "verify", FIRST.citizenId(), "--name", FIRST.fullName(),
                "--birth-date", FIRST.birthDate().toString());
        assertThat(ok.exitCode()).as(ok.err()).isEqualTo(0);
        assertThat(ok.out()).contains("MATCHED").doesNotContain("NOT MATCHED");

        CliRunner wrong = CliRunner.run("citizen", "verify", FIRST.citizenId(), "--name", FIRST.fullName(),
                "--birth-date", Integer.toString(FIRST.birthDate().getYear() - 1));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("birth date (NgayThangNamSinh): DOES NOT MATCH")
                .contains("full name (HoVaTen): matches").contains("NOT MATCHED");
    }

    @Test
    void badInputIsUsageErrorBeforeAnyCall() {
        CliRunner r = CliRunner.run("citizen", "lookup", "12345", "--base-url", "http://127.0.0.1:9");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("personalId");
        CliRunner noDetail = CliRunner.run("citizen", "verify", FIRST.citizenId());
        assertThat(noDetail.exitCode()).isEqualTo(2);
        CliRunner badDate = CliRunner.run("citizen", "verify", FIRST.citizenId(), "--birth-date", "01/02/2003");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("birthDate");
    }

    @Test
    void aWrongSecretFromAFileIsRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("c06.secret");
        Files.writeString(secret, "not-the-mock-secret\n");
        CliRunner r = CliRunner.run("citizen", "lookup", FIRST.citizenId(), "--secret-file", secret.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("refused").contains("C06-401").doesNotContain("not-the-mock-secret");
    }

    @Test
    void anUnknownCitizenExitsOne() {
        CliRunner sample = CliRunner.run("citizen", "sample", "--count", "2");
        assertThat(sample.exitCode()).isEqualTo(0);
        assertThat(sample.out()).contains(FIRST.citizenId());
        String unknown = null;
        SyntheticData data = SyntheticData.of(20250701L);
        String base = FIRST.citizenId().substring(0, 6);
        for (int i = 999_999; unknown == null; i--) {
            String candidate = base + String.format("%06d", i);
            if (vn.govsdk.core.id.CitizenId.isValid(candidate) && data.findByCitizenId(candidate).isEmpty()) {
                unknown = candidate;
            }
        }
        CliRunner r = CliRunner.run("citizen", "lookup", unknown);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("not found").contains("C06-004");
    }

    @Test
    void theTourStepRuns() {
        CliRunner r = CliRunner.run("demo", "--step", "population");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("matches=true").contains("matches=false").contains("mismatched [BIRTH_DATE]")
                .contains("<dan:MaYeuCau>").doesNotContain(FIRST.citizenId()).doesNotContain(FIRST.fullNameUpperCase());
    }
}
