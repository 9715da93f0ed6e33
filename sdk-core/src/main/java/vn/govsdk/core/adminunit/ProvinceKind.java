package vn.govsdk.core.adminunit;

/**
 * The two kinds of province-level unit (đơn vị hành chính cấp tỉnh).
 */
public enum ProvinceKind {

    /** A centrally-run city (thành phố trực thuộc trung ương), such as Hà Nội or Hồ Chí Minh. */
    CITY("thành phố trực thuộc trung ương"),

    /** A province (tỉnh). */
    PROVINCE("tỉnh");

    private final String vietnameseTerm;

    ProvinceKind(String vietnameseTerm) {
        this.vietnameseTerm = vietnameseTerm;
    }

    /**
     * Returns the Vietnamese legal term for this kind, in lower case as it appears inside a sentence.
     *
     * @return {@code "thành phố trực thuộc trung ương"} or {@code "tỉnh"}
     */
    public String vietnameseTerm() {
        return vietnameseTerm;
    }
}
