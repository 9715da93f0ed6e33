package vn.govsdk.dataexchange.payment;

/**
 * A verified PayGov confirmation.
 *
 * @param orderId {@code orderId}
 * @param errorCode {@code errorCode} ("00" = paid)
 * @param amountVnd {@code amount}
 * @param orderInfo {@code orderInfo}
 * @param requestCode {@code requestCode}
 * @param transactionNo {@code transactionNo}
 * @param payDate {@code payDate} as sent
 * @param paygate {@code paygate}
 */
public record PayGovConfirmation(String orderId, String errorCode, long amountVnd, String orderInfo,
        String requestCode, String transactionNo, String payDate, String paygate) {

    /**
     * Whether the citizen paid.
     *
     * @return true when {@code errorCode} is "00"
     */
    public boolean succeeded() {
        return "00".equals(errorCode);
    }
}
