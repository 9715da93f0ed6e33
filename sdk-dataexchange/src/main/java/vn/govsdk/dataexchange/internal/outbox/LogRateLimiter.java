package vn.govsdk.dataexchange.internal.outbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Allows at most a number of log lines per window (a portal outage failing thousands of messages
 * must not flood the log), and counts the lines it held back so that the next line allowed can say
 * so. Thread-safe.
 */
public final class LogRateLimiter {

    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int used;
    private final AtomicLong suppressed = new AtomicLong();

    /**
     * Creates the limiter.
     *
     * @param perWindow lines allowed per window
     * @param windowNanos the window's length in nanoseconds
     * @param nanoTime the time source ({@code System::nanoTime})
     */
    public LogRateLimiter(int perWindow, long windowNanos, LongSupplier nanoTime) {
        this.perWindow = perWindow;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /**
     * Asks for one line.
     *
     * @return -1 when the line must be held back; otherwise how many lines were held back since the
     *     last one allowed (to mention in this one)
     */
    public synchronized long acquire() {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            used = 0;
        }
        if (used >= perWindow) {
            suppressed.incrementAndGet();
            return -1;
        }
        used++;
        return suppressed.getAndSet(0);
    }
}
