package vn.govsdk.identity.population;

/** A detail the population database compares in a verification (xác thực thông tin công dân). */
public enum VerifiedField {
    /** The full name, element {@code HoVaTen}. */
    FULL_NAME("HoVaTen"),
    /** The birth date, element {@code NgayThangNamSinh}. */
    BIRTH_DATE("NgayThangNamSinh");

    private final String elementName;

    VerifiedField(String elementName) {
        this.elementName = elementName;
    }

    /**
     * Returns the element this field is sent and reported in.
     *
     * @return the element's local name
     */
    public String elementName() {
        return elementName;
    }
}
