package vn.govsdk.testkit.data;

/**
 * A household member's relationship to the head of the household (quan hệ với chủ hộ).
 */
public enum Relationship {
    /** The head of the household (chủ hộ). */
    HEAD("Chủ hộ"),
    /** The head's wife or husband (vợ, chồng). */
    SPOUSE("Vợ/Chồng"),
    /** A child of the head (con). */
    CHILD("Con"),
    /** A parent of the head (bố, mẹ). */
    PARENT("Bố/Mẹ");

    private final String vietnameseName;

    Relationship(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    /**
     * Returns the Vietnamese label.
     *
     * @return the label, for example {@code Chủ hộ}
     */
    public String vietnameseName() {
        return vietnameseName;
    }
}
