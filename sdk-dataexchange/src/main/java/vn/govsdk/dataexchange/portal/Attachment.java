package vn.govsdk.dataexchange.portal;

/**
 * A file submitted with a dossier ({@code TaiLieuNop}).
 *
 * @param id the attachment id ({@code TepDinhKemId})
 * @param name the file name ({@code TenTepDinhKem})
 * @param documentCode the required-document code it answers ({@code MaThanhPhanHoSo}), or {@code null}
 * @param url where the portal can download it ({@code DuongDanTaiTepTin})
 * @param deleted whether the file was withdrawn ({@code IsDeleted})
 */
public record Attachment(String id, String name, String documentCode, String url, boolean deleted) {
}
