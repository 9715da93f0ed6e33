package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * A citizen's rating of how a dossier was handled, synced with {@code DongBoDanhGia}.
 *
 * @param dossierCode the dossier ({@code MaHoSo})
 * @param score 1 (worst) to 5 (best) ({@code DiemDanhGia})
 * @param comment the comment ({@code NoiDung}), or {@code null}
 * @param ratedAt when ({@code NgayDanhGia})
 */
public record Rating(String dossierCode, int score, String comment, Instant ratedAt) {
}
