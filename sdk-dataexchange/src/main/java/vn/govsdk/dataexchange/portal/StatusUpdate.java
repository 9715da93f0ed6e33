package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * A dossier's new status, reported with {@code DongBoTrangThaiHoSo}.
 *
 * @param dossierCode the dossier ({@code MaHoSo}, required)
 * @param status the new status ({@code TrangThaiHoSo}, required)
 * @param changedAt when it changed ({@code ThoiGianCapNhat}, required)
 * @param note a note ({@code GhiChu}), or {@code null}
 */
public record StatusUpdate(String dossierCode, DossierStatus status, Instant changedAt, String note) {
}
