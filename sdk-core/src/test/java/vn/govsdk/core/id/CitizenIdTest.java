package vn.govsdk.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.adminunit.AdministrativeUnits;
import vn.govsdk.core.adminunit.FormerProvince;

class CitizenIdTest {

    /** Mid-2025 in Vietnam. */
    private static final Clock CLOCK_2025 = Clock.fixed(Instant.parse("2025-06-15T03:00:00Z"), ZoneOffset.UTC);

    /** Late in the 24th century, so that every century-gender digit is in the past. */
    private static final Clock CLOCK_2399 = Clock.fixed(Instant.parse("2399-12-31T00:00:00Z"), ZoneOffset.UTC);

    private static void assertRefused(String value, Clock clock, String rule) {
        assertThatThrownBy(() -> CitizenId.of(value, clock))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("citizenId");
                    assertThat(e.rule()).isEqualTo(rule);
                });
    }

    @Test
    void decodesProvinceGenderCenturyAndBirthYear() {
        CitizenId id = CitizenId.of("079203012345", CLOCK_2025);
        assertThat(id.value()).isEqualTo("079203012345");
        assertThat(id.birthProvince().code()).isEqualTo("79");
        assertThat(id.birthProvince().name()).isEqualTo("Hồ Chí Minh");
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(id.birthYear()).isEqualTo(2003);
        assertThat(id.century()).isEqualTo(21);

        CitizenId female = CitizenId.of("001185000001", CLOCK_2025);
        assertThat(female.birthProvince().name()).isEqualTo("Hà Nội");
        assertThat(female.gender()).isEqualTo(Gender.FEMALE);
        assertThat(female.birthYear()).isEqualTo(1985);
        assertThat(female.century()).isEqualTo(20);
    }

    @ParameterizedTest(name = "digit {0}: {1} {2}, century {3}")
    @CsvSource({
        "0, MALE,   1999, 20",
        "1, FEMALE, 1999, 20",
        "2, MALE,   2099, 21",
        "3, FEMALE, 2099, 21",
        "4, MALE,   2199, 22",
        "5, FEMALE, 2199, 22",
        "6, MALE,   2299, 23",
        "7, FEMALE, 2299, 23",
        "8, MALE,   2399, 24",
        "9, FEMALE, 2399, 24"
    })
    void centuryGenderDigitFollowsTheLegalTable(int digit, Gender gender, int year, int century) {
        CitizenId id = CitizenId.of("079" + digit + "99123456", CLOCK_2399);
        assertThat(id.gender()).isEqualTo(gender);
        assertThat(id.birthYear()).isEqualTo(year);
        assertThat(id.century()).isEqualTo(century);
    }

    @Test
    void digitsEightAndNineAreThe24thCenturyNotThe19th() {
        CitizenId id = CitizenId.of("079800123456", CLOCK_2399);
        assertThat(id.birthYear()).isEqualTo(2300);
        assertThat(id.century()).isEqualTo(24);
        // ... and so, today, such a number encodes a birth year in the future.
        assertRefused("079800123456", CLOCK_2025, "must not encode a birth year in the future (after 2025 in Asia/Ho_Chi_Minh)");
    }

    @Test
    void birthProvinceUsesTheEarlierListAndMapsToTheCurrentOne() {
        CitizenId id = CitizenId.of("074090000123", CLOCK_2025);
        assertThat(id.birthProvince().name()).isEqualTo("Bình Dương");
        assertThat(AdministrativeUnits.successorOf(id.birthProvince()).name()).isEqualTo("Hồ Chí Minh");
        // 010 is Lào Cai in the earlier list (now part of Lào Cai 15); not a current code, still valid here.
        assertThat(CitizenId.of("010090000123", CLOCK_2025).birthProvince().name()).isEqualTo("Lào Cai");
    }

    @Test
    void everyOneOfThe63ProvinceCodesIsAcceptedAndNoOtherCodeIs() {
        Set<String> known = new HashSet<>();
        for (FormerProvince p : AdministrativeUnits.formerProvinces()) {
            known.add("0" + p.code());
            CitizenId id = CitizenId.of("0" + p.code() + "095000001", CLOCK_2025);
            assertThat(id.birthProvince()).isEqualTo(p);
        }
        assertThat(known).hasSize(63);
        for (int code = 0; code < 1000; code++) {
            String ppp = String.format("%03d", code);
            if (!known.contains(ppp)) {
                assertRefused(ppp + "095000001", CLOCK_2025,
                        "province code " + ppp + " is not a known birth-registration province");
            }
        }
    }

    @Test
    void unknownProvinceCodeIsRefusedWithTheCode() {
        assertRefused("099203012345", CLOCK_2025, "province code 099 is not a known birth-registration province");
        assertRefused("179203012345", CLOCK_2025, "province code 179 is not a known birth-registration province");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(CitizenId.of(" \t079203012345\n ", CLOCK_2025).value()).isEqualTo("079203012345");
    }

    @Test
    void nullAndBlankAreRefused() {
        assertRefused(null, CLOCK_2025, "must not be null");
        assertRefused("", CLOCK_2025, "must not be blank");
        assertRefused(" \t ", CLOCK_2025, "must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07920301234a", "079 203 012 345", "079-203-012-345", "+79203012345", "07920301234.",
            "\uff10\uff17\uff19203012345", "\u0660\u0667\u0669203012345"})
    void nonDigitsAreRefused(String value) {
        assertRefused(value, CLOCK_2025, "must contain only digits");
    }

    @Test
    void wrongLengthIsRefusedWithTheLength() {
        assertRefused("07920301234", CLOCK_2025, "must be 12 digits, got 11");
        assertRefused("0792030123456", CLOCK_2025, "must be 12 digits, got 13");
        assertRefused("025123456", CLOCK_2025, "must be 12 digits, got 9");
        assertThatThrownBy(() -> CitizenId.of("07920301234", CLOCK_2025)).hasMessage("citizenId must be 12 digits, got 11");
    }

    @Test
    void birthYearInTheFutureIsRefusedByTheGivenClock() {
        assertThat(CitizenId.of("079225000001", CLOCK_2025).birthYear()).isEqualTo(2025);
        assertRefused("079226000001", CLOCK_2025, "must not encode a birth year in the future (after 2025 in Asia/Ho_Chi_Minh)");
        Clock clock2026 = Clock.offset(CLOCK_2025, java.time.Duration.ofDays(365));
        assertThat(CitizenId.of("079226000001", clock2026).birthYear()).isEqualTo(2026);
    }

    @Test
    void theYearChangesAtMidnightInVietnamNotInTheClocksZone() {
        Instant lastSecondOf2025InVietnam = Instant.parse("2025-12-31T16:59:59Z");
        Instant firstSecondOf2026InVietnam = Instant.parse("2025-12-31T17:00:00Z");
        assertRefused("079326000001", Clock.fixed(lastSecondOf2025InVietnam, ZoneOffset.UTC),
                "must not encode a birth year in the future (after 2025 in Asia/Ho_Chi_Minh)");
        assertThat(CitizenId.of("079326000001", Clock.fixed(firstSecondOf2026InVietnam, ZoneOffset.UTC)).birthYear())
                .isEqualTo(2026);
        // A clock in New York, where it is still 31 December 2025, makes no difference.
        assertThat(CitizenId.of("079326000001",
                Clock.fixed(firstSecondOf2026InVietnam, ZoneId.of("America/New_York"))).gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void systemClockOverloadAcceptsAPastBirthYear() {
        assertThat(CitizenId.of("079203012345").birthYear()).isEqualTo(2003);
        assertThat(CitizenId.isValid("079203012345")).isTrue();
    }

    @Test
    void isValidMirrorsOf() {
        assertThat(CitizenId.isValid(null)).isFalse();
        assertThat(CitizenId.isValid("")).isFalse();
        assertThat(CitizenId.isValid("07920301234")).isFalse();
        assertThat(CitizenId.isValid("099203012345")).isFalse();
        assertThat(CitizenId.isValid("079903012345")).isFalse();
        assertThat(CitizenId.isValid(" 079203012345 ")).isTrue();
    }

    @Test
    void errorMessagesNeverCarryTheValue() {
        for (String bad : new String[] {"07920301234x", "0792030123456", "099203012345", "079903012345"}) {
            assertThatThrownBy(() -> CitizenId.of(bad, CLOCK_2025))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad).doesNotContain(bad.substring(3, 10)));
        }
    }

    @Test
    void toStringIsMasked() {
        CitizenId id = CitizenId.of("079203012345", CLOCK_2025);
        assertThat(id).hasToString("CitizenId[079*******45]");
        assertThat(id.toString()).doesNotContain("079203012345");
    }

    @Test
    void equalityIsByValue() {
        CitizenId a = CitizenId.of("079203012345", CLOCK_2025);
        CitizenId b = CitizenId.of(" 079203012345", CLOCK_2025);
        CitizenId c = CitizenId.of("079203012346", CLOCK_2025);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a).isNotEqualTo("079203012345");
        assertThat(a.equals(null)).isFalse();
    }

    @Test
    void nullClockIsAProgrammingError() {
        assertThatThrownBy(() -> CitizenId.of("079203012345", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void genderHasVietnameseLabels() {
        assertThat(Gender.MALE.vietnameseLabel()).isEqualTo("Nam");
        assertThat(Gender.FEMALE.vietnameseLabel()).isEqualTo("Nữ");
    }
}
