package vn.govsdk.dataexchange.portal;

/**
 * A document issued as the result of a dossier ({@code DanhSachGiayToKetQua}).
 *
 * @param name the document name ({@code TenGiayTo})
 * @param documentCode the document code ({@code MaThanhPhanHoSo}), or {@code null}
 * @param id the document id ({@code GiayToId})
 * @param url where the portal can download it ({@code DuongDanTepTinKetQua})
 */
public record ResultDocument(String name, String documentCode, String id, String url) {
}
