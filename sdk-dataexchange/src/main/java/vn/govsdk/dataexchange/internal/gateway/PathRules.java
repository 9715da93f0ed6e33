package vn.govsdk.dataexchange.internal.gateway;

import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;

/**
 * The rules for the parts of gateway and X-Road paths. Every part is checked before any request:
 * invisible characters copied along with a constant (zero-width space U+200B, byte-order mark,
 * bidirectional marks) and control characters are refused with a message naming the character.
 */
public final class PathRules {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~:@-]+");

    private PathRules() {
    }

    /**
     * Checks one path segment: letters, digits and {@code . _ ~ : @ -}, not {@code .} or {@code ..}.
     *
     * @param field the field name for the error
     * @param value the segment
     * @return the segment
     * @throws InvalidInputException if it breaks the rule
     */
    public static String segment(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        invisible(field, value);
        if (value.equals(".") || value.equals("..") || !SEGMENT.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be one path segment of letters, digits and . _ ~ : @ -"
                    + " (got \"" + value + "\")");
        }
        return value;
    }

    /**
     * Checks a path of one or more segments separated by {@code /}; one leading and one trailing
     * {@code /} are dropped.
     *
     * @param field the field name for the error
     * @param value the path
     * @return the path without leading or trailing slash
     * @throws InvalidInputException if a segment breaks the rule
     */
    public static String path(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        invisible(field, value);
        String p = value.startsWith("/") ? value.substring(1) : value;
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (p.isEmpty()) {
            throw new InvalidInputException(field, "must not be empty");
        }
        for (String s : p.split("/", -1)) {
            segment(field, s);
        }
        return p;
    }

    /**
     * Refuses control and invisible formatting characters anywhere in a value.
     *
     * @param field the field name for the error
     * @param value the value
     * @throws InvalidInputException naming the first such character
     */
    public static void invisible(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || c == '\u00A0' || Character.isWhitespace(c)) {
                throw new InvalidInputException(field, String.format("must not contain the invisible or control "
                        + "character U+%04X at index %d (zero-width characters are often copied along with a constant)",
                        (int) c, i));
            }
        }
    }
}
