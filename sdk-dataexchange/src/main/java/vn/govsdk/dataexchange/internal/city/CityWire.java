package vn.govsdk.dataexchange.internal.city;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import vn.govsdk.core.time.GovDateTimes;

/** Readers for the city dossier system's (iGate) JSON. */
public final class CityWire {

    private static final DateTimeFormatter SPRING = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private CityWire() {
    }

    /**
     * Reads a date-time as iGate writes it ({@code 2025-06-12T09:15:00.000+0700}, ISO with offset, or
     * local ISO taken as Vietnam time), in Vietnam time.
     *
     * @param text the text, may be {@code null} or blank
     * @return the time, or {@code null} when absent or unreadable
     */
    public static ZonedDateTime dateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, SPRING).atZoneSameInstant(GovDateTimes.VIETNAM);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(GovDateTimes.VIETNAM);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).atZone(GovDateTimes.VIETNAM);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads a name that may be a string or an object with a {@code name} member (itself possibly an
     * object with {@code name}).
     *
     * @param node the node, may be {@code null}
     * @return the name, or {@code null}
     */
    public static String name(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : name(node.get(0));
        }
        return node.has("name") ? name(node.get("name")) : null;
    }
}
