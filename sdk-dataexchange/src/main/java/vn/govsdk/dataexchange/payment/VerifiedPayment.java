package vn.govsdk.dataexchange.payment;

import java.time.Instant;

/**
 * A payment result whose checksum, partner, time window and uniqueness were verified.
 *
 * @param reference the partner's reference ({@code MaThamChieu})
 * @param transactionId the platform's transaction id ({@code MaGiaoDich})
 * @param amountVnd the amount in whole VND ({@code SoTien})
 * @param currency the currency ({@code MaTienTe})
 * @param bankCode the bank ({@code MaNganHang})
 * @param transactionTime when ({@code ThoiGianGD})
 * @param resultCode the platform's result code ({@code MaLoi}, "00" = paid)
 * @param information the transaction information ({@code ThongTinGiaoDich})
 */
public record VerifiedPayment(String reference, String transactionId, long amountVnd, String currency,
        String bankCode, Instant transactionTime, String resultCode, String information) {

    /**
     * Whether the citizen paid.
     *
     * @return true when {@code MaLoi} is "00"
     */
    public boolean succeeded() {
        return "00".equals(resultCode);
    }
}
