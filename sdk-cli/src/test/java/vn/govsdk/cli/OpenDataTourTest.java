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
}
