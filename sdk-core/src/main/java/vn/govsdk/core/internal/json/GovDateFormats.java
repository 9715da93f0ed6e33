package vn.govsdk.core.internal.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.govsdk.core.ResponseDecodingException;

/**
 * The date forms Vietnamese government systems exchange, all in Vietnam local time
 * ({@code Asia/Ho_Chi_Minh}, UTC+7, no daylight saving): {@code yyyyMMdd} (VNeID birth dates, the
 * population database), {@code yyyyMMddHHmmss} (the public-service portal's timestamps) and
 * {@code dd/MM/yyyy} (forms and some JSON APIs). Parsing is strict: {@code 20250230} is refused.
 *
 * <p>In Jackson types mapped with {@link GovJson}, which parses dates strictly, write the year as
 * {@code uuuu} ({@code yyyy} means year-of-era, which strict parsing cannot resolve without an era):
 * {@code @JsonFormat(pattern = "uuuuMMdd") LocalDate}, and for a zoned type give the zone,
 * {@code @JsonFormat(pattern = "uuuuMMddHHmmss", timezone = "Asia/Ho_Chi_Minh") ZonedDateTime}.
 */
public final class GovDateFormats {

    /** Vietnam local time, {@code Asia/Ho_Chi_Minh}. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** {@code yyyyMMdd}, strict. */
    public static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** {@code yyyyMMddHHmmss}, strict, in Vietnam time. */
    public static final DateTimeFormatter BASIC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT).withZone(VIETNAM);

    /** {@code dd/MM/yyyy}, strict. */
    public static final DateTimeFormatter SLASH_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private GovDateFormats() {
    }

    /**
     * Parses a {@code yyyyMMdd} date.
     *
     * @param field the field name, for the error message
     * @param value the text
     * @return the date
     * @throws ResponseDecodingException naming the field if the text is not such a date
     */
    public static LocalDate parseBasicDate(String field, String value) {
        try {
            return LocalDate.parse(value, BASIC_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "yyyyMMdd");
        }
    }

    /**
     * Parses a {@code yyyyMMddHHmmss} timestamp in Vietnam time.
     *
     * @param field the field name, for the error message
     * @param value the text
     * @return the instant
     * @throws ResponseDecodingException naming the field if the text is not such a timestamp
     */
    public static Instant parseBasicDateTime(String field, String value) {
        try {
            return LocalDateTime.parse(value, BASIC_DATE_TIME).atZone(VIETNAM).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "yyyyMMddHHmmss");
        }
    }

    /**
     * Parses a {@code dd/MM/yyyy} date.
     *
     * @param field the field name, for the error message
     * @param value the text
     * @return the date
     * @throws ResponseDecodingException naming the field if the text is not such a date
     */
    public static LocalDate parseSlashDate(String field, String value) {
        try {
            return LocalDate.parse(value, SLASH_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "dd/MM/yyyy");
        }
    }

    /**
     * Formats an instant as {@code yyyyMMddHHmmss} in Vietnam time.
     *
     * @param instant the instant
     * @return the text
     */
    public static String formatBasicDateTime(Instant instant) {
        return BASIC_DATE_TIME.format(ZonedDateTime.ofInstant(instant, VIETNAM));
    }

    private static ResponseDecodingException invalid(String field, String pattern) {
        return new ResponseDecodingException(field + " must be a date of the form " + pattern, null);
    }
}
