package vn.govsdk.testkit.internal;

/** HTML escaping for the admin page. */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for HTML element content and quoted attribute values.
     *
     * @param text the text; null becomes empty
     * @return the escaped text
     */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
