package vn.govsdk.core.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the {@code Retry-After} header in both of its forms (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value delta-seconds ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2025 07:28:00 GMT}); may be null
     * @param clock the clock an HTTP date is measured against
     * @return the wait, zero for a date in the past, or empty if the value is absent or malformed
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 9) {
                return Optional.of(Duration.ofSeconds(999_999_999L));
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
