package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versionIsTheBuildsVersion() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("govsdk \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
