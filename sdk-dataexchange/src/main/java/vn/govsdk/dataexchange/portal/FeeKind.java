package vn.govsdk.dataexchange.portal;

/** Kind of a fee ({@code LoaiPhiLePhi}): a fee (phí, "1") or a charge (lệ phí, "2"). */
public enum FeeKind {
    /** "1", phí: a fee for a service. */
    FEE("1"),
    /** "2", lệ phí: a state charge. */
    CHARGE("2");

    private final String code;

    FeeKind(String code) {
        this.code = code;
    }

    /**
     * Returns the wire code.
     *
     * @return "1" or "2"
     */
    public String code() {
        return code;
    }
}
