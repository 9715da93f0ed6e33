package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.data.SyntheticData;

class CitizenLoginTourTest {

    @Test
    void loginStepRunsTheCodeFlowAndShowsTheIdentityMasked() {
        CliRunner r = CliRunner.run("demo", "--step", "login", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains("verified the ID token (RS256")
                .contains("via VNeID (BCA), LoA LoA1")
                .contains("active=true").contains("active=false")
                .contains("refused: ID_TOKEN_ALGORITHM");
        // The first adult citizen of seed 42 is shown masked, never in full.
        var citizen = SyntheticData.of(42).citizens().filter(c -> c.ageOn(SyntheticData.of(42).referenceDate()) >= 18)
                .findFirst().orElseThrow();
        assertThat(r.out()).contains(citizen.citizenId().substring(0, 3) + "*******" + citizen.citizenId().substring(10))
                .doesNotContain(citizen.citizenId())
                .doesNotContain(citizen.fullName());
    }
}
