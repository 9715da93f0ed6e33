package vn.govsdk.core.id;

/**
 * Gender (giới tính) as recorded in the population database and encoded in a citizen ID (CCCD):
 * the law provides two values.
 */
public enum Gender {

    /** Male (nam): even century-gender digit in a citizen ID. */
    MALE("Nam"),

    /** Female (nữ): odd century-gender digit in a citizen ID. */
    FEMALE("Nữ");

    private final String vietnameseLabel;

    Gender(String vietnameseLabel) {
        this.vietnameseLabel = vietnameseLabel;
    }

    /**
     * Returns the Vietnamese label printed on identity documents and forms.
     *
     * @return {@code "Nam"} or {@code "Nữ"}
     */
    public String vietnameseLabel() {
        return vietnameseLabel;
    }
}
