package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.data.SyntheticData;
import vn.govsdk.testkit.gateway.SyntheticCompanies;

class BusinessLookupTourTest {

    @Test
    void businessStepLooksUpTheCompanyAndShowsTheRepresentativeMasked() {
        CliRunner r = CliRunner.run("demo", "--step", "business", "--seed", "42");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        SyntheticCompanies.Company company = new SyntheticCompanies(SyntheticData.of(42)).company(42);
        assertThat(r.out()).contains("tour complete: 1 step passed")
                .contains(company.name())
                .contains("refused before any request")
                .contains("DM_")
                .doesNotContain(company.representative().fullName())
                .doesNotContain(company.taxCode());
    }
}
