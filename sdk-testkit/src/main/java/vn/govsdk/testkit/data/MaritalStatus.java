package vn.govsdk.testkit.data;

/**
 * The marital status (tình trạng hôn nhân) of a synthetic person, consistent with the person's age
 * and household.
 */
public enum MaritalStatus {
    /** Never married (chưa kết hôn). */
    SINGLE("Chưa kết hôn"),
    /** Married (đã kết hôn). */
    MARRIED("Đã kết hôn"),
    /** Divorced (đã ly hôn). */
    DIVORCED("Đã ly hôn"),
    /** Widowed (góa). */
    WIDOWED("Góa");

    private final String vietnameseName;

    MaritalStatus(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    /**
     * Returns the Vietnamese label.
     *
     * @return the label, for example {@code Đã kết hôn}
     */
    public String vietnameseName() {
        return vietnameseName;
    }
}
