package vn.govsdk.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when the test moves it; shared by the mock platform and the client. */
final class TestClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** A clock fixed at this clock's time plus an offset (for a client whose clock is off). */
    Clock offset(Duration d) {
        TestClock c = new TestClock();
        c.now.set(now.get().plus(d));
        return c;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
