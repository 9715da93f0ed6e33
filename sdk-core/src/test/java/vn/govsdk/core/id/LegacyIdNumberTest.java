package vn.govsdk.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.govsdk.core.InvalidInputException;

class LegacyIdNumberTest {

    @Test
    void nineDigitsAreAccepted() {
        LegacyIdNumber id = LegacyIdNumber.of("025123456");
        assertThat(id.value()).isEqualTo("025123456");
        assertThat(LegacyIdNumber.of(" 025123456\t").value()).isEqualTo("025123456");
        assertThat(LegacyIdNumber.isValid("025123456")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL           | must not be null",
        "''             | must not be blank",
        "'   '          | must not be blank",
        "02512345       | must be 9 digits, got 8",
        "0251234567     | must be 9 digits, got 10",
        "079203012345   | must be 9 digits, got 12",
        "02512345x      | must contain only digits",
        "025 123 456    | must contain only digits",
        "-25123456      | must contain only digits"
    })
    void badValuesAreRefusedNamingFieldAndRule(String value, String rule) {
        assertThatThrownBy(() -> LegacyIdNumber.of(value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("legacyIdNumber");
                    assertThat(e.rule()).isEqualTo(rule);
                });
        assertThat(LegacyIdNumber.isValid(value)).isFalse();
    }

    @Test
    void toStringIsMasked() {
        assertThat(LegacyIdNumber.of("025123456")).hasToString("LegacyIdNumber[025****56]");
    }

    @Test
    void equalityIsByValue() {
        LegacyIdNumber a = LegacyIdNumber.of("025123456");
        assertThat(a).isEqualTo(LegacyIdNumber.of("025123456 ")).hasSameHashCodeAs(LegacyIdNumber.of("025123456"));
        assertThat(a).isNotEqualTo(LegacyIdNumber.of("025123457")).isNotEqualTo("025123456");
    }
}
