package vn.govsdk.dataexchange.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the members of national registry answers, tolerating absent and unknown members. */
public final class RegistryMapper {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private RegistryMapper() {
    }

    /**
     * The {@code data} member when present and not null, else the node itself.
     *
     * @param root the answer
     * @return the data node
     */
    public static JsonNode data(JsonNode root) {
        JsonNode data = root.get("data");
        return data == null || data.isNull() ? root : data;
    }

    /**
     * Text of the first of the named members that has a non-blank value.
     *
     * @param node the object
     * @param names the member names, in order of preference
     * @return the text, or {@code null}
     */
    public static String text(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    /**
     * The values of a member in an object, or in each object of an array.
     *
     * @param node an object or an array of objects
     * @param name the member
     * @return the non-blank values
     */
    public static List<String> texts(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                String t = text(n, name);
                if (t != null) {
                    out.add(t);
                }
            });
        } else {
            String t = text(node, name);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A date as {@code yyyy-MM-dd}, {@code dd/MM/yyyy} or an ISO date-time with offset.
     *
     * @param text the text, or {@code null}
     * @return the date, or {@code null} when absent or unreadable
     */
    public static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10 && text.charAt(2) == '/') {
                return LocalDate.parse(text, VN_DATE);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.length() > 10 && text.charAt(10) == 'T') {
                try {
                    return OffsetDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException e) {
                    return LocalDate.parse(text.substring(0, 10));
                }
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
