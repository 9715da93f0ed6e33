package vn.govsdk.core.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import vn.govsdk.core.InvalidInputException;

/** Validation shared by the credential builders; every failure names the builder field. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required and must not be blank");
        }
        return value;
    }

    /** A header name or value: no line breaks or control characters, which could split the header. */
    static String headerSafe(String value, String field) {
        text(value, field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new InvalidInputException(field, "must not contain control characters or line breaks");
            }
        }
        return value;
    }

    static String headerName(String value, String field) {
        text(value, field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new InvalidInputException(field, "must be an HTTP header name (visible ASCII, no separators), got '"
                        + value + "'");
            }
        }
        return value;
    }

    static URI httpUri(URI uri, String field) {
        required(uri, field);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException(field, "must be an absolute http or https URI with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, "must not carry user information; give credentials separately");
        }
        return uri;
    }

    static Duration nonNegative(Duration value, String field) {
        required(value, field);
        if (value.isNegative()) {
            throw new InvalidInputException(field, "must not be negative");
        }
        return value;
    }
}
