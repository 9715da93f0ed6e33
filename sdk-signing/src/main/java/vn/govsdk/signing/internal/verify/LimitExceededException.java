package vn.govsdk.signing.internal.verify;

import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;

/**
 * A verification stopped at one of the verifier's limits; the engine turns it into an INDETERMINATE
 * report naming the limit and its value.
 */
final class LimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String limit;
    private final String value;

    LimitExceededException(String limit, String value, String what) {
        super(what + " (" + limit + " = " + value + ")", null, false, false);
        this.limit = limit;
        this.value = value;
    }

    String limit() {
        return limit;
    }

    String value() {
        return value;
    }

    /** The reason a report gives. */
    Reason reason() {
        return new Reason(ReasonCode.LIMIT_EXCEEDED, "refused before verifying: " + getMessage()
                + "; raise VerificationLimits." + limit + " if this input is expected");
    }
}
