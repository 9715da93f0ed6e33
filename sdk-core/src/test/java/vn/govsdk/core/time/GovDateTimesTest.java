package vn.govsdk.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.govsdk.core.InvalidInputException;

class GovDateTimesTest {

    @Test
    void vietnamIsAsiaHoChiMinhAtUtcPlus7AllYear() {
        assertThat(GovDateTimes.VIETNAM.getId()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(GovDateTimes.VIETNAM.getRules().getOffset(Instant.parse("2024-01-15T00:00:00Z")))
                .isEqualTo(ZoneOffset.ofHours(7));
        assertThat(GovDateTimes.VIETNAM.getRules().getOffset(Instant.parse("2024-07-15T00:00:00Z")))
                .isEqualTo(ZoneOffset.ofHours(7));
    }

    // ---- yyyyMMddHHmmss ----

    @Test
    void instantIsFormattedInVietnamLocalTime() {
        assertThat(GovDateTimes.formatBasicDateTime(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("20240101070000");
    }

    @Test
    void instantFormattingCrossesTheDateLineIntoVietnam() {
        assertThat(GovDateTimes.formatBasicDateTime(Instant.parse("2023-12-31T17:00:00Z"))).isEqualTo("20240101000000");
        assertThat(GovDateTimes.formatBasicDateTime(Instant.parse("2023-12-31T16:59:59Z"))).isEqualTo("20231231235959");
    }

    @Test
    void fractionsOfASecondAreDropped() {
        assertThat(GovDateTimes.formatBasicDateTime(Instant.parse("2024-01-01T00:00:00.999Z"))).isEqualTo("20240101070000");
    }

    @Test
    void zonedDateTimeIsConvertedToVietnamFirst() {
        ZonedDateTime utc = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(GovDateTimes.formatBasicDateTime(utc)).isEqualTo("20240101070000");
        ZonedDateTime tokyo = ZonedDateTime.of(2024, 1, 1, 9, 30, 15, 0, ZoneId.of("Asia/Tokyo"));
        assertThat(GovDateTimes.formatBasicDateTime(tokyo)).isEqualTo("20240101073015");
        ZonedDateTime hanoi = ZonedDateTime.of(2024, 3, 5, 8, 9, 10, 0, GovDateTimes.VIETNAM);
        assertThat(GovDateTimes.formatBasicDateTime(hanoi)).isEqualTo("20240305080910");
    }

    @Test
    void localDateTimeIsTakenAsVietnamTimeWithoutConversion() {
        assertThat(GovDateTimes.formatBasicDateTime(LocalDateTime.of(2024, 1, 1, 0, 0, 0))).isEqualTo("20240101000000");
        assertThat(GovDateTimes.formatBasicDateTime(LocalDateTime.of(999, 12, 31, 23, 59, 59))).isEqualTo("09991231235959");
    }

    @Test
    void basicDateTimeParsesAsVietnamLocalTime() {
        ZonedDateTime parsed = GovDateTimes.parseBasicDateTime("ThoiGianGD", "20240101070000");
        assertThat(parsed.getZone()).isEqualTo(GovDateTimes.VIETNAM);
        assertThat(parsed.toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 1, 1, 7, 0, 0));
        assertThat(parsed.toInstant()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(GovDateTimes.parseBasicInstant("ThoiGianGD", "20240101070000"))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(GovDateTimes.parseBasicInstant("t", "20240101000000")).isEqualTo(Instant.parse("2023-12-31T17:00:00Z"));
    }

    @Test
    void basicDateTimeRoundTripsOverAYearOfHours() {
        Instant start = Instant.parse("2023-12-31T00:00:00Z");
        for (int h = 0; h < 366 * 24; h += 7) {
            Instant t = start.plusSeconds(h * 3600L + h % 60);
            String text = GovDateTimes.formatBasicDateTime(t);
            assertThat(text).hasSize(14);
            assertThat(GovDateTimes.parseBasicInstant("t", text)).isEqualTo(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230230120000", "20230101240000", "20230101236000", "20230101235960",
            "2023010112000", "202301011200000", "2023-01-01T12:00", "20230101 120000", "+2023010112000"})
    void badBasicDateTimesAreRefused(String text) {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDateTime("ThoiGianGD", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("ThoiGianGD");
                    assertThat(e.rule()).startsWith("must be a date and time in the form yyyyMMddHHmmss, got ");
                });
        assertThatThrownBy(() -> GovDateTimes.parseBasicInstant("ThoiGianGD", text)).isInstanceOf(InvalidInputException.class);
    }

    // ---- yyyyMMdd ----

    @Test
    void basicDateFormatsAndParses() {
        assertThat(GovDateTimes.formatBasicDate(LocalDate.of(2003, 5, 1))).isEqualTo("20030501");
        assertThat(GovDateTimes.formatBasicDate(LocalDate.of(45, 1, 2))).isEqualTo("00450102");
        assertThat(GovDateTimes.parseBasicDate("NgayThangNamSinh", "20030501")).isEqualTo(LocalDate.of(2003, 5, 1));
        assertThat(GovDateTimes.parseBasicDate("d", "20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(GovDateTimes.parseBasicDate("d", "00010101")).isEqualTo(LocalDate.of(1, 1, 1));
    }

    @Test
    void basicDateRoundTripsEveryDayOfTwoYears() {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2025, 1, 1)); d = d.plusDays(1)) {
            assertThat(GovDateTimes.parseBasicDate("d", GovDateTimes.formatBasicDate(d))).isEqualTo(d);
        }
    }

    @Test
    void impossibleDateIsRefusedWithTheExactMessage() {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("NgayThangNamSinh", "20230230"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("NgayThangNamSinh");
                    assertThat(e.rule()).isEqualTo("must be a date in the form yyyyMMdd, got \"20230230\"");
                })
                .hasMessage("NgayThangNamSinh must be a date in the form yyyyMMdd, got \"20230230\"");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20230229", "20231301", "20230001", "20230100", "20230132", "2023011", "202301011",
            "2023-01-01", " 20230101", "20230101 ", "+2023011", "-2023011", "2023O101",
            "\u0662\u0660\u0662\u0663\u0660\u0661\u0660\u0661", "\uff12\uff10\uff12\uff13\uff10\uff11\uff10\uff11"})
    void badBasicDatesAreRefused(String text) {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("dob");
                    assertThat(e.rule()).startsWith("must be a date in the form yyyyMMdd, got ");
                });
    }

    @Test
    void nullTextIsReportedAsNull() {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", null))
                .hasMessage("dob must be a date in the form yyyyMMdd, got null");
    }

    @Test
    void refusedValuesAreMaskedShortenedAndEscapedInMessages() {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", "079203012345"))
                .hasMessage("dob must be a date in the form yyyyMMdd, got \"079*******45\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("079203012345"));
        String huge = "9".repeat(100_000);
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", huge))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120).endsWith("(100000 characters)"));
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", "2023\n0101"))
                .hasMessage("dob must be a date in the form yyyyMMdd, got \"2023\\u000a0101\"");
    }

    @Test
    void refusedValueOfManyShortIdentifiersNeverShowsOneUnmasked() {
        // 40 characters: the cut at 32 falls inside the fourth identifier; it must be masked before the cut.
        String text = "x 079203012345 079203012345 079203012345";
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate("dob", text))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0792030").doesNotContain("2030123"));
    }

    // ---- dd/MM/yyyy ----

    @Test
    void dayMonthYearFormatsAndParses() {
        assertThat(GovDateTimes.formatDayMonthYear(LocalDate.of(2003, 5, 1))).isEqualTo("01/05/2003");
        assertThat(GovDateTimes.parseDayMonthYear("ngaySinh", "01/05/2003")).isEqualTo(LocalDate.of(2003, 5, 1));
        assertThat(GovDateTimes.parseDayMonthYear("ngaySinh", "29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"29/02/2023", "31/04/2024", "1/5/2003", "01-05-2003", "2003/05/01", "01/05/03",
            "01/13/2003", "00/01/2003", "01/05/2003 ", "01/05/20031"})
    void badDayMonthYearIsRefused(String text) {
        assertThatThrownBy(() -> GovDateTimes.parseDayMonthYear("ngaySinh", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("ngaySinh");
                    assertThat(e.rule()).startsWith("must be a date in the form dd/MM/yyyy, got ");
                });
    }

    // ---- yyyy ----

    @Test
    void yearFormatsAndParses() {
        assertThat(GovDateTimes.formatYear(Year.of(2003))).isEqualTo("2003");
        assertThat(GovDateTimes.formatYear(Year.of(999))).isEqualTo("0999");
        assertThat(GovDateTimes.parseYear("Nam", "2003")).isEqualTo(Year.of(2003));
        assertThat(GovDateTimes.parseYear("Nam", "0999")).isEqualTo(Year.of(999));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"203", "20031", "-003", "+203", "2O03", " 2003", "２００３"})
    void badYearIsRefused(String text) {
        assertThatThrownBy(() -> GovDateTimes.parseYear("Nam", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("Nam");
                    assertThat(e.rule()).startsWith("must be a year in the form yyyy, got ");
                });
    }

    // ---- formatting limits and arguments ----

    @Test
    void yearsThatDoNotFitFourDigitsAreRefusedWhenFormatting() {
        assertThatThrownBy(() -> GovDateTimes.formatBasicDate(LocalDate.of(10_000, 1, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("date"))
                .hasMessageContaining("10000");
        assertThatThrownBy(() -> GovDateTimes.formatDayMonthYear(LocalDate.of(-1, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GovDateTimes.formatYear(Year.of(-5))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime(Instant.MAX)).isInstanceOf(InvalidInputException.class);
        // 9999-12-31T20:00Z is already year 10000 in Vietnam.
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime(Instant.parse("9999-12-31T20:00:00Z")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(GovDateTimes.formatBasicDateTime(Instant.parse("9999-12-31T16:59:59Z"))).isEqualTo("99991231235959");
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime(Instant.MIN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("instant"));
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime(LocalDateTime.MAX.atZone(ZoneOffset.MIN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dateTime"));
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime(LocalDateTime.of(10_000, 1, 1, 0, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("vietnamLocalDateTime"));
        // 0000-01-01T00:00 in Vietnam is the first instant that fits.
        assertThat(GovDateTimes.formatBasicDateTime(LocalDateTime.of(0, 1, 1, 0, 0).atZone(GovDateTimes.VIETNAM)))
                .isEqualTo("00000101000000");
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        assertThatThrownBy(() -> GovDateTimes.parseBasicDate(null, "20230101")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GovDateTimes.formatBasicDate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GovDateTimes.formatBasicDateTime((Instant) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> GovDateTimes.formatYear(null)).isInstanceOf(NullPointerException.class);
    }
}
