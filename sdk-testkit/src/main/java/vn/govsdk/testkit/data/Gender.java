package vn.govsdk.testkit.data;

/**
 * The gender (giới tính) of a synthetic person, as encoded in the century/gender digit of a
 * citizen ID.
 */
public enum Gender {
    /** Male (Nam). */
    MALE("Nam"),
    /** Female (Nữ). */
    FEMALE("Nữ");

    private final String vietnameseName;

    Gender(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    /**
     * Returns the Vietnamese word the government systems use.
     *
     * @return {@code Nam} or {@code Nữ}
     */
    public String vietnameseName() {
        return vietnameseName;
    }
}
