package vn.govsdk.dataexchange.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment this application started, as recorded in a {@link PaymentStore} before the request left.
 * A callback is accepted only when it matches one: same system, partner, reference, request code,
 * amount and currency, and within the window measured from {@link #createdAt()}.
 *
 * @param system the payment system
 * @param partnerCode this application's partner code ({@code MaDoiTac} / {@code partnerCode})
 * @param reference the partner's reference ({@code MaThamChieu}) or PayGov order id ({@code orderId})
 * @param requestCode PayGov's {@code requestCode}; empty for PP DVCQG, which has none
 * @param amountVnd the amount in whole VND
 * @param currency the currency, {@code VND}
 * @param createdAt when the application started the payment (its clock)
 */
public record StartedPayment(PaymentSystem system, String partnerCode, String reference, String requestCode,
        long amountVnd, String currency, Instant createdAt) {

    /** Checks that no component is null. */
    public StartedPayment {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(partnerCode, "partnerCode");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(requestCode, "requestCode");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Whether another record describes the same payment (all but the creation time equal), as when
     * the application starts the same payment again after a lost answer.
     *
     * @param other the other record
     * @return true when system, partner, reference, request code, amount and currency are equal
     */
    public boolean samePaymentAs(StartedPayment other) {
        return other != null && system == other.system && partnerCode.equals(other.partnerCode)
                && reference.equals(other.reference) && requestCode.equals(other.requestCode)
                && amountVnd == other.amountVnd && currency.equals(other.currency);
    }
}
