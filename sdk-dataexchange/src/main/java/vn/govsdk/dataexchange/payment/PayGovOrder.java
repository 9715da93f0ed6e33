package vn.govsdk.dataexchange.payment;

/**
 * A payment to request from PayGov (provincial payment gateway, through the data-sharing platform).
 *
 * @param unitCode the unit's portal code; the order id is {@code <unitCode>-<dossierNo>-01}
 * @param dossierNo the dossier number
 * @param amountVnd the amount in whole VND, positive
 * @param orderInfo what is paid; sent accent-stripped ASCII
 * @param requestCode the request code ({@code requestCode}), unique per request
 * @param ipAddress the citizen's IP address
 */
public record PayGovOrder(String unitCode, String dossierNo, long amountVnd, String orderInfo, String requestCode,
        String ipAddress) {

    /**
     * Returns the order id sent to PayGov.
     *
     * @return {@code <unitCode>-<dossierNo>-01}
     */
    public String orderId() {
        return unitCode + "-" + dossierNo + "-01";
    }
}
