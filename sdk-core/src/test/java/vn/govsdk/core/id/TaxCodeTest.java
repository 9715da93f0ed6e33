package vn.govsdk.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.TaxCode.CheckDigitRule;
import vn.govsdk.core.id.TaxCode.Kind;

class TaxCodeTest {

    private static final String WEIGHTS = "weights 31,29,23,19,17,13,7,5,3";

    /** S = Σ dᵢ·Wᵢ over digits 1–9, computed here independently of the code under test. */
    private static int weightedSum(String digits) {
        int[] w = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += Character.digit(digits.charAt(i), 10) * w[i];
        }
        return s;
    }

    private static void assertRefused(String value, CheckDigitRule rule, String expectedRule) {
        assertThatThrownBy(() -> TaxCode.of(value, rule))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("taxCode");
                    assertThat(e.rule()).isEqualTo(expectedRule);
                });
        assertThat(TaxCode.isValid(value, rule)).isFalse();
    }

    @Test
    void testVectorsHaveTheSumsOfTheDomainBrief() {
        assertThat(weightedSum("0100109106")).isEqualTo(114);
        assertThat(weightedSum("0300588569")).isEqualTo(375);
        assertThat(weightedSum("0100109040") % 11).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100109106", "0300588569"})
    void knownOrganisationCodesAreValid(String value) {
        TaxCode code = TaxCode.of(value);
        assertThat(code.value()).isEqualTo(value);
        assertThat(code.kind()).isEqualTo(Kind.ORGANISATION);
        assertThat(code.headCode()).isEqualTo(value);
        assertThat(code.branchSuffix()).isEmpty();
        assertThat(code.citizenId()).isEmpty();
        assertThat(TaxCode.isValid(value)).isTrue();
        assertThat(TaxCode.isValid(value, CheckDigitRule.ZERO)).isTrue();
    }

    @Test
    void wrongCheckDigitIsRefusedNamingTheRule() {
        assertRefused("0100109107", CheckDigitRule.REJECT, "check digit must be 6 (" + WEIGHTS + "; 10 - S mod 11), got 7");
        assertRefused("0100109107", CheckDigitRule.ZERO, "check digit must be 6 (" + WEIGHTS + "; 10 - S mod 11), got 7");
        assertThatThrownBy(() -> TaxCode.of("0100109107"))
                .hasMessage("taxCode check digit must be 6 (weights 31,29,23,19,17,13,7,5,3; 10 - S mod 11), got 7");
    }

    @Test
    void theWrongElevenMinusRemainderVariantIsNotUsed() {
        // (11 - r) % 11 would give 7 for 010010910 (r = 4): the real code ends in 6.
        assertThat((11 - weightedSum("0100109106") % 11) % 11).isEqualTo(7);
        assertThat(TaxCode.isValid("0100109107")).isFalse();
        assertThat(TaxCode.isValid("0100109106")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(CheckDigitRule.class)
    void exactlyOneCheckDigitIsValidWhenTheRemainderIsNotZero(CheckDigitRule rule) {
        for (String head : new String[] {"010010910", "030058856", "123456789", "987654320"}) {
            assertThat(weightedSum(head + "0") % 11).as("remainder for %s", head).isNotZero();
            int valid = 0;
            for (int d = 0; d <= 9; d++) {
                if (TaxCode.isValid(head + d, rule)) {
                    valid++;
                    assertThat(d).isEqualTo(10 - weightedSum(head + d) % 11);
                }
            }
            assertThat(valid).as("valid check digits after %s", head).isEqualTo(1);
        }
    }

    @Test
    void remainderZeroIsRefusedUnderRejectForEveryDigit() {
        assertThat(weightedSum("987654321") % 11).isZero();
        assertThat(TaxCode.isValid("9876543210")).isFalse();
        assertThat(TaxCode.isValid("9876543210", CheckDigitRule.ZERO)).isTrue();
        for (int d = 0; d <= 9; d++) {
            assertRefused("010010904" + d, CheckDigitRule.REJECT, "check digit cannot be valid: S mod 11 is 0, so "
                    + "10 - S mod 11 is 10 (" + WEIGHTS + "), which CheckDigitRule.REJECT refuses "
                    + "(CheckDigitRule.ZERO would accept check digit 0)");
        }
    }

    @Test
    void remainderZeroAcceptsOnlyDigitZeroUnderZero() {
        TaxCode code = TaxCode.of("0100109040", CheckDigitRule.ZERO);
        assertThat(code.kind()).isEqualTo(Kind.ORGANISATION);
        assertThat(TaxCode.isValid("0100109040", CheckDigitRule.ZERO)).isTrue();
        for (int d = 1; d <= 9; d++) {
            assertRefused("010010904" + d, CheckDigitRule.ZERO, "check digit must be 0 (" + WEIGHTS
                    + "; 10 - S mod 11 is 10, read as 0 under CheckDigitRule.ZERO), got " + d);
        }
    }

    @Test
    void defaultRuleIsReject() {
        assertThat(TaxCode.isValid("0100109040")).isFalse();
        assertThatThrownBy(() -> TaxCode.of("0100109040")).hasMessageContaining("CheckDigitRule.REJECT refuses");
    }

    @Test
    void dependentUnitFormKeepsItsHyphen() {
        TaxCode code = TaxCode.of("0100109106-001");
        assertThat(code.kind()).isEqualTo(Kind.DEPENDENT_UNIT);
        assertThat(code.value()).isEqualTo("0100109106-001");
        assertThat(code.headCode()).isEqualTo("0100109106");
        assertThat(code.branchSuffix()).contains("001");
        assertThat(code.citizenId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100109106-000", "0100109106-999", "0300588569-123"})
    void branchSuffixIsNotChecksummed(String value) {
        assertThat(TaxCode.isValid(value)).isTrue();
    }

    @Test
    void dependentUnitHeadIsChecked() {
        assertRefused("0100109107-001", CheckDigitRule.REJECT, "check digit must be 6 (" + WEIGHTS + "; 10 - S mod 11), got 7");
        assertThat(TaxCode.isValid("0100109040-001")).isFalse();
        assertThat(TaxCode.of("0100109040-001", CheckDigitRule.ZERO).headCode()).isEqualTo("0100109040");
    }

    @Test
    void thirteenDigitsWithoutTheHyphenAreRefusedSayingTheHyphenIsRequired() {
        assertRefused("0100109106001", CheckDigitRule.REJECT,
                "of 13 digits must be written with its hyphen as NNNNNNNNNN-NNN (dependent unit), got 13 digits without it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"010010910-6001", "0100109106-01", "0100109106-0011", "0100109106--001", "0100109106-00a",
            "-0100109106", "0100109106-", "01001O9106-001", "0100109106 -001", "0100109106\u2011001x"})
    void misplacedHyphenIsRefused(String value) {
        assertThatThrownBy(() -> TaxCode.of(value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("taxCode"));
    }

    @Test
    void misplacedHyphenMessageShowsTheForm() {
        assertRefused("010010910-6001", CheckDigitRule.REJECT,
                "with a hyphen must be a dependent-unit code NNNNNNNNNN-NNN (10 digits, hyphen, 3 digits)");
    }

    @Test
    void twelveDigitsAreAPersonalTaxCodeThatIsACitizenId() {
        TaxCode code = TaxCode.of("079203012345");
        assertThat(code.kind()).isEqualTo(Kind.PERSONAL);
        assertThat(code.citizenId()).contains(CitizenId.of("079203012345"));
        assertThat(code.headCode()).isEqualTo("079203012345");
        assertThat(code.branchSuffix()).isEmpty();
    }

    @Test
    void twelveDigitsThatAreNotACitizenIdAreRefusedWithTheCitizenIdRule() {
        assertRefused("099203012345", CheckDigitRule.REJECT,
                "of 12 digits must be a valid citizen ID (personal tax code): province code 099 is not a known "
                        + "birth-registration province");
        assertThatThrownBy(() -> TaxCode.of("079903012345"))
                .hasMessageStartingWith("taxCode of 12 digits must be a valid citizen ID (personal tax code): must not "
                        + "encode a birth year in the future");
    }

    @ParameterizedTest
    @CsvSource({"9, 010010910", "11, 01001091066", "14, 01001091060011", "1, 0"})
    void otherLengthsAreRefusedWithTheAcceptedForms(int length, String value) {
        assertRefused(value, CheckDigitRule.REJECT, "must be 10 digits (organisation), 13 as NNNNNNNNNN-NNN "
                + "(dependent unit) or 12 digits (personal), got " + length + " digits");
    }

    @Test
    void nullBlankAndNonDigitsAreRefused() {
        assertRefused(null, CheckDigitRule.REJECT, "must not be null");
        assertRefused("  ", CheckDigitRule.REJECT, "must not be blank");
        assertRefused("01001O9106", CheckDigitRule.REJECT,
                "must contain only digits, and one hyphen in the dependent-unit form NNNNNNNNNN-NNN");
        assertRefused("0100 109 106", CheckDigitRule.REJECT,
                "must contain only digits, and one hyphen in the dependent-unit form NNNNNNNNNN-NNN");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(TaxCode.of("\t0100109106 ").value()).isEqualTo("0100109106");
        assertThat(TaxCode.of(" 0100109106-001\n").value()).isEqualTo("0100109106-001");
    }

    @Test
    void toStringIsMasked() {
        assertThat(TaxCode.of("0100109106")).hasToString("TaxCode[010*****06]");
        assertThat(TaxCode.of("0100109106-001")).hasToString("TaxCode[010*******-*01]");
        assertThat(TaxCode.of("079203012345")).hasToString("TaxCode[079*******45]");
    }

    @Test
    void errorMessagesNeverCarryTheValue() {
        for (String bad : new String[] {"0100109107", "0100109106001", "099203012345", "01001091066"}) {
            assertThatThrownBy(() -> TaxCode.of(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad));
        }
    }

    @Test
    void equalityIsByValue() {
        TaxCode a = TaxCode.of("0100109106");
        assertThat(a).isEqualTo(TaxCode.of(" 0100109106")).hasSameHashCodeAs(TaxCode.of("0100109106"));
        assertThat(a).isNotEqualTo(TaxCode.of("0100109106-001")).isNotEqualTo(TaxCode.of("0300588569"));
        assertThat(a).isNotEqualTo("0100109106");
        assertThat(TaxCode.of("0100109040", CheckDigitRule.ZERO)).isEqualTo(TaxCode.of("0100109040", CheckDigitRule.ZERO));
    }

    @Test
    void nullRuleIsAProgrammingError() {
        assertThatThrownBy(() -> TaxCode.of("0100109106", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TaxCode.isValid("0100109106", null)).isInstanceOf(NullPointerException.class);
    }
}
