package vn.govsdk.signing.internal.verify;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.govsdk.signing.verify.VerificationLimits;

/**
 * What one verification may still spend: its deadline and the bytes decoded from PDF streams so far,
 * under the verifier's {@link VerificationLimits}. Not thread-safe: one per verification.
 */
final class Budget {

    /** A budget with the default limits, for code paths that are not given one. */
    static Budget unlimitedTime() {
        return new Budget(VerificationLimits.defaults(), Long.MAX_VALUE);
    }

    private final VerificationLimits limits;
    private final long deadlineNanos;
    private long decoded;

    private Budget(VerificationLimits limits, long deadlineNanos) {
        this.limits = limits;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Starts the budget of one verification now.
     *
     * @param limits the limits
     * @return the budget
     */
    static Budget start(VerificationLimits limits) {
        long now = System.nanoTime();
        long max = limits.maxVerificationTime().toNanos();
        return new Budget(limits, now + max < now ? Long.MAX_VALUE : now + max);
    }

    VerificationLimits limits() {
        return limits;
    }

    /**
     * Refuses to go on once the time is up.
     *
     * @throws LimitExceededException past the deadline
     */
    void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new LimitExceededException("maxVerificationTime", limits.maxVerificationTime().toString(),
                    "the verification took longer than the time allowed");
        }
    }

    /**
     * Counts bytes decoded from a PDF stream against the limit per PDF.
     *
     * @param n the bytes just decoded
     * @throws LimitExceededException beyond the limit
     */
    void decoded(long n) {
        decoded += n;
        if (decoded > limits.maxDecodedPdfBytes()) {
            throw new LimitExceededException("maxDecodedPdfBytes", String.valueOf(limits.maxDecodedPdfBytes()),
                    "the PDF's streams decode to more bytes in all than allowed");
        }
    }

    /**
     * Wraps a stream so that reading it checks the deadline (hashing a large detached document).
     *
     * @param in the stream
     * @return the watched stream
     */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            private int reads;

            @Override
            public int read() throws IOException {
                tick();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                tick();
                return super.read(b, off, len);
            }

            private void tick() {
                if ((reads++ & 0xFF) == 0) {
                    checkTime();
                }
            }
        };
    }
}
