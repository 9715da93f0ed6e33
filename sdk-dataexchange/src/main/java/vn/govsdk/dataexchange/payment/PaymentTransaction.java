package vn.govsdk.dataexchange.payment;

import java.net.URI;
import java.time.Instant;

/**
 * A started PP DVCQG transaction.
 *
 * @param reference the partner's reference ({@code MaThamChieu})
 * @param paymentUrl where to send the citizen ({@code UrlThanhToan})
 * @param transactionTime the time sent ({@code ThoiGianGD})
 * @param requestId the correlation id of the call
 */
public record PaymentTransaction(String reference, URI paymentUrl, Instant transactionTime, String requestId) {
}
