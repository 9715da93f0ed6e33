package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command's own checks: input refused before any platform starts, completion, help. */
class CommandChecksTest {

    @Test
    void anUnknownTourStepExitsTwoListingTheSteps() {
        CliRunner r = CliRunner.run("demo", "--step", "no-such-step");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--step no-such-step names no step", "the steps are:");
        assertThat(r.out()).doesNotContain("mock platform"); // nothing started
    }

    @Test
    void completionPrintsABashScriptNamingTheCommands() {
        CliRunner r = CliRunner.run("completion", "bash");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("complete -F", "govsdk", "verify", "trust", "--historic-trust");
        assertThat(CliRunner.run("completion", "fish").exitCode()).isEqualTo(2);
    }

    @Test
    void theHelpOfSignAndVerifyNamesEveryFormatAndLevel() {
        for (String command : new String[] {"sign", "verify"}) {
            String help = CliRunner.run(command, "--help").out();
            assertThat(help).as(command).contains("XAdES", "CAdES", "PAdES", "JWS", "B-B", "B-T", "B-LT");
        }
    }
}
