package vn.govsdk.dataexchange.portal;

/** Who files a dossier ({@code LoaiDoiTuong}): a citizen ("1") or a business ("2"). */
public enum ApplicantType {
    /** "1": a citizen, identified by a 12-digit citizen ID (CCCD). */
    CITIZEN("1"),
    /** "2": a business or organisation, identified by its tax code (MST). */
    BUSINESS("2");

    private final String code;

    ApplicantType(String code) {
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
