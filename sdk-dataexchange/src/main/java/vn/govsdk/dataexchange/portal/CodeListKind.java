package vn.govsdk.dataexchange.portal;

/** The portal's shared code lists (danh mục) and the service that returns each. */
public enum CodeListKind {
    /** Agencies ({@code LayDanhMucCoQuan}). */
    AGENCIES("LayDanhMucCoQuan"),
    /** Fields ({@code LayDanhMucLinhVuc}). */
    FIELDS("LayDanhMucLinhVuc"),
    /** Provinces ({@code LayDanhMucTinhThanh}). */
    PROVINCES("LayDanhMucTinhThanh"),
    /** Districts ({@code LayDanhMucQuanHuyen}); empty where the district level was abolished (2025). */
    DISTRICTS("LayDanhMucQuanHuyen"),
    /** Wards and communes ({@code LayDanhMucPhuongXa}). */
    WARDS("LayDanhMucPhuongXa"),
    /** Countries ({@code LayDanhMucQuocGia}). */
    COUNTRIES("LayDanhMucQuocGia"),
    /** Ethnic groups ({@code LayDanhMucDanToc}). */
    ETHNIC_GROUPS("LayDanhMucDanToc"),
    /** Religions ({@code LayDanhMucTonGiao}). */
    RELIGIONS("LayDanhMucTonGiao"),
    /** Marital statuses ({@code LayDanhMucTinhTrangHonNhan}). */
    MARITAL_STATUSES("LayDanhMucTinhTrangHonNhan"),
    /** Applicant kinds ({@code LayDanhMucDoiTuong}). */
    APPLICANT_KINDS("LayDanhMucDoiTuong"),
    /** Agency levels ({@code LayDanhMucCapThucHien}). */
    AGENCY_LEVELS("LayDanhMucCapThucHien"),
    /** Legal bases ({@code LayDanhMucCanCuPhapLy}). */
    LEGAL_BASES("LayDanhMucCanCuPhapLy"),
    /** Fees ({@code LayDanhMucLePhi}). */
    FEES("LayDanhMucLePhi"),
    /** Genders ({@code LayDanhMucGioiTinh}). */
    GENDERS("LayDanhMucGioiTinh");

    private final String service;

    CodeListKind(String service) {
        this.service = service;
    }

    /**
     * Returns the portal service name.
     *
     * @return for example {@code LayDanhMucTinhThanh}
     */
    public String service() {
        return service;
    }
}
