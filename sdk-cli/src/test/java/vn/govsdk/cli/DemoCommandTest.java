package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.cli.tour.Tour;

class DemoCommandTest {

    @Test
    void theWholeTourPassesOnTheEmbeddedPlatform() {
        CliRunner r = CliRunner.run("demo");
        assertThat(r.out()).doesNotContain("FAILED");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).contains("tour complete: " + Tour.steps().size() + " steps passed")
                .contains("http://127.0.0.1:");
    }

    @Test
    void aSingleStepCanBeRun() {
        CliRunner r = CliRunner.run("demo", "--step", "transport");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("1 step on").contains("after 3 attempts").contains("sent 1 time");
    }
}
