package vn.govsdk.core.id;

import java.time.Clock;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.adminunit.AdministrativeUnits;
import vn.govsdk.core.adminunit.FormerProvince;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.core.time.GovDateTimes;

/**
 * A personal identification number (số định danh cá nhân), the 12 digits printed on the
 * citizen identity card (căn cước công dân, CCCD) and used by the population database, VNeID and,
 * since 1 July 2025, as the personal tax code. Validated on construction; immutable and thread-safe.
 *
 * <p>Structure (Decree 137/2015/NĐ-CP Art. 13, Circular 07/2016/TT-BCA): {@code PPP G YY NNNNNN}.
 * <ul>
 *   <li>{@code PPP}: the province of <em>birth registration</em>, as {@code 0} plus the 2-digit code
 *       of one of the 63 provinces in force before 1 July 2025 ({@code 079} Hồ Chí Minh,
 *       {@code 074} Bình Dương). The 2025 merger did not change existing numbers, so the code is
 *       always read in the earlier list: {@link #birthProvince()} returns a {@link FormerProvince}, and
 *       {@link AdministrativeUnits#successorOf(FormerProvince)} gives today's province.</li>
 *   <li>{@code G}: century and gender: 0/1 born 1900–1999, 2/3 2000–2099, 4/5 2100–2199,
 *       6/7 2200–2299, 8/9 2300–2399 (the 24th century; some published parsers wrongly read 8/9 as
 *       the 1800s); even for male, odd for female.</li>
 *   <li>{@code YY}: the last two digits of the birth year.</li>
 *   <li>{@code NNNNNN}: a random serial. There is no check digit, so a well-formed number may still
 *       not have been issued; only the population database can say.</li>
 * </ul>
 *
 * <p>Refused with {@link InvalidInputException} (field {@code citizenId}): null or blank, any
 * character other than the ASCII digits 0–9, a length other than 12, a province code outside the
 * 63-province list, and a birth year after the current year in Vietnam. Surrounding whitespace (as
 * removed by {@link String#strip()}) is ignored; nothing else is normalised.
 *
 * <p>Citizens whose birth was registered abroad carry a country code in {@code PPP} instead; the
 * code table for countries is not public, so such numbers are refused as having an unknown province
 * code. Accept them as plain strings if your system must handle them.
 *
 * <p>{@link #toString()} masks the number ({@code CitizenId[079*******45]}); use {@link #value()}
 * only where the full number must be sent.
 */
public final class CitizenId implements PersonalIdentifier {

    static final String FIELD = "citizenId";
    private static final int LENGTH = 12;

    private final String value;
    private final FormerProvince birthProvince;

    private CitizenId(String value, FormerProvince birthProvince) {
        this.value = value;
        this.birthProvince = birthProvince;
    }

    /**
     * Parses and validates a citizen ID, judging "birth year in the future" by the system clock in
     * Vietnam.
     *
     * @param value the 12 digits, for example {@code "079203012345"}
     * @return the citizen ID
     * @throws InvalidInputException naming {@code citizenId} and the rule broken
     */
    public static CitizenId of(String value) {
        return of(value, Clock.systemUTC());
    }

    /**
     * Parses and validates a citizen ID, judging "birth year in the future" by the given clock, read
     * in Vietnam's time zone ({@link GovDateTimes#VIETNAM}) whatever the clock's own zone.
     *
     * @param value the 12 digits, for example {@code "079203012345"}
     * @param clock the clock giving the current year
     * @return the citizen ID
     * @throws InvalidInputException naming {@code citizenId} and the rule broken
     * @throws NullPointerException if {@code clock} is null
     */
    public static CitizenId of(String value, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String digits = Digits.exactly(FIELD, value, LENGTH);
        String provinceCode = digits.substring(0, 3);
        FormerProvince province = provinceCode.charAt(0) == '0'
                ? AdministrativeUnits.formerProvince(provinceCode).orElse(null)
                : null;
        if (province == null) {
            throw new InvalidInputException(FIELD,
                    "province code " + provinceCode + " is not a known birth-registration province");
        }
        int currentYear = clock.instant().atZone(GovDateTimes.VIETNAM).getYear();
        if (birthYear(digits) > currentYear) {
            throw new InvalidInputException(FIELD, "must not encode a birth year in the future (after "
                    + currentYear + " in " + GovDateTimes.VIETNAM + ")");
        }
        return new CitizenId(digits, province);
    }

    /**
     * Tells whether a value is a valid citizen ID, by the rules of {@link #of(String)}.
     *
     * @param value the candidate; may be null
     * @return true if {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        try {
            of(value);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Returns the 12 digits, without surrounding whitespace. This is the full personal identifier:
     * do not log it.
     *
     * @return the 12 digits
     */
    @Override
    public String value() {
        return value;
    }

    /**
     * Returns the province where the birth was registered, from the 63-province list in force before
     * 1 July 2025 ({@code 074} gives Bình Dương, now part of Hồ Chí Minh).
     *
     * @return the birth-registration province
     */
    public FormerProvince birthProvince() {
        return birthProvince;
    }

    /**
     * Returns the gender encoded in the century-gender digit (even male, odd female).
     *
     * @return the gender
     */
    public Gender gender() {
        return centuryGenderDigit(value) % 2 == 0 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * Returns the birth year, from the century-gender digit and the two year digits:
     * {@code 079203012345} gives 2003.
     *
     * @return the birth year, between 1900 and 2399
     */
    public int birthYear() {
        return birthYear(value);
    }

    /**
     * Returns the century of birth, counted the usual way: 20 for 1900–1999, 21 for 2000–2099, up
     * to 24 for 2300–2399.
     *
     * @return the century, between 20 and 24
     */
    public int century() {
        return 20 + centuryGenderDigit(value) / 2;
    }

    private static int centuryGenderDigit(String digits) {
        return digits.charAt(3) - '0';
    }

    private static int birthYear(String digits) {
        int yy = (digits.charAt(4) - '0') * 10 + (digits.charAt(5) - '0');
        return 1900 + 100 * (centuryGenderDigit(digits) / 2) + yy;
    }

    /**
     * Compares by value.
     *
     * @param o the other object
     * @return true if {@code o} is a citizen ID with the same digits
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CitizenId other && value.equals(other.value));
    }

    /**
     * Returns a hash of the value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * Returns a masked form safe for logs, keeping the first 3 and last 2 digits:
     * {@code CitizenId[079*******45]}.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "CitizenId[" + PersonalDataMasker.maskIdentifier(value) + "]";
    }
}
