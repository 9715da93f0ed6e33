package vn.govsdk.core.adminunit;

import vn.govsdk.core.InvalidInputException;

/** Checks and normalisation of province codes, shared by the records and the catalogue. */
final class ProvinceCodes {

    private ProvinceCodes() {
    }

    static void requireTwoDigits(String field, String code) {
        if (code == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        if (code.length() != 2 || !isAsciiDigits(code)) {
            throw new InvalidInputException(field, "must be 2 digits, got " + describe(code));
        }
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
    }

    /**
     * Normalises a lookup code: 2 digits as they are, 3 digits with a leading zero (the citizen-ID
     * form) to their last 2. Anything else is refused, so that a ward code or a typo is not
     * mistaken for an unknown province.
     */
    static String normalise(String field, String code) {
        if (code == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        if (isAsciiDigits(code)) {
            if (code.length() == 2) {
                return code;
            }
            if (code.length() == 3 && code.charAt(0) == '0') {
                return code.substring(1);
            }
        }
        throw new InvalidInputException(field,
                "must be 2 digits, or 3 digits with a leading 0 as in a citizen ID, got " + describe(code));
    }

    static boolean isAsciiDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Describes a refused code without echoing anything long: a longer value may be a personal
     * identifier passed by mistake, and messages never carry personal data.
     */
    private static String describe(String s) {
        return s.length() <= 4 ? "\"" + s + "\"" : s.length() + " characters";
    }
}
