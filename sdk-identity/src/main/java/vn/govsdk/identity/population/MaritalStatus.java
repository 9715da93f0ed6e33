package vn.govsdk.identity.population;

/** A marital status (tình trạng hôn nhân), with its provisional wire code (see the contract). */
public enum MaritalStatus {
    /** Never married (chưa kết hôn), code {@code 1}. */
    SINGLE("1", "Chưa kết hôn"),
    /** Married (đã kết hôn), code {@code 2}. */
    MARRIED("2", "Đã kết hôn"),
    /** Divorced (đã ly hôn), code {@code 3}. */
    DIVORCED("3", "Đã ly hôn"),
    /** Widowed (góa), code {@code 4}. */
    WIDOWED("4", "Góa");

    private final String code;
    private final String vietnameseLabel;

    MaritalStatus(String code, String vietnameseLabel) {
        this.code = code;
        this.vietnameseLabel = vietnameseLabel;
    }

    /**
     * Returns the wire code ({@code MaTinhTrang}).
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the Vietnamese label.
     *
     * @return the label
     */
    public String vietnameseLabel() {
        return vietnameseLabel;
    }

    /**
     * Finds a status by wire code.
     *
     * @param code the code
     * @return the status
     * @throws IllegalArgumentException for an unknown code
     */
    public static MaritalStatus fromCode(String code) {
        for (MaritalStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown marital status code");
    }
}
