package vn.govsdk.dataexchange.internal.payment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The one place where the checksum field orders of the payment platforms are written down.
 * Inputs hold the shared key: never log them.
 */
public final class Checksums {

    /** PP DVCQG init: {@code MaXacThuc} is SHA-256 over these fields joined by {@code |}, then {@code |hash_key}. */
    public static final List<String> PP_INIT_FIELDS = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "SoTien", "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
            "ThongTinGiaoDich", "ThoiGianGD", "Ip");
    /** PP DVCQG result callback. */
    public static final List<String> PP_CALLBACK_FIELDS = List.of("LoaiBanTin", "MaLoi", "MaDoiTac", "MaThamChieu",
            "SoTien", "MaTienTe", "MaGiaoDich", "MaNganHang", "ThoiGianGD", "ThongTinGiaoDich");
    /** PP DVCQG reply to the callback (provisional: no public source gives it). */
    public static final List<String> PP_REPLY_FIELDS = List.of("MaLoi", "MaDoiTac", "MaThamChieu", "ThoiGianGD");
    /** PayGov payment-URL request: concatenated (no separator) after the secret key. */
    public static final List<String> PAYGOV_REQUEST_FIELDS = List.of("accessKey", "partnerCode", "orderId",
            "requestCode", "amount");
    /** PayGov confirmation callback (provisional: no public source gives it). */
    public static final List<String> PAYGOV_CALLBACK_FIELDS = List.of("accessKey", "partnerCode", "orderId",
            "requestCode", "amount", "errorCode", "transactionNo");

    private Checksums() {
    }

    /**
     * {@code sha256_hex(f1|f2|…|fn|key)}; a missing field counts as empty.
     *
     * @param fields the values
     * @param order the field order
     * @param key the shared key
     * @return lowercase hex
     */
    public static String pipeJoined(Map<String, String> fields, List<String> order, String key) {
        StringBuilder sb = new StringBuilder();
        for (String name : order) {
            String v = fields.get(name);
            sb.append(v == null ? "" : v).append('|');
        }
        sb.append(key);
        return sha256Hex(sb.toString());
    }

    /**
     * {@code sha256_hex(key + f1 + … + fn)}.
     *
     * @param key the secret key
     * @param fields the values
     * @param order the order
     * @return lowercase hex
     */
    public static String concatenated(String key, Map<String, String> fields, List<String> order) {
        StringBuilder sb = new StringBuilder(key);
        for (String name : order) {
            String v = fields.get(name);
            sb.append(v == null ? "" : v);
        }
        return sha256Hex(sb.toString());
    }

    /**
     * Lowercase hex SHA-256 of UTF-8 text.
     *
     * @param text the text
     * @return 64 hex digits
     */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Compares a received hex checksum with the expected one in constant time (case-insensitive).
     *
     * @param expectedHex lowercase hex
     * @param receivedHex as received, may be null
     * @return whether equal
     */
    public static boolean matches(String expectedHex, String receivedHex) {
        if (receivedHex == null) {
            return false;
        }
        byte[] a = expectedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] b = receivedHex.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Strips Vietnamese diacritics and anything outside printable ASCII ({@code đ} becomes {@code d}).
     *
     * @param text the text
     * @return ASCII text
     */
    public static String toAscii(String text) {
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.replaceAll("[^\\x20-\\x7E]", "");
    }
}
