package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.city.OpenDataService;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticData;

class CityCommandsTest {

    @Test
    void feedbackSubmitAgainstTheEmbeddedMock() {
        CliRunner r = CliRunner.run("feedback", "submit", "--category", "TRAFFIC", "--ward", OpenDataService.wardCodes().get(1),
                "--lat", "10.78", "--lon", "106.70", "--description", "Đèn tín hiệu hỏng");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).matches("(?s)PA\\d{8}\tRECEIVED \\(DA_TIEP_NHAN\\)\tTRAFFIC\tward " + OpenDataService.wardCodes().get(1) + ".*");
    }

    @Test
    void feedbackStatusOfASeededReport() {
        CliRunner r = CliRunner.run("feedback", "status", "PA00000001");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("PA00000001\t").contains("ward " + OpenDataService.wardCodes().get(0));
    }

    @Test
    void feedbackBadWardFormatAndEmptyDescriptionAreUsageErrors() {
        CliRunner bad = CliRunner.run("feedback", "submit", "--category", "TRAFFIC", "--ward", "123",
                "--lat", "10.78", "--lon", "106.70", "--description", "x");
        assertThat(bad.exitCode()).isEqualTo(GovSdkCommand.USAGE);
        assertThat(bad.err()).contains("wardCode");
        CliRunner empty = CliRunner.run("feedback", "submit", "--category", "TRAFFIC", "--ward", "26734",
                "--lat", "10.78", "--lon", "106.70", "--description", " ");
        assertThat(empty.exitCode()).isEqualTo(GovSdkCommand.USAGE);
        assertThat(empty.err()).contains("description");
        CliRunner unknown = CliRunner.run("feedback", "submit", "--category", "TRAFFIC", "--ward", "99999",
                "--lat", "10.78", "--lon", "106.70", "--description", "x");
        assertThat(unknown.exitCode()).isEqualTo(GovSdkCommand.NEGATIVE);
        assertThat(unknown.err()).contains("PA_WARD");
    }

    @Test
    void civilExtractFollowedToTheResultWithTheNameMasked() {
        SyntheticCitizen c = SyntheticData.of(20250701).citizen(77);
        CliRunner r = CliRunner.run("civil", "extract", "--kind", "BIRTH", "--citizen-id", c.citizenId(),
                "--purpose", "Bổ sung hồ sơ", "--follow");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("PROCESSING (DANG_XU_LY)").contains("COMPLETED (DA_CO_KET_QUA)")
                .contains("registerNumber=KS-000077").doesNotContain(c.fullName());
        CliRunner death = CliRunner.run("civil", "extract", "--kind", "DEATH", "--register-number", "KT-000077",
                "--purpose", "Thừa kế", "--follow");
        assertThat(death.exitCode()).isEqualTo(GovSdkCommand.NEGATIVE);
        assertThat(death.out()).contains("REJECTED");
        CliRunner malformed = CliRunner.run("civil", "extract", "--kind", "BIRTH", "--citizen-id", "0790", "--purpose", "x");
        assertThat(malformed.exitCode()).isEqualTo(GovSdkCommand.USAGE);
    }
}
