package vn.govsdk.core.time;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * The date and time forms Vietnamese government systems exchange, formatted and parsed strictly in
 * Vietnam local time ({@link #VIETNAM}, {@code Asia/Ho_Chi_Minh}, UTC+7 all year):
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><th>form</th><th>example</th><th>seen in</th><th>methods</th></tr>
 *   <tr><td>{@code yyyyMMdd}</td><td>{@code 20030501}</td><td>date of birth ({@code NgayThangNamSinh})</td>
 *       <td>{@link #formatBasicDate}, {@link #parseBasicDate}</td></tr>
 *   <tr><td>{@code yyyyMMddHHmmss}</td><td>{@code 20240101070000}</td>
 *       <td>public-service portal (DVCQG) timestamps such as {@code ThoiGianGD}</td>
 *       <td>{@link #formatBasicDateTime(Instant)}, {@link #parseBasicDateTime}, {@link #parseBasicInstant}</td></tr>
 *   <tr><td>{@code dd/MM/yyyy}</td><td>{@code 01/05/2003}</td><td>forms and documents</td>
 *       <td>{@link #formatDayMonthYear}, {@link #parseDayMonthYear}</td></tr>
 *   <tr><td>{@code yyyy}</td><td>{@code 2003}</td><td>year of birth only (C06 {@code Nam})</td>
 *       <td>{@link #formatYear}, {@link #parseYear}</td></tr>
 * </table>
 *
 * <p>Parsing is strict: exactly the digits of the form (no sign, no surrounding whitespace, no
 * 1-digit day), and a date must exist ({@code 20230230} and {@code 29/02/2023} are refused, hour
 * {@code 24} too). A refused value throws {@link InvalidInputException} naming the caller's field
 * and the expected form; code decoding a response typically wraps it into its own decoding error.
 * Formatting refuses years outside 0000–9999, which the 4-digit forms cannot carry.
 *
 * <p>All methods are static and thread-safe.
 */
public final class GovDateTimes {

    /** Vietnam's time zone, {@code Asia/Ho_Chi_Minh}: UTC+07:00 with no daylight saving time. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String BASIC_DATE_FORM = "yyyyMMdd";
    private static final String BASIC_DATE_TIME_FORM = "yyyyMMddHHmmss";
    private static final String DAY_MONTH_YEAR_FORM = "dd/MM/yyyy";
    private static final String YEAR_FORM = "yyyy";

    private static final Pattern BASIC_DATE_SHAPE = Pattern.compile("[0-9]{8}");
    private static final Pattern BASIC_DATE_TIME_SHAPE = Pattern.compile("[0-9]{14}");
    private static final Pattern DAY_MONTH_YEAR_SHAPE = Pattern.compile("[0-9]{2}/[0-9]{2}/[0-9]{4}");
    private static final Pattern YEAR_SHAPE = Pattern.compile("[0-9]{4}");

    private static final DateTimeFormatter BASIC_DATE = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .appendValue(MONTH_OF_YEAR, 2)
            .appendValue(DAY_OF_MONTH, 2)
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter BASIC_DATE_TIME = new DateTimeFormatterBuilder()
            .appendValue(YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .appendValue(MONTH_OF_YEAR, 2)
            .appendValue(DAY_OF_MONTH, 2)
            .appendValue(HOUR_OF_DAY, 2)
            .appendValue(MINUTE_OF_HOUR, 2)
            .appendValue(SECOND_OF_MINUTE, 2)
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DAY_MONTH_YEAR = new DateTimeFormatterBuilder()
            .appendValue(DAY_OF_MONTH, 2)
            .appendLiteral('/')
            .appendValue(MONTH_OF_YEAR, 2)
            .appendLiteral('/')
            .appendValue(YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Instant FIRST_FORMATTABLE = LocalDateTime.of(0, 1, 1, 0, 0).atZone(VIETNAM).toInstant();
    private static final Instant AFTER_LAST_FORMATTABLE =
            LocalDateTime.of(10_000, 1, 1, 0, 0).atZone(VIETNAM).toInstant();

    private static final int MAX_ECHO = 32;

    private GovDateTimes() {
    }

    // ---- yyyyMMdd ------------------------------------------------------------------------------

    /**
     * Formats a date as {@code yyyyMMdd}, for example {@code 20030501}.
     *
     * @param date the date
     * @return the 8-digit form
     * @throws NullPointerException if {@code date} is null
     * @throws InvalidInputException if the year is outside 0000–9999
     */
    public static String formatBasicDate(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireFourDigitYear("date", date.getYear());
        return BASIC_DATE.format(date);
    }

    /**
     * Parses a date written as {@code yyyyMMdd}.
     *
     * @param field the name of the field being parsed, used in the error message
     * @param text the text, exactly 8 digits
     * @return the date
     * @throws InvalidInputException naming {@code field} if the text is null, not 8 digits, or not a
     *     real date (such as {@code 20230230})
     * @throws NullPointerException if {@code field} is null
     */
    public static LocalDate parseBasicDate(String field, CharSequence text) {
        Objects.requireNonNull(field, "field");
        check(field, text, BASIC_DATE_SHAPE, BASIC_DATE_FORM);
        try {
            return LocalDate.from(BASIC_DATE.parse(text));
        } catch (DateTimeException e) {
            throw refused(field, text, BASIC_DATE_FORM);
        }
    }

    // ---- yyyyMMddHHmmss ------------------------------------------------------------------------

    /**
     * Formats an instant as {@code yyyyMMddHHmmss} in Vietnam local time: the instant
     * {@code 2024-01-01T00:00:00Z} becomes {@code 20240101070000}. Fractions of a second are dropped.
     *
     * @param instant the instant
     * @return the 14-digit form, in Vietnam local time
     * @throws NullPointerException if {@code instant} is null
     * @throws InvalidInputException if the year in Vietnam is outside 0000–9999
     */
    public static String formatBasicDateTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return formatInstant("instant", instant);
    }

    /**
     * Formats a date-time as {@code yyyyMMddHHmmss} in Vietnam local time, converting it from its own
     * zone first: {@code 2024-01-01T00:00Z[UTC]} becomes {@code 20240101070000}. Fractions of a second
     * are dropped.
     *
     * @param dateTime the date-time, in any zone
     * @return the 14-digit form, in Vietnam local time
     * @throws NullPointerException if {@code dateTime} is null
     * @throws InvalidInputException if the year in Vietnam is outside 0000–9999
     */
    public static String formatBasicDateTime(ZonedDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return formatInstant("dateTime", dateTime.toInstant());
    }

    /**
     * Formats a local date-time as {@code yyyyMMddHHmmss}, taking it to be Vietnam local time already
     * (no conversion). Fractions of a second are dropped.
     *
     * @param vietnamLocalDateTime the date-time as read on a clock in Vietnam
     * @return the 14-digit form
     * @throws NullPointerException if {@code vietnamLocalDateTime} is null
     * @throws InvalidInputException if the year is outside 0000–9999
     */
    public static String formatBasicDateTime(LocalDateTime vietnamLocalDateTime) {
        Objects.requireNonNull(vietnamLocalDateTime, "vietnamLocalDateTime");
        return formatVietnamLocal("vietnamLocalDateTime", vietnamLocalDateTime);
    }

    /**
     * Parses a Vietnam local date-time written as {@code yyyyMMddHHmmss}. Use
     * {@link ZonedDateTime#toLocalDateTime()} for the wall-clock value or {@link #parseBasicInstant}
     * for the instant.
     *
     * @param field the name of the field being parsed, used in the error message
     * @param text the text, exactly 14 digits, in Vietnam local time
     * @return the date-time in zone {@link #VIETNAM}
     * @throws InvalidInputException naming {@code field} if the text is null, not 14 digits, or not a
     *     real date and time of day (hour 00–23)
     * @throws NullPointerException if {@code field} is null
     */
    public static ZonedDateTime parseBasicDateTime(String field, CharSequence text) {
        Objects.requireNonNull(field, "field");
        check(field, text, BASIC_DATE_TIME_SHAPE, BASIC_DATE_TIME_FORM);
        try {
            return LocalDateTime.from(BASIC_DATE_TIME.parse(text)).atZone(VIETNAM);
        } catch (DateTimeException e) {
            throw refused(field, text, BASIC_DATE_TIME_FORM);
        }
    }

    /**
     * Parses a Vietnam local date-time written as {@code yyyyMMddHHmmss} to the instant it denotes:
     * {@code 20240101070000} gives {@code 2024-01-01T00:00:00Z}.
     *
     * @param field the name of the field being parsed, used in the error message
     * @param text the text, exactly 14 digits, in Vietnam local time
     * @return the instant
     * @throws InvalidInputException naming {@code field} if the text is refused, as by
     *     {@link #parseBasicDateTime}
     * @throws NullPointerException if {@code field} is null
     */
    public static Instant parseBasicInstant(String field, CharSequence text) {
        return parseBasicDateTime(field, text).toInstant();
    }

    // ---- dd/MM/yyyy ----------------------------------------------------------------------------

    /**
     * Formats a date as {@code dd/MM/yyyy}, the usual written form in Vietnam, for example
     * {@code 01/05/2003}.
     *
     * @param date the date
     * @return the 10-character form
     * @throws NullPointerException if {@code date} is null
     * @throws InvalidInputException if the year is outside 0000–9999
     */
    public static String formatDayMonthYear(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireFourDigitYear("date", date.getYear());
        return DAY_MONTH_YEAR.format(date);
    }

    /**
     * Parses a date written as {@code dd/MM/yyyy}, with 2-digit day and month.
     *
     * @param field the name of the field being parsed, used in the error message
     * @param text the text, for example {@code 01/05/2003} ({@code 1/5/2003} is refused)
     * @return the date
     * @throws InvalidInputException naming {@code field} if the text is null, of another shape, or not
     *     a real date (such as {@code 29/02/2023})
     * @throws NullPointerException if {@code field} is null
     */
    public static LocalDate parseDayMonthYear(String field, CharSequence text) {
        Objects.requireNonNull(field, "field");
        check(field, text, DAY_MONTH_YEAR_SHAPE, DAY_MONTH_YEAR_FORM);
        try {
            return LocalDate.from(DAY_MONTH_YEAR.parse(text));
        } catch (DateTimeException e) {
            throw refused(field, text, DAY_MONTH_YEAR_FORM);
        }
    }

    // ---- yyyy ----------------------------------------------------------------------------------

    /**
     * Formats a year as 4 digits, for example {@code 2003} or {@code 0999}.
     *
     * @param year the year
     * @return the 4-digit form
     * @throws NullPointerException if {@code year} is null
     * @throws InvalidInputException if the year is outside 0000–9999
     */
    public static String formatYear(Year year) {
        Objects.requireNonNull(year, "year");
        requireFourDigitYear("year", year.getValue());
        return String.format("%04d", year.getValue());
    }

    /**
     * Parses a year written as exactly 4 digits.
     *
     * @param field the name of the field being parsed, used in the error message
     * @param text the text, for example {@code 2003}
     * @return the year
     * @throws InvalidInputException naming {@code field} if the text is null or not exactly 4 digits
     * @throws NullPointerException if {@code field} is null
     */
    public static Year parseYear(String field, CharSequence text) {
        Objects.requireNonNull(field, "field");
        check(field, text, YEAR_SHAPE, YEAR_FORM);
        return Year.of(Integer.parseInt(text.toString()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String formatInstant(String field, Instant instant) {
        if (instant.isBefore(FIRST_FORMATTABLE) || !instant.isBefore(AFTER_LAST_FORMATTABLE)) {
            throw new InvalidInputException(field,
                    "must fall in the years 0000 to 9999 in Vietnam to fit a 4-digit year, got " + instant);
        }
        return formatVietnamLocal(field, instant.atZone(VIETNAM).toLocalDateTime());
    }

    private static String formatVietnamLocal(String field, LocalDateTime local) {
        requireFourDigitYear(field, local.getYear());
        return BASIC_DATE_TIME.format(local);
    }

    private static void requireFourDigitYear(String field, int year) {
        if (year < 0 || year > 9999) {
            throw new InvalidInputException(field, "must have a year between 0000 and 9999 to fit a 4-digit year, got " + year);
        }
    }

    private static void check(String field, CharSequence text, Pattern shape, String form) {
        if (text == null || !shape.matcher(text).matches()) {
            throw refused(field, text, form);
        }
    }

    private static InvalidInputException refused(String field, CharSequence text, String form) {
        String what = form.equals(YEAR_FORM) ? "a year" : form.contains("HH") ? "a date and time" : "a date";
        return new InvalidInputException(field, "must be " + what + " in the form " + form + ", got " + echo(text));
    }

    /**
     * Quotes a refused value for the message: masked as personal data, and shortened, so that a
     * hostile or misplaced value neither floods the log nor leaks an identifier.
     */
    private static String echo(CharSequence text) {
        if (text == null) {
            return "null";
        }
        String s = text.toString();
        // Mask a window twice as wide as what is shown, so that no identifier is cut before masking.
        String window = s.length() <= 2 * MAX_ECHO ? s : s.substring(0, 2 * MAX_ECHO);
        String masked = PersonalDataMasker.standard().maskText(window);
        String shown = masked.length() <= MAX_ECHO ? masked : masked.substring(0, MAX_ECHO);
        StringBuilder out = new StringBuilder(shown.length() + 32).append('"');
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        out.append('"');
        if (masked.length() > MAX_ECHO || s.length() > window.length()) {
            out.append("... (").append(s.length()).append(" characters)");
        }
        return out.toString();
    }
}
