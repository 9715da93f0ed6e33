package vn.govsdk.core.id;

import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A tax code (mã số thuế, MST), validated on construction; immutable and thread-safe. Three forms
 * exist, told apart by shape (see {@link Kind}):
 * <ul>
 *   <li>10 digits, the last a check digit: an organisation, such as {@code 0100109106};</li>
 *   <li>13 as {@code NNNNNNNNNN-NNN}: a dependent unit or branch, the 10-digit code of its head
 *       organisation (check digit verified) and a 3-digit suffix (not checksummed). The hyphen is part
 *       of the code and is required: 13 digits without it are refused rather than guessed at;</li>
 *   <li>12 digits: a personal tax code, which since 1 July 2025 is the person's citizen ID
 *       (Circular 86/2024/TT-BTC), validated as a {@link CitizenId}. It has no check digit.</li>
 * </ul>
 *
 * <p>The check digit: with weights {@code W = 31,29,23,19,17,13,7,5,3} over digits 1–9 and
 * {@code S = Σ dᵢ·Wᵢ}, digit 10 must be {@code 10 − (S mod 11)}. When {@code S mod 11} is 0 the
 * formula gives 10, which is not a digit; sources disagree on what then holds, so the SDK lets the
 * caller choose with {@link CheckDigitRule}. The default, {@link CheckDigitRule#REJECT}, refuses such
 * codes, because the tax authority does not issue numbers whose check would be 10;
 * {@link CheckDigitRule#ZERO} accepts check digit 0 in that case, for data seen in the wild that was
 * produced that way. (Another variant in circulation, {@code (11 − r) mod 11}, is wrong and not
 * offered: it rejects real codes such as {@code 0100109106}.)
 *
 * <p>Refused with {@link InvalidInputException} (field {@code taxCode}) with a message naming the
 * rule, for example {@code taxCode check digit must be 6 (weights 31,29,23,19,17,13,7,5,3;
 * 10 - S mod 11), got 7}. Surrounding whitespace is ignored; nothing else is normalised.
 * {@link #toString()} is masked.
 */
public final class TaxCode {

    private static final String FIELD = "taxCode";
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final String WEIGHTS_TEXT = "weights 31,29,23,19,17,13,7,5,3";

    /** The form of a tax code, told apart by its shape. */
    public enum Kind {

        /**
         * 10 digits with a check digit: an organisation (tổ chức), such as an enterprise. Individuals
         * and household businesses registered before 1 July 2025 also received 10-digit codes of the
         * same shape, which this kind cannot tell apart from an organisation's.
         */
        ORGANISATION,

        /**
         * 13 characters as {@code NNNNNNNNNN-NNN}: a dependent unit or branch (đơn vị phụ thuộc, chi
         * nhánh) of the organisation whose 10-digit code comes first. That head code's check digit is
         * verified; the 3-digit suffix is not checksummed.
         */
        DEPENDENT_UNIT,

        /** 12 digits: a personal tax code, which is the person's citizen ID (CCCD). */
        PERSONAL
    }

    /**
     * What to do when a 10-digit head code's weighted sum {@code S} is divisible by 11, so that the
     * check-digit formula {@code 10 − (S mod 11)} gives 10.
     */
    public enum CheckDigitRule {

        /**
         * Refuse the code: no valid check digit exists. The default, since the tax authority does not
         * issue numbers whose check would be 10.
         */
        REJECT,

        /**
         * Accept check digit 0, that is {@code (10 − S mod 11) mod 10}: for data seen in the wild that
         * was generated this way.
         */
        ZERO
    }

    private final String value;
    private final Kind kind;
    private final CitizenId citizenId;

    private TaxCode(String value, Kind kind, CitizenId citizenId) {
        this.value = value;
        this.kind = kind;
        this.citizenId = citizenId;
    }

    /**
     * Parses and validates a tax code under {@link CheckDigitRule#REJECT}.
     *
     * @param value {@code NNNNNNNNNN}, {@code NNNNNNNNNN-NNN} or 12 digits
     * @return the tax code
     * @throws InvalidInputException naming {@code taxCode} and the rule broken
     */
    public static TaxCode of(String value) {
        return of(value, CheckDigitRule.REJECT);
    }

    /**
     * Parses and validates a tax code.
     *
     * @param value {@code NNNNNNNNNN}, {@code NNNNNNNNNN-NNN} or 12 digits
     * @param rule what to do when the check-digit formula gives 10
     * @return the tax code
     * @throws InvalidInputException naming {@code taxCode} and the rule broken
     * @throws NullPointerException if {@code rule} is null
     */
    public static TaxCode of(String value, CheckDigitRule rule) {
        Objects.requireNonNull(rule, "rule");
        String s = Digits.stripped(FIELD, value);
        int hyphen = s.indexOf('-');
        if (hyphen >= 0) {
            if (hyphen != 10 || s.length() != 14 || !Digits.allAscii(s.substring(0, 10))
                    || !Digits.allAscii(s.substring(11))) {
                throw new InvalidInputException(FIELD,
                        "with a hyphen must be a dependent-unit code NNNNNNNNNN-NNN (10 digits, hyphen, 3 digits)");
            }
            checkHead(s.substring(0, 10), rule);
            return new TaxCode(s, Kind.DEPENDENT_UNIT, null);
        }
        if (!Digits.allAscii(s)) {
            throw new InvalidInputException(FIELD,
                    "must contain only digits, and one hyphen in the dependent-unit form NNNNNNNNNN-NNN");
        }
        switch (s.length()) {
            case 10:
                checkHead(s, rule);
                return new TaxCode(s, Kind.ORGANISATION, null);
            case 12:
                try {
                    return new TaxCode(s, Kind.PERSONAL, CitizenId.of(s));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(FIELD,
                            "of 12 digits must be a valid citizen ID (personal tax code): " + e.rule());
                }
            case 13:
                throw new InvalidInputException(FIELD,
                        "of 13 digits must be written with its hyphen as NNNNNNNNNN-NNN (dependent unit), got 13 digits without it");
            default:
                throw new InvalidInputException(FIELD, "must be 10 digits (organisation), 13 as NNNNNNNNNN-NNN "
                        + "(dependent unit) or 12 digits (personal), got " + s.length() + " digits");
        }
    }

    private static void checkHead(String head, CheckDigitRule rule) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (head.charAt(i) - '0') * WEIGHTS[i];
        }
        int expected = 10 - sum % 11;
        int actual = head.charAt(9) - '0';
        if (expected == 10) {
            if (rule == CheckDigitRule.REJECT) {
                throw new InvalidInputException(FIELD, "check digit cannot be valid: S mod 11 is 0, so 10 - S mod 11 "
                        + "is 10 (" + WEIGHTS_TEXT + "), which CheckDigitRule.REJECT refuses "
                        + "(CheckDigitRule.ZERO would accept check digit 0)");
            }
            if (actual != 0) {
                throw new InvalidInputException(FIELD, "check digit must be 0 (" + WEIGHTS_TEXT
                        + "; 10 - S mod 11 is 10, read as 0 under CheckDigitRule.ZERO), got " + actual);
            }
            return;
        }
        if (actual != expected) {
            throw new InvalidInputException(FIELD, "check digit must be " + expected + " (" + WEIGHTS_TEXT
                    + "; 10 - S mod 11), got " + actual);
        }
    }

    /**
     * Tells whether a value is a valid tax code under {@link CheckDigitRule#REJECT}.
     *
     * @param value the candidate; may be null
     * @return true if {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        return isValid(value, CheckDigitRule.REJECT);
    }

    /**
     * Tells whether a value is a valid tax code under the given rule.
     *
     * @param value the candidate; may be null
     * @param rule what to do when the check-digit formula gives 10
     * @return true if {@link #of(String, CheckDigitRule)} would accept it
     * @throws NullPointerException if {@code rule} is null
     */
    public static boolean isValid(String value, CheckDigitRule rule) {
        Objects.requireNonNull(rule, "rule");
        try {
            of(value, rule);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Returns the code as written, without surrounding whitespace, with the hyphen of a dependent
     * unit's code. A personal tax code is a citizen ID: do not log it.
     *
     * @return the 10, 12 or 14 characters
     */
    public String value() {
        return value;
    }

    /**
     * Returns the form of this code.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the code of the taxpayer as a whole: the 10-digit code of the organisation for
     * {@link Kind#ORGANISATION} and {@link Kind#DEPENDENT_UNIT} (for {@code 0100109106-001},
     * {@code 0100109106}), and the whole 12 digits for {@link Kind#PERSONAL}.
     *
     * @return the head code
     */
    public String headCode() {
        return kind == Kind.DEPENDENT_UNIT ? value.substring(0, 10) : value;
    }

    /**
     * Returns the 3-digit suffix of a dependent unit's code ({@code 001} for
     * {@code 0100109106-001}).
     *
     * @return the suffix for {@link Kind#DEPENDENT_UNIT}, empty otherwise
     */
    public Optional<String> branchSuffix() {
        return kind == Kind.DEPENDENT_UNIT ? Optional.of(value.substring(11)) : Optional.empty();
    }

    /**
     * Returns the citizen ID a personal tax code is.
     *
     * @return the citizen ID for {@link Kind#PERSONAL}, empty otherwise
     */
    public Optional<CitizenId> citizenId() {
        return Optional.ofNullable(citizenId);
    }

    /**
     * Compares by value.
     *
     * @param o the other object
     * @return true if {@code o} is a tax code written the same way
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof TaxCode other && value.equals(other.value));
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
     * {@code TaxCode[010*****06]}.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "TaxCode[" + PersonalDataMasker.maskIdentifier(value) + "]";
    }
}
