package vn.govsdk.core.id;

import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A legacy identity card number (chứng minh nhân dân, CMND) of 9 digits. Cards are no longer
 * issued, but the population database (C06) and the public-service portal (DVCQG) still accept the
 * number, in fields such as {@code SoCMND}. Validated on construction; immutable and thread-safe.
 *
 * <p>Only the shape is checked: the number has no check digit, and its leading digits follow an
 * issuing-area numbering of its own that the SDK does not decode. The 12-digit CMND issued from 2012
 * has the citizen-ID structure: parse it as a {@link CitizenId}.
 *
 * <p>Refused with {@link InvalidInputException} (field {@code legacyIdNumber}): null or blank, any
 * character other than the ASCII digits 0–9, and a length other than 9. Surrounding whitespace is
 * ignored. {@link #toString()} is masked.
 */
public final class LegacyIdNumber implements PersonalIdentifier {

    static final String FIELD = "legacyIdNumber";
    private static final int LENGTH = 9;

    private final String value;

    private LegacyIdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and validates a legacy identity card number.
     *
     * @param value the 9 digits, for example {@code "025123456"}
     * @return the number
     * @throws InvalidInputException naming {@code legacyIdNumber} and the rule broken
     */
    public static LegacyIdNumber of(String value) {
        return new LegacyIdNumber(Digits.exactly(FIELD, value, LENGTH));
    }

    /**
     * Tells whether a value is a valid legacy identity card number, by the rules of
     * {@link #of(String)}.
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
     * Returns the 9 digits, without surrounding whitespace. This is a full personal identifier: do
     * not log it.
     *
     * @return the 9 digits
     */
    @Override
    public String value() {
        return value;
    }

    /**
     * Compares by value.
     *
     * @param o the other object
     * @return true if {@code o} is a legacy ID number with the same digits
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof LegacyIdNumber other && value.equals(other.value));
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
     * {@code LegacyIdNumber[025****56]}.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "LegacyIdNumber[" + PersonalDataMasker.maskIdentifier(value) + "]";
    }
}
