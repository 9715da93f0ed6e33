package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * A citizen's question (hỏi đáp) sent through the portal ({@code LayDanhSachHoiDapGuiTuDVCQG}).
 *
 * @param id the question id ({@code MaCauHoi})
 * @param title {@code TieuDe}
 * @param content {@code NoiDung}
 * @param askedAt {@code NgayGui}, or {@code null}
 */
public record Question(String id, String title, String content, Instant askedAt) {
}
