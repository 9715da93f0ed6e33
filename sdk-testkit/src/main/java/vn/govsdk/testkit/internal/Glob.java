package vn.govsdk.testkit.internal;

import java.util.regex.Pattern;

/** Compiles path globs: {@code *} within a segment, {@code **} across segments, {@code ?} one character. */
public final class Glob {
    private Glob() {
    }

    /**
     * Compiles a glob to a regular expression matching whole paths.
     *
     * @param glob the glob
     * @return the pattern
     */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                if (c == '?') {
                    regex.append("[^/]");
                } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^/]*");
                }
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
