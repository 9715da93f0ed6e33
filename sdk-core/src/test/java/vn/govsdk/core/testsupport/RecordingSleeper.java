package vn.govsdk.core.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.govsdk.core.http.Sleeper;

/** Records each requested wait and advances the fake clock by it instead of waiting. */
public final class RecordingSleeper implements Sleeper {
    private final FakeClock clock;
    private final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> { };

    public RecordingSleeper(FakeClock clock) {
        this.clock = clock;
    }

    /** Runs an action during each wait, as another thread would. */
    public RecordingSleeper onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
        onSleep.run();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
