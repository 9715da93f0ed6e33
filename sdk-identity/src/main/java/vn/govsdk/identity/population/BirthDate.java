package vn.govsdk.identity.population;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;

/**
 * A birth date (ngày tháng năm sinh) as the population database knows it: either a full date or,
 * for citizens whose registration records only the year, a year alone. Immutable.
 *
 * <p>On the wire a full date is {@code <NgayThangNam>yyyyMMdd</NgayThangNam>} and a year alone
 * {@code <Nam>yyyy</Nam>}, both inside {@code NgayThangNamSinh}.
 */
public final class BirthDate {

    private final int year;
    private final LocalDate date;

    private BirthDate(int year, LocalDate date) {
        this.year = year;
        this.date = date;
    }

    /**
     * A full birth date.
     *
     * @param date the date; not null, year between 1800 and 2399
     * @return the birth date
     * @throws InvalidInputException naming {@code birthDate} when the date is null or out of range
     */
    public static BirthDate of(LocalDate date) {
        if (date == null) {
            throw new InvalidInputException("birthDate", "must not be null");
        }
        checkYear(date.getYear());
        return new BirthDate(date.getYear(), date);
    }

    /**
     * A birth year alone.
     *
     * @param year the year, between 1800 and 2399
     * @return the birth date
     * @throws InvalidInputException naming {@code birthDate} when the year is out of range
     */
    public static BirthDate ofYear(int year) {
        checkYear(year);
        return new BirthDate(year, null);
    }

    /**
     * Parses {@code yyyy-MM-dd} (a full date) or {@code yyyy} (a year alone).
     *
     * @param text the text
     * @return the birth date
     * @throws InvalidInputException naming {@code birthDate} when the text is neither form
     */
    public static BirthDate parse(String text) {
        if (text == null) {
            throw new InvalidInputException("birthDate", "must not be null");
        }
        String s = text.strip();
        if (s.matches("[0-9]{4}")) {
            return ofYear(Integer.parseInt(s));
        }
        if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            try {
                return of(LocalDate.parse(s));
            } catch (DateTimeException e) {
                throw new InvalidInputException("birthDate", "must be a real calendar date, got " + s);
            }
        }
        throw new InvalidInputException("birthDate", "must be yyyy-MM-dd (a full date) or yyyy (a year alone)");
    }

    private static void checkYear(int year) {
        if (year < 1800 || year > 2399) {
            throw new InvalidInputException("birthDate", "year must be between 1800 and 2399, got " + year);
        }
    }

    /**
     * Returns the birth year.
     *
     * @return the year
     */
    public int year() {
        return year;
    }

    /**
     * Returns the full date, when known.
     *
     * @return the date, or empty for a year alone
     */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /**
     * Tells whether only the year is known.
     *
     * @return true for a year alone
     */
    public boolean isYearOnly() {
        return date == null;
    }

    /**
     * Returns the ISO form: {@code yyyy-MM-dd} or {@code yyyy}. This is personal data: do not log it.
     *
     * @return the text
     */
    public String isoText() {
        return date != null ? date.toString() : Year.of(year).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BirthDate b && b.year == year && java.util.Objects.equals(b.date, date);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(year, date);
    }

    /**
     * Masks the date: only the century is shown, for example {@code BirthDate[19**]}.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "BirthDate[" + (year / 100) + "**" + (date == null ? ", year only" : "") + "]";
    }
}
