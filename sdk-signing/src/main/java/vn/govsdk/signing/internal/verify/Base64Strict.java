package vn.govsdk.signing.internal.verify;

import java.util.Base64;

/**
 * Decodes base64 only in its canonical form (white space allowed, unused trailing bits zero, correct
 * padding), so two different texts never decode to the same signature value or digest.
 */
public final class Base64Strict {

    private Base64Strict() {
    }

    /**
     * Decodes standard base64 text.
     *
     * @param text the text, possibly with line breaks
     * @return the bytes
     * @throws IllegalArgumentException if the text is not canonical base64
     */
    public static byte[] decode(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        String compact = sb.toString();
        byte[] b = Base64.getDecoder().decode(compact);
        if (!Base64.getEncoder().encodeToString(b).equals(compact)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return b;
    }

    /**
     * Decodes unpadded base64url text (JWS).
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException if the text is not canonical base64url
     */
    public static byte[] decodeUrl(String text) {
        byte[] b = Base64.getUrlDecoder().decode(text);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(b).equals(text)) {
            throw new IllegalArgumentException("not canonical base64url");
        }
        return b;
    }
}
