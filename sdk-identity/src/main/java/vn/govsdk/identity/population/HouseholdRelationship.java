package vn.govsdk.identity.population;

/** A member's relationship to the head of household (quan hệ với chủ hộ). */
public enum HouseholdRelationship {
    /** The head of household (chủ hộ). */
    HEAD("Chủ hộ"),
    /** The head's spouse (vợ/chồng). */
    SPOUSE("Vợ/Chồng"),
    /** The head's child (con). */
    CHILD("Con"),
    /** The head's parent (bố/mẹ). */
    PARENT("Bố/Mẹ"),
    /** Any other relationship the database reports. */
    OTHER("Khác");

    private final String vietnameseLabel;

    HouseholdRelationship(String vietnameseLabel) {
        this.vietnameseLabel = vietnameseLabel;
    }

    /**
     * Returns the label the database uses.
     *
     * @return the Vietnamese label, for example {@code Chủ hộ}
     */
    public String vietnameseLabel() {
        return vietnameseLabel;
    }

    /**
     * Finds the relationship for a label; unknown labels give {@link #OTHER}.
     *
     * @param label the label as received
     * @return the relationship
     */
    public static HouseholdRelationship fromLabel(String label) {
        for (HouseholdRelationship r : values()) {
            if (r.vietnameseLabel.equalsIgnoreCase(label == null ? "" : label.strip())) {
                return r;
            }
        }
        return OTHER;
    }
}
