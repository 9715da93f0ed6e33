package vn.govsdk.dataexchange.payment;

/** The payment systems whose payments a {@link PaymentStore} records. */
public enum PaymentSystem {
    /** The public-service portal's payment platform (nền tảng thanh toán, PP DVCQG). */
    PP_DVCQG,
    /** PayGov, the provincial payment gateway behind the data-sharing platform. */
    PAYGOV
}
