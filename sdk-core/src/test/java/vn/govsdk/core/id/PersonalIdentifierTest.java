package vn.govsdk.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.govsdk.core.InvalidInputException;

class PersonalIdentifierTest {

    @Test
    void twelveDigitsGiveACitizenId() {
        PersonalIdentifier id = PersonalIdentifier.parse(" 079203012345 ");
        assertThat(id).isInstanceOf(CitizenId.class).isEqualTo(CitizenId.of("079203012345"));
        assertThat(id.value()).isEqualTo("079203012345");
    }

    @Test
    void nineDigitsGiveALegacyIdNumber() {
        PersonalIdentifier id = PersonalIdentifier.parse("025123456");
        assertThat(id).isInstanceOf(LegacyIdNumber.class).isEqualTo(LegacyIdNumber.of("025123456"));
        assertThat(id.value()).isEqualTo("025123456");
    }

    @Test
    void theTwoKindsAreExhaustive() {
        assertThat(describe(PersonalIdentifier.parse("079203012345"))).isEqualTo("CCCD born 2003");
        assertThat(describe(PersonalIdentifier.parse("025123456"))).isEqualTo("CMND");
    }

    private static String describe(PersonalIdentifier id) {
        if (id instanceof CitizenId c) {
            return "CCCD born " + c.birthYear();
        } else if (id instanceof LegacyIdNumber) {
            return "CMND";
        }
        throw new AssertionError("sealed interface has a third kind: " + id.getClass());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "0792030123     | must be 12 digits (CCCD) or 9 digits (CMND), got 10",
        "02512345       | must be 12 digits (CCCD) or 9 digits (CMND), got 8",
        "0792030123456  | must be 12 digits (CCCD) or 9 digits (CMND), got 13",
        "07920301234a   | must contain only digits",
        "NULL           | must not be null",
        "' '            | must not be blank",
        "099203012345   | province code 099 is not a known birth-registration province",
        "079903012345   | must not encode a birth year in the future"
    })
    void errorsNameThePersonalIdFieldAndTheRule(String value, String rule) {
        assertThatThrownBy(() -> PersonalIdentifier.parse(value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("personalId");
                    assertThat(e.rule()).startsWith(rule);
                });
    }

    @Test
    void lengthErrorMessageReadsAsASentence() {
        assertThatThrownBy(() -> PersonalIdentifier.parse("0792030123"))
                .hasMessage("personalId must be 12 digits (CCCD) or 9 digits (CMND), got 10");
    }
}
