package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteSigningTourTest {

    @Test
    void remoteSigningStepSignsThreeDossiersAndShowsARejection() {
        CliRunner r = CliRunner.run("demo", "--step", "remote", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains("sent 3 digests").contains("the citizen confirmed: SIGNED, 3 values")
                .contains("hoso-1.xml: VALID").contains("hoso-3.xml: VALID")
                .contains("refused: REJECTED")
                .doesNotContain(vn.govsdk.testkit.data.SyntheticData.of(42).citizen(3).citizenId());
    }
}
