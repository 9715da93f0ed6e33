package vn.govsdk.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.govsdk.testkit.data.SyntheticData;

class SyntheticCompaniesTest {

    private static final int[] W = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    @Test
    void taxCodesCarryACorrectCheckDigitAndLeadBackToTheirCompany() {
        SyntheticCompanies companies = new SyntheticCompanies(SyntheticData.of(42));
        for (long i = 0; i < SyntheticCompanies.COUNT; i += 997) {
            String code = companies.company(i).taxCode();
            assertThat(code).matches("[0-9]{10}");
            int s = 0;
            for (int k = 0; k < 9; k++) {
                s += (code.charAt(k) - '0') * W[k];
            }
            assertThat(s % 11).as(code).isNotZero();
            assertThat(code.charAt(9) - '0').as(code).isEqualTo(10 - s % 11);
            assertThat(companies.find(code)).get().isEqualTo(companies.company(i));
        }
    }

    @Test
    void theSeedDecidesTheCompaniesAndUnknownCodesAreNotFound() {
        String a = new SyntheticCompanies(SyntheticData.of(1)).company(5).taxCode();
        String b = new SyntheticCompanies(SyntheticData.of(2)).company(5).taxCode();
        assertThat(a).isNotEqualTo(b);
        assertThat(new SyntheticCompanies(SyntheticData.of(1)).company(5).taxCode()).isEqualTo(a);
        String wrongCheck = a.substring(0, 9) + (char) ('0' + (a.charAt(9) - '0' + 1) % 10);
        assertThat(new SyntheticCompanies(SyntheticData.of(1)).find(wrongCheck)).isEmpty();
        assertThat(new SyntheticCompanies(SyntheticData.of(1)).find("0100109106")).isEmpty();
    }
}
