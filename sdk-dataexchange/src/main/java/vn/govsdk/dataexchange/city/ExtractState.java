package vn.govsdk.dataexchange.city;

/** Where an extract request stands. */
public enum ExtractState {
    /** Received (đã tiếp nhận). */
    RECEIVED("DA_TIEP_NHAN"),
    /** Being processed (đang xử lý). */
    PROCESSING("DANG_XU_LY"),
    /** The extract is ready (đã có kết quả). */
    COMPLETED("DA_CO_KET_QUA"),
    /** Refused (từ chối); the reason says why. */
    REJECTED("TU_CHOI"),
    /** A state this SDK does not know; the raw code is kept in the status. */
    UNKNOWN("");

    private final String code;

    ExtractState(String code) {
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

    /**
     * Tells whether the request is finished (completed or rejected).
     *
     * @return {@code true} for {@link #COMPLETED} and {@link #REJECTED}
     */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }

    static ExtractState fromCode(String code) {
        for (ExtractState s : values()) {
            if (s != UNKNOWN && s.code.equals(code)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
