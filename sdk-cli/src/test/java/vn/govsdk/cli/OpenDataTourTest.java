package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.city.OpenDataService;

class OpenDataTourTest {

    @Test
    void openDataStepListsDatasetsAndStreamsTheSmallResource() {
        CliRunner r = CliRunner.run("demo", "--step", "opendata", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains(OpenDataService.BIG_DATASET)
                .contains("streamed " + OpenDataService.SMALL_ROWS + " records in 3 pages")
                .contains("most Wi-Fi points: Phường ");
    }

    @Test
    void cityStepSearchesADossierGetsAnExtractAndFilesAReport() {
        CliRunner r = CliRunner.run("demo", "--step", "city", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains("dossier-search/dvc?code=")
                .contains("COMPLETED: CivilExtract[kind=BIRTH")
                .contains("RECEIVED; status reads: RECEIVED, PROCESSING")
                .contains("refused before any request")
                .doesNotContain(vn.govsdk.testkit.data.SyntheticData.of(42).citizen(12).fullName());
    }
}
