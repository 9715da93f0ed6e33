package vn.govsdk.dataexchange.internal.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact format of every callback field, checked before the checksum. The PayGov checksum joins
 * its fields without a separator, so only fixed formats keep a field's digits from moving into its
 * neighbour; the PP DVCQG checksum joins with {@code |}, which no field may contain. The one place the
 * formats are written down.
 */
public final class CallbackFormats {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}";
    private static final String AMOUNT = "[1-9][0-9]{0,17}";
    private static final String TIME = "[0-9]{14}";
    private static final String RESULT = "[0-9]{2}";
    private static final String TRANSACTION = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** Printable text without {@code |} and without control characters. */
    private static final String TEXT = "[^|\\p{Cntrl}\\p{Cf}]{0,500}";
    private static final String ASCII_TEXT = "[\\x20-\\x7B\\x7D\\x7E]{0,500}";

    /** PayGov confirmation callback: field to format; {@code null}-able fields are marked optional. */
    public static final Map<String, Rule> PAYGOV = rules(
            "orderId", required("[A-Za-z0-9][A-Za-z0-9._/-]{0,150}-01"),
            "errorCode", required(RESULT),
            "amount", required(AMOUNT),
            "orderInfo", optional(ASCII_TEXT),
            "requestCode", required(CODE),
            "transactionNo", required(TRANSACTION),
            "payDate", optional(TIME),
            "paygate", optional("[A-Za-z0-9._-]{0,50}"),
            "type", optional("[A-Za-z0-9._-]{0,20}"),
            "transactionCode", optional("[A-Za-z0-9._-]{0,64}"));

    /** PP DVCQG result callback. */
    public static final Map<String, Rule> PP = rules(
            "LoaiBanTin", required("[A-Za-z_]{1,20}"),
            "MaLoi", required(RESULT),
            "MaDoiTac", required(CODE),
            "MaThamChieu", required("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}"),
            "SoTien", required(AMOUNT),
            "MaTienTe", required("[A-Z]{3}"),
            "MaGiaoDich", required(TRANSACTION),
            "MaNganHang", optional("[A-Za-z0-9._-]{0,20}"),
            "ThoiGianGD", required(TIME),
            "ThongTinGiaoDich", optional(TEXT));

    private CallbackFormats() {
    }

    /**
     * One field's format.
     *
     * @param pattern the exact format
     * @param required whether the field must be present and non-empty
     */
    public record Rule(Pattern pattern, boolean required) {
    }

    private static Rule required(String regex) {
        return new Rule(Pattern.compile(regex), true);
    }

    private static Rule optional(String regex) {
        return new Rule(Pattern.compile(regex), false);
    }

    private static Map<String, Rule> rules(Object... pairs) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Rule) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Finds the first field that breaks its format.
     *
     * @param fields the received fields (null for absent)
     * @param rules the formats
     * @return a description naming the field and the rule, or empty when every field is well formed
     */
    public static Optional<String> firstViolation(Map<String, String> fields, Map<String, Rule> rules) {
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            String v = fields.get(e.getKey());
            if (v == null || v.isEmpty()) {
                if (e.getValue().required()) {
                    return Optional.of(e.getKey() + " is missing");
                }
                continue;
            }
            if (!e.getValue().pattern().matcher(v).matches()) {
                return Optional.of(e.getKey() + " does not match " + e.getValue().pattern().pattern());
            }
        }
        return Optional.empty();
    }
}
