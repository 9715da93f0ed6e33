package vn.govsdk.core.id;

import vn.govsdk.core.InvalidInputException;

/**
 * A number identifying a person: either the 12-digit personal identification number
 * ({@link CitizenId}, CCCD) or the legacy 9-digit identity card number ({@link LegacyIdNumber},
 * CMND). Systems such as the population database and the public-service portal accept both in one
 * field ({@code SoCMND}); {@link #parse(String)} tells them apart by length.
 *
 * <p>The interface is sealed, so a {@code switch} or {@code instanceof} chain over the two kinds is
 * exhaustive.
 */
public sealed interface PersonalIdentifier permits CitizenId, LegacyIdNumber {

    /**
     * Parses a personal identifier, choosing the kind by length: 12 digits give a {@link CitizenId},
     * 9 digits a {@link LegacyIdNumber}. Surrounding whitespace is ignored. The chosen kind's own
     * rules apply in full (a 12-digit value with an unknown province code is refused), with errors
     * reported under the field name {@code personalId}.
     *
     * @param value the 12 or 9 digits
     * @return the identifier
     * @throws InvalidInputException naming {@code personalId} and the rule broken, for example
     *     {@code personalId must be 12 digits (CCCD) or 9 digits (CMND), got 10}
     */
    static PersonalIdentifier parse(String value) {
        String field = "personalId";
        String s = Digits.stripped(field, value);
        if (!Digits.allAscii(s)) {
            throw new InvalidInputException(field, "must contain only digits");
        }
        try {
            switch (s.length()) {
                case 12:
                    return CitizenId.of(s);
                case 9:
                    return LegacyIdNumber.of(s);
                default:
                    throw new InvalidInputException(field,
                            "must be 12 digits (CCCD) or 9 digits (CMND), got " + s.length());
            }
        } catch (InvalidInputException e) {
            if (e.field().equals(field)) {
                throw e;
            }
            throw new InvalidInputException(field, e.rule());
        }
    }

    /**
     * Returns the digits, without surrounding whitespace. This is a full personal identifier: do not
     * log it.
     *
     * @return the 12 or 9 digits
     */
    String value();
}
