package vn.govsdk.core.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * sdk-core's test clock: it moves only when a test (or a {@link RecordingSleeper}) moves it. The other
 * modules use the testkit's {@code vn.govsdk.testkit.TestClock}; sdk-core's tests cannot, since the
 * testkit depends on sdk-core. Nothing in sdk-core's tests reads the real clock beside it: tokens,
 * leases and deadlines are all judged on this one.
 */
public final class FakeClock extends Clock {
    private final AtomicReference<Instant> now;
    private volatile CountDownLatch readers = new CountDownLatch(0);
    private final Set<Thread> seen = ConcurrentHashMap.newKeySet();

    public FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public FakeClock() {
        this(Instant.parse("2025-07-01T03:00:00Z"));
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** Returns a latch that opens once {@code count} threads not seen before have read the clock. */
    public CountDownLatch countReaders(int count) {
        seen.clear();
        seen.add(Thread.currentThread());
        readers = new CountDownLatch(count);
        return readers;
    }

    @Override
    public Instant instant() {
        if (seen.add(Thread.currentThread())) {
            readers.countDown();
        }
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
