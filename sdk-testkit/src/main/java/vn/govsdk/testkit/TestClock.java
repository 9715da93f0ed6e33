package vn.govsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import vn.govsdk.core.InvalidInputException;

/**
 * The one clock for tests: it stands still until the test moves it, and every party of a test reads
 * the same instant from it. Hand the same {@code TestClock} to the mock platform
 * ({@link MockGovPlatform.Builder#clock(Clock)}), and so to its test PKI (certificate validity, OCSP
 * {@code thisUpdate}/{@code producedAt}, CRLs, timestamp {@code genTime}), its OpenID provider (token
 * {@code iat}/{@code exp}), its remote-signing services and the portal, and to the client under test
 * ({@code clock(...)} on every govsdk builder): then token expiry, certificate validity, revocation
 * freshness and leases are all judged on one time line, and a test that moves the clock moves it for
 * everything it touches.
 *
 * <pre>{@code
 * TestClock clock = TestClock.startingNow();                  // or TestClock.at(Instant.parse(...))
 * MockGovPlatform platform = MockGovPlatform.builder().clock(clock).build();
 * CitizenLoginClient login = CitizenLoginClient.builder()...clock(clock).build();
 * clock.advance(Duration.ofMinutes(10));                        // the ID token has now expired, for both
 * }</pre>
 *
 * <p>{@link #withZone(ZoneId)} returns a view in another zone that reads and moves the same instant.
 * {@link #sleeper()} gives a {@link vn.govsdk.core.http.Sleeper} that, instead of waiting, records the
 * wait and advances this clock by it, so that retries and polls take no wall-clock time. Thread-safe:
 * readers on other threads see a move as soon as it is made.
 */
public final class TestClock extends Clock {

    private final Shared shared;
    private final ZoneId zone;

    private TestClock(Shared shared, ZoneId zone) {
        this.shared = shared;
        this.zone = zone;
    }

    /**
     * Returns a clock standing at the given instant, in UTC.
     *
     * @param start the instant the clock reads until it is moved
     * @return the clock
     * @throws InvalidInputException when the instant is null
     */
    public static TestClock at(Instant start) {
        return new TestClock(new Shared(requireInstant(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Returns a clock standing at the system clock's present instant, truncated to the second, in UTC:
     * for tests that may run on any date and only need time to stand still and move on command.
     *
     * @return the clock
     */
    public static TestClock startingNow() {
        return at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Moves the clock forward (or back, for a negative duration).
     *
     * @param duration how far to move
     * @return the instant the clock reads after the move
     * @throws InvalidInputException when the duration is null
     */
    public Instant advance(Duration duration) {
        if (duration == null) {
            throw new InvalidInputException("duration", "must not be null");
        }
        return shared.now.updateAndGet(i -> i.plus(duration));
    }

    /**
     * Sets the clock to an instant, forward or back.
     *
     * @param instant the instant the clock reads from now on
     * @throws InvalidInputException when the instant is null
     */
    public void set(Instant instant) {
        shared.now.set(requireInstant(instant, "instant"));
    }

    /**
     * Sets the clock back to the instant it was made at and forgets the recorded waits. The mock
     * platform does this on {@link MockGovPlatform#reset()}, so that with the JUnit extension every test
     * starts at the same instant whatever the test before it did with the clock.
     */
    public void reset() {
        synchronized (shared.sleeps) {
            shared.sleeps.clear();
        }
        shared.now.set(shared.start);
    }

    /**
     * Returns a sleeper for the SDK's clients ({@code sleeper(...)} on their builders) that does not
     * wait: it records each requested wait and advances this clock by it.
     *
     * @return the sleeper; the same instance on every call
     */
    public vn.govsdk.core.http.Sleeper sleeper() {
        return shared.sleeper;
    }

    /**
     * Returns the waits that {@link #sleeper()} was asked for, oldest first.
     *
     * @return a copy of the recorded waits
     */
    public List<Duration> sleeps() {
        synchronized (shared.sleeps) {
            return List.copyOf(shared.sleeps);
        }
    }

    /**
     * Returns the instant the clock stands at.
     *
     * @return the instant
     */
    @Override
    public Instant instant() {
        return shared.now.get();
    }

    /**
     * Returns the zone this view reports (UTC unless made with {@link #withZone(ZoneId)}).
     *
     * @return the zone
     */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * Returns a view of this clock in another zone: it reads, and moves with, the same instant.
     *
     * @param zone the zone, for example {@code Asia/Ho_Chi_Minh}
     * @return the view
     * @throws InvalidInputException when the zone is null
     */
    @Override
    public TestClock withZone(ZoneId zone) {
        if (zone == null) {
            throw new InvalidInputException("zone", "must not be null");
        }
        return zone.equals(this.zone) ? this : new TestClock(shared, zone);
    }

    /**
     * Returns whether the other object is a view of the same clock in the same zone.
     *
     * @param o the other object
     * @return {@code true} when both read the same time line in the same zone
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TestClock other && other.shared == shared && other.zone.equals(zone);
    }

    /**
     * Returns a hash consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(shared) * 31 + zone.hashCode();
    }

    /**
     * Describes the clock by its instant and zone.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }

    private static Instant requireInstant(Instant instant, String field) {
        if (instant == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return instant;
    }

    /** The time line every zone view of one clock shares. */
    private static final class Shared {
        final Instant start;
        final AtomicReference<Instant> now;
        final List<Duration> sleeps = new ArrayList<>();
        final vn.govsdk.core.http.Sleeper sleeper;

        Shared(Instant start) {
            this.start = Objects.requireNonNull(start);
            this.now = new AtomicReference<>(start);
            this.sleeper = duration -> {
                synchronized (sleeps) {
                    sleeps.add(duration);
                }
                if (!duration.isNegative() && !duration.isZero()) {
                    now.updateAndGet(i -> i.plus(duration));
                }
            };
        }
    }
}
