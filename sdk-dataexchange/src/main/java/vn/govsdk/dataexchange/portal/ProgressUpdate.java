package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * One processing step of a dossier, reported with {@code CapNhatTienDoHoSoMC}.
 *
 * @param dossierCode the dossier ({@code MaHoSo}, required)
 * @param handler who handled it ({@code NguoiXuLy}, required)
 * @param handlerTitle the handler's title ({@code ChucDanh}), or {@code null}
 * @param handledAt when ({@code ThoiDiemXuLy}, required)
 * @param department the department ({@code PhongBanXuLy}), or {@code null}
 * @param content what was done ({@code NoiDungXuLy}, required)
 * @param status the dossier status after the step ({@code TrangThai}, required)
 * @param startedAt when the step started ({@code NgayBatDau}), or {@code null}
 * @param dueAt when the step is due by regulation ({@code NgayKetThucTheoQuyDinh}), or {@code null}; not before {@code startedAt}
 */
public record ProgressUpdate(String dossierCode, String handler, String handlerTitle, Instant handledAt,
        String department, String content, DossierStatus status, Instant startedAt, Instant dueAt) {

    /**
     * A progress step with the required values only.
     *
     * @param dossierCode the dossier
     * @param handler who handled it
     * @param handledAt when
     * @param content what was done
     * @param status the status after the step
     * @return the update
     */
    public static ProgressUpdate of(String dossierCode, String handler, Instant handledAt, String content,
            DossierStatus status) {
        return new ProgressUpdate(dossierCode, handler, null, handledAt, null, content, status, null, null);
    }
}
