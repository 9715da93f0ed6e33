package vn.govsdk.signing.internal.remote;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes text fit MySign's {@code document_name} and {@code description} rule (raw text from
 * {@code [a-zA-Z0-9_\- ]}): Vietnamese letters lose their diacritics ({@code ế} to {@code e},
 * {@code đ} to {@code d}); any other character outside the set becomes {@code _}.
 */
public final class AsciiNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private AsciiNames() {
    }

    /**
     * Transliterates text.
     *
     * @param text the text
     * @return the ASCII form
     */
    public static String transliterate(String text) {
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || c == ' ';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}
