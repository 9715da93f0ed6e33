package vn.govsdk.dataexchange.portal;

/**
 * A fee charged on a dossier ({@code DanhSachLePhi}); amounts are whole Vietnamese đồng.
 *
 * @param name the fee name ({@code TenPhiLePhi})
 * @param code the fee code ({@code MaPhiLePhi}), or {@code null}
 * @param collectionMethod how it is collected ({@code HinhThucThu}), or {@code null}
 * @param amountVnd the amount in VND ({@code Gia}), not negative
 * @param kind fee or charge ({@code LoaiPhiLePhi})
 */
public record DossierFee(String name, String code, String collectionMethod, long amountVnd, FeeKind kind) {
}
