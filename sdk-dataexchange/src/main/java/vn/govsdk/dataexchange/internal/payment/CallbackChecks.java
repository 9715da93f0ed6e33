package vn.govsdk.dataexchange.internal.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.dataexchange.payment.CallbackRejection;
import vn.govsdk.dataexchange.payment.PaymentStore;
import vn.govsdk.dataexchange.payment.PaymentSystem;
import vn.govsdk.dataexchange.payment.ReplayStore;
import vn.govsdk.dataexchange.payment.StartedPayment;

/**
 * What both payment callbacks check once their checksum is verified: the payment this application
 * started (reference, request code, amount, currency), the window measured from that payment's own
 * time, and replays. Also records started payments and logs refusals. Thread-safe.
 */
public final class CallbackChecks {

    private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();

    private final PaymentSystem system;
    private final String partnerCode;
    private final PaymentStore payments;
    private final ReplayStore replays;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final Logger log;

    /**
     * Creates the checks.
     *
     * @param system the payment system
     * @param partnerCode this application's partner code
     * @param payments the store of started payments
     * @param replays the store of accepted callbacks; must keep keys at least {@code maxAge + maxSkew}
     * @param clock the clock
     * @param maxAge how long after the payment started a callback is accepted
     * @param maxSkew how far the callback's own time may lie before the payment's or after now
     * @param log where refusals are logged (WARN)
     * @throws InvalidInputException naming {@code replayStore} when it forgets keys before the window ends
     */
    public CallbackChecks(PaymentSystem system, String partnerCode, PaymentStore payments, ReplayStore replays,
            Clock clock, Duration maxAge, Duration maxSkew, Logger log) {
        if (replays.retention().compareTo(maxAge.plus(maxSkew)) < 0) {
            throw new InvalidInputException("replayStore", "must keep keys at least as long as the window ("
                    + maxAge.plus(maxSkew) + "), it keeps them " + replays.retention());
        }
        this.system = system;
        this.partnerCode = partnerCode;
        this.payments = payments;
        this.replays = replays;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
        this.log = log;
    }

    /**
     * The replay store a verifier uses when none is given: beside the payment store's table when it is
     * one of ours (so a shared payment store shares replay protection too), else in memory.
     *
     * @param payments the payment store
     * @param window the verifier's window ({@code maxAge + maxSkew})
     * @return the replay store
     */
    public static ReplayStore defaultReplayStore(PaymentStore payments, Duration window) {
        if (payments instanceof JdbcPaymentStore jdbc) {
            return jdbc.replayStore(window);
        }
        return ReplayStore.inMemory(100_000, window);
    }

    /**
     * Records a payment about to be started, or finds the same payment recorded by an earlier attempt
     * (the application starting it again after a lost answer).
     *
     * @param payments the store
     * @param p the payment, stamped now
     * @param field the input field naming the reference, for the error
     * @return the recorded payment (the earlier one when it was already recorded)
     * @throws InvalidInputException naming {@code field} when the reference was used for another payment
     */
    public static StartedPayment recordStart(PaymentStore payments, StartedPayment p, String field) {
        if (payments.record(p)) {
            return p;
        }
        StartedPayment earlier = payments.find(p.system(), p.partnerCode(), p.reference()).orElse(null);
        if (earlier == null || !earlier.samePaymentAs(p)) {
            throw new InvalidInputException(field, "was already used for another payment; use a new reference");
        }
        return earlier;
    }

    /**
     * Matches a verified callback against the started payment, the window and the replay store, and
     * records it as seen when every check passes.
     *
     * @param reference the callback's reference
     * @param requestCode the callback's request code, empty for none
     * @param amountVnd the callback's amount
     * @param currency the callback's currency
     * @param transactionId the platform's transaction id
     * @param signedTime the callback's own signed time, or null when it carries none that is signed
     * @return the refusal, or empty when accepted
     */
    public Optional<Refusal> accept(String reference, String requestCode, long amountVnd, String currency,
            String transactionId, Instant signedTime) {
        Optional<StartedPayment> found = payments.find(system, partnerCode, reference);
        if (found.isEmpty()) {
            return Optional.of(new Refusal(CallbackRejection.UNKNOWN_PAYMENT, "no payment with this reference was started here"));
        }
        StartedPayment p = found.get();
        if (!p.requestCode().equals(requestCode)) {
            return Optional.of(new Refusal(CallbackRejection.MISMATCHED_PAYMENT, "request code differs from the payment started"));
        }
        if (p.amountVnd() != amountVnd) {
            return Optional.of(new Refusal(CallbackRejection.MISMATCHED_PAYMENT, "amount " + amountVnd
                    + " differs from the payment started (" + p.amountVnd() + ")"));
        }
        if (!p.currency().equals(currency)) {
            return Optional.of(new Refusal(CallbackRejection.MISMATCHED_PAYMENT, "currency differs from the payment started"));
        }
        Instant now = clock.instant();
        Instant started = p.createdAt();
        if (now.isAfter(started.plus(maxAge)) || now.isBefore(started.minus(maxSkew))) {
            return Optional.of(new Refusal(CallbackRejection.STALE, "the payment was started at " + started
                    + ", outside the window of " + maxAge));
        }
        if (signedTime != null && (signedTime.isBefore(started.minus(maxSkew)) || signedTime.isAfter(now.plus(maxSkew))
                || signedTime.isBefore(now.minus(maxAge)))) {
            return Optional.of(new Refusal(CallbackRejection.STALE, "transaction time outside the window"));
        }
        String key = system + "|" + partnerCode + "|" + reference + "|" + transactionId;
        if (!replays.markSeen(key, started)) {
            return Optional.of(new Refusal(CallbackRejection.REPLAYED, "transaction already accepted"));
        }
        return Optional.empty();
    }

    /**
     * Logs a refused callback at WARN, with the remote-supplied values capped, neutralised and masked.
     *
     * @param why the rejection
     * @param detail what failed
     * @param reference the reference as received, or null
     * @param transactionId the transaction id as received, or null
     */
    public void logRefusal(CallbackRejection why, String detail, String reference, String transactionId) {
        log.warn("{} payment callback refused: {} ({}); reference {}, transaction {}", system, why,
                MASKER.maskRemote(detail), reference == null ? "-" : MASKER.maskRemote(reference),
                transactionId == null ? "-" : MASKER.maskRemote(transactionId));
    }

    /**
     * Why a verified callback was refused.
     *
     * @param rejection the rejection
     * @param detail what failed, for the log
     */
    public record Refusal(CallbackRejection rejection, String detail) {
    }

    @Override
    public String toString() {
        return "CallbackChecks[" + system + ", window=" + maxAge + "/+" + maxSkew + "]";
    }
}
