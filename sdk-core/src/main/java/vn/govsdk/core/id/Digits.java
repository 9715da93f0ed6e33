package vn.govsdk.core.id;

import vn.govsdk.core.InvalidInputException;

/** Shared input checks for the identifier types. */
final class Digits {

    private Digits() {
    }

    /** Strips surrounding whitespace and refuses null or blank input. */
    static String stripped(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        String s = value.strip();
        if (s.isEmpty()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return s;
    }

    /** True if every character is an ASCII digit 0-9 (other Unicode digits do not count). */
    static boolean allAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Strips, then refuses anything but ASCII digits, then anything not exactly {@code length} long. */
    static String exactly(String field, String value, int length) {
        String s = stripped(field, value);
        if (!allAscii(s)) {
            throw new InvalidInputException(field, "must contain only digits");
        }
        if (s.length() != length) {
            throw new InvalidInputException(field, "must be " + length + " digits, got " + s.length());
        }
        return s;
    }
}
