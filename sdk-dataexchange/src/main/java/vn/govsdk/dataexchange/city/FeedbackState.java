package vn.govsdk.dataexchange.city;

/** Where a hotline 1022 report stands. */
public enum FeedbackState {
    /** Received (đã tiếp nhận). */
    RECEIVED("DA_TIEP_NHAN"),
    /** Being handled (đang xử lý). */
    PROCESSING("DANG_XU_LY"),
    /** Handled (đã xử lý). */
    RESOLVED("DA_XU_LY"),
    /** Passed to another body (chuyển đơn vị khác). */
    TRANSFERRED("CHUYEN_DON_VI_KHAC"),
    /** A state this SDK does not know; the raw code is kept in the status. */
    UNKNOWN("");

    private final String code;

    FeedbackState(String code) {
        this.code = code;
    }

    /**
     * Returns the wire code.
     *
     * @return for example {@code DANG_XU_LY}; empty for {@link #UNKNOWN}
     */
    public String code() {
        return code;
    }

    static FeedbackState fromCode(String code) {
        for (FeedbackState s : values()) {
            if (s != UNKNOWN && s.code.equals(code)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
