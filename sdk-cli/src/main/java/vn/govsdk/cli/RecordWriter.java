package vn.govsdk.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes datastore records as CSV (RFC 4180, header from the first record) or JSON Lines. */
final class RecordWriter {

    /** The output formats. */
    enum Format { CSV, JSONL }

    private final Format format;
    private final Writer out;
    private List<String> columns;

    RecordWriter(Format format, Writer out) {
        this.format = format;
        this.out = out;
    }

    void write(Map<String, Object> record) throws IOException {
        if (format == Format.JSONL) {
            StringBuilder b = new StringBuilder(256).append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : record.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                json(b, e.getKey());
                b.append(':');
                Object v = e.getValue();
                if (v == null) {
                    b.append("null");
                } else if (v instanceof Number || v instanceof Boolean) {
                    b.append(v);
                } else {
                    json(b, String.valueOf(v));
                }
            }
            out.write(b.append("}\n").toString());
            return;
        }
        if (columns == null) {
            columns = new ArrayList<>(record.keySet());
            out.write(csvLine(columns));
        }
        List<String> values = new ArrayList<>(columns.size());
        for (String c : columns) {
            Object v = record.get(c);
            values.add(v == null ? "" : String.valueOf(v));
        }
        out.write(csvLine(values));
    }

    private static String csvLine(List<String> values) {
        StringBuilder b = new StringBuilder(256);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = neutraliseFormula(values.get(i));
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append("\r\n").toString();
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]+([.,][0-9]+)?");

    /**
     * A spreadsheet opening the CSV would run a cell that starts with {@code = + - @} (or a tab or
     * carriage return) as a formula; such a value gets a leading apostrophe, as OWASP advises for
     * CSV injection. Plain numbers, negative ones included, are left as they are.
     */
    static String neutraliseFormula(String v) {
        if (v.isEmpty() || NUMBER.matcher(v).matches()) {
            return v;
        }
        char first = v.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + v : v;
    }

    private static void json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
