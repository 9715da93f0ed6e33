package vn.govsdk.testkit.data;

import java.util.Objects;

/**
 * A province (tỉnh, thành phố) by its two-digit national statistical code and name. Birth provinces
 * use the 63 codes in force before 1 July 2025 (citizen IDs keep them for life); current addresses
 * use the 34 codes in force since then.
 *
 * @param code the two-digit code, for example {@code 79}
 * @param name the name with diacritics, for example {@code Hồ Chí Minh}
 */
public record Province(String code, String name) {

    /**
     * Validates the parts.
     *
     * @param code the two-digit code
     * @param name the name
     */
    public Province {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (code.length() != 2 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
            throw new IllegalArgumentException("code must be 2 digits, got " + code.length() + " characters");
        }
    }

    /**
     * Returns the code as a citizen ID writes it: three digits, zero-padded.
     *
     * @return for example {@code 079}
     */
    public String citizenIdCode() {
        return "0" + code;
    }
}
