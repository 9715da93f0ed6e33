package vn.govsdk.dataexchange.portal;

import java.util.Optional;

/** How a dossier is filed (kênh, {@code KENH}): in person, online or by public postal service. */
public enum Channel {
    /** 1, Trực tiếp: in person at the reception desk. */
    IN_PERSON(1, "Trực tiếp"),
    /** 2, Trực tuyến: online. */
    ONLINE(2, "Trực tuyến"),
    /** 3, Qua bưu chính công ích: through the public postal service. */
    POSTAL(3, "Qua bưu chính công ích");

    private final int code;
    private final String label;

    Channel(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * Returns the portal's {@code KENH} code.
     *
     * @return 1, 2 or 3
     */
    public int code() {
        return code;
    }

    /**
     * Returns the Vietnamese label.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Finds the channel with a code ("02" is 2).
     *
     * @param code the code as sent by the portal
     * @return the channel, or empty for an unknown code
     */
    public static Optional<Channel> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(code.trim());
            for (Channel c : values()) {
                if (c.code == n) {
                    return Optional.of(c);
                }
            }
        } catch (NumberFormatException ignored) {
            // unknown
        }
        return Optional.empty();
    }
}
