package vn.govsdk.dataexchange.city;

/** The kind of civil-registration extract (trích lục hộ tịch). */
public enum ExtractKind {
    /** Birth registration (khai sinh). */
    BIRTH("KHAI_SINH"),
    /** Marriage registration (kết hôn). */
    MARRIAGE("KET_HON"),
    /** Death registration (khai tử). */
    DEATH("KHAI_TU"),
    /** Parent-child recognition (nhận cha, mẹ, con). */
    PARENT_CHILD_RECOGNITION("NHAN_CHA_ME_CON");

    private final String code;

    ExtractKind(String code) {
        this.code = code;
    }

    /**
     * Returns the wire code.
     *
     * @return for example {@code KHAI_SINH}
     */
    public String code() {
        return code;
    }

    /**
     * Finds a kind by its wire code.
     *
     * @param code the code
     * @return the kind, or {@code null} if unknown
     */
    public static ExtractKind fromCode(String code) {
        for (ExtractKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        return null;
    }
}
