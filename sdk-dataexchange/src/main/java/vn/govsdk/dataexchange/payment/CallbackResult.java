package vn.govsdk.dataexchange.payment;

import java.util.Optional;

/**
 * The outcome of verifying a PP DVCQG callback, with the reply to send back.
 *
 * @param payment the verified payment, present only when accepted
 * @param rejection why it was refused, present only when refused
 * @param replyJson the reply body ({@code MaLoi} "00" accepted or "99" refused, {@code MoTaLoi},
 *                  {@code MaDoiTac}, {@code MaThamChieu}, {@code ThoiGianGD}, {@code MaXacThuc}); send it as
 *                  {@code application/json}
 */
public record CallbackResult(Optional<VerifiedPayment> payment, Optional<CallbackRejection> rejection,
        String replyJson) {

    /**
     * Whether the callback was accepted.
     *
     * @return true when verified
     */
    public boolean accepted() {
        return payment.isPresent();
    }
}
