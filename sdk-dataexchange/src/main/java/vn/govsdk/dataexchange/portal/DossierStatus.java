package vn.govsdk.dataexchange.portal;

import java.util.Optional;

/**
 * The ten statuses of a dossier (trạng thái hồ sơ) on the national public-service portal, with the
 * codes 1..10 sent as {@code TrangThaiHoSo} / {@code TrangThai}.
 */
public enum DossierStatus {
    /** 1, Mới đăng ký: newly registered. */
    NEW(1, "Mới đăng ký"),
    /** 2, Được tiếp nhận: accepted for processing. */
    ACCEPTED(2, "Được tiếp nhận"),
    /** 3, Không được tiếp nhận: refused at reception. */
    REFUSED(3, "Không được tiếp nhận"),
    /** 4, Đang xử lý: being processed. */
    PROCESSING(4, "Đang xử lý"),
    /** 5, Yêu cầu bổ sung giấy tờ: more documents requested from the applicant. */
    DOCUMENTS_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    /** 6, Yêu cầu thực hiện nghĩa vụ tài chính: fees due. */
    FEES_DUE(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    /** 7, Công dân yêu cầu rút hồ sơ: withdrawn at the citizen's request. */
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    /** 8, Dừng xử lý: processing stopped. */
    STOPPED(8, "Dừng xử lý"),
    /** 9, Đã xử lý xong: processing done. */
    DONE(9, "Đã xử lý xong"),
    /** 10, Đã trả kết quả: result returned to the applicant. */
    RESULT_RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * Returns the portal's numeric code.
     *
     * @return 1..10
     */
    public int code() {
        return code;
    }

    /**
     * Returns the Vietnamese label the portal shows.
     *
     * @return the label, with diacritics
     */
    public String label() {
        return label;
    }

    /**
     * Whether the dossier can no longer change status (refused, withdrawn, stopped, result returned).
     *
     * @return true for a final status
     */
    public boolean isFinal() {
        return this == REFUSED || this == WITHDRAWN || this == STOPPED || this == RESULT_RETURNED;
    }

    /**
     * Finds the status with a code; the code may be a number or a numeric string ("04" is 4).
     *
     * @param code the code as sent by the portal
     * @return the status, or empty for an unknown code
     */
    public static Optional<DossierStatus> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return fromCode(Integer.parseInt(code.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds the status with a code.
     *
     * @param code the code
     * @return the status, or empty for an unknown code
     */
    public static Optional<DossierStatus> fromCode(int code) {
        for (DossierStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
