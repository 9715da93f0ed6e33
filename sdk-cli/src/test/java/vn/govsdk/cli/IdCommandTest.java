package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdCommandTest {

    @Test
    void citizenIdNamesProvinceGenderAndBirthYear() {
        CliRunner r = CliRunner.run("id", "check", "079203012345");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Hồ Chí Minh").contains("male").contains("2003").contains("21st century");
    }

    @Test
    void mergedBirthProvinceShowsWhereItBelongsNow() {
        CliRunner r = CliRunner.run("id", "check", "074185000123");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("074 Bình Dương").contains("part of Hồ Chí Minh, code 79")
                .contains("female").contains("1985");
    }

    @Test
    void validTaxCode() {
        CliRunner r = CliRunner.run("id", "check", "0100109106");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("valid").contains("organisation");
    }

    @Test
    void dependentUnitTaxCode() {
        CliRunner r = CliRunner.run("id", "check", "0100109106-001");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("dependent unit").contains("0100109106");
    }

    @Test
    void wrongCheckDigitExitsTwoNamingTheRule() {
        CliRunner r = CliRunner.run("id", "check", "0100109107");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("taxCode").contains("check digit").contains("6");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownProvinceAndWrongLengthExitTwo() {
        CliRunner unknown = CliRunner.run("id", "check", "099203012345");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("province");

        CliRunner shortValue = CliRunner.run("id", "check", "12345");
        assertThat(shortValue.exitCode()).isEqualTo(2);
        assertThat(shortValue.err()).contains("12-digit");
    }

    @Test
    void legacyNineDigitNumber() {
        CliRunner r = CliRunner.run("id", "check", "025123456");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("CMND");
    }

    @Test
    void missingArgumentIsUsageError() {
        CliRunner r = CliRunner.run("id", "check");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("VALUE");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"id", "--help"}, {"id", "check", "--help"},
                {"demo", "--help"}, {"mock-server", "--help"}}) {
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }
}
