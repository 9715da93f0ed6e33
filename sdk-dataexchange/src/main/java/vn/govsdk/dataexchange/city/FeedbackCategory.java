package vn.govsdk.dataexchange.city;

/** The field (lĩnh vực) of a hotline 1022 report. */
public enum FeedbackCategory {
    /** Urban order (trật tự đô thị). */
    URBAN_ORDER("TTDT"),
    /** Environmental sanitation (vệ sinh môi trường). */
    ENVIRONMENT("VSMT"),
    /** Traffic (giao thông). */
    TRAFFIC("GT"),
    /** Water supply and drainage (cấp thoát nước). */
    WATER("CTN"),
    /** Public lighting (chiếu sáng công cộng). */
    LIGHTING("CSCC"),
    /** Security and order (an ninh trật tự). */
    SECURITY("ANTT"),
    /** Anything else (khác). */
    OTHER("KHAC");

    private final String code;

    FeedbackCategory(String code) {
        this.code = code;
    }

    /**
     * Returns the wire code.
     *
     * @return for example {@code GT}
     */
    public String code() {
        return code;
    }

    /**
     * Finds a category by its wire code.
     *
     * @param code the code
     * @return the category, or {@code null} if unknown
     */
    public static FeedbackCategory fromCode(String code) {
        for (FeedbackCategory c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
