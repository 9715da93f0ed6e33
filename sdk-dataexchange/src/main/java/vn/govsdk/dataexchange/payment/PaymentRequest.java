package vn.govsdk.dataexchange.payment;

import java.util.List;

/**
 * A fee payment to start on the portal's payment platform (PP DVCQG) for a dossier.
 *
 * @param reference the partner's unique reference ({@code MaThamChieu})
 * @param amountVnd the amount in whole VND ({@code SoTien}), positive
 * @param description what is paid ({@code ThongTinGiaoDich})
 * @param clientIp the citizen's IP address ({@code Ip})
 * @param dossierCode the dossier ({@code ThongTinBienLai.MaHoSo})
 * @param procedureCode the procedure ({@code ThongTinBienLai.MaTTHC})
 * @param procedureName the procedure name ({@code ThongTinBienLai.TenTTHC})
 * @param unitName the collecting unit's name ({@code ThongTinBienLai.TenDonVi})
 * @param payerName who pays ({@code ThongTinBienLai.HoTenNguoiNop})
 * @param fees the fees ({@code ThongTinBienLai.PhiLePhi}); their sum must equal {@code amountVnd}
 */
public record PaymentRequest(String reference, long amountVnd, String description, String clientIp,
        String dossierCode, String procedureCode, String procedureName, String unitName, String payerName,
        List<ReceiptFee> fees) {

    /** Makes the fee list immutable. */
    public PaymentRequest {
        fees = fees == null ? List.of() : List.copyOf(fees);
    }

    /**
     * One fee on the receipt.
     *
     * @param kind "1" fee (phí) or "2" charge (lệ phí) ({@code LoaiPhiLePhi})
     * @param code {@code MaPhiLePhi}
     * @param name {@code TenPhiLePhi}
     * @param amountVnd {@code SoTien}
     */
    public record ReceiptFee(String kind, String code, String name, long amountVnd) {
    }

    /**
     * Describes the request without the payer's name.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "PaymentRequest[reference=" + reference + ", amountVnd=" + amountVnd + ", dossierCode=" + dossierCode + "]";
    }
}
