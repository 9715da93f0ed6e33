package vn.govsdk.spring.autoconfigure.internal;

import java.util.Objects;
import org.springframework.context.SmartLifecycle;
import vn.govsdk.dataexchange.outbox.SyncOutbox;

/**
 * Starts a {@link SyncOutbox} with the application context and stops it on shutdown: deliveries under
 * way finish, claimed messages not yet started are released for other instances. Its phase lies below
 * the web server's graceful shutdown, so the outbox starts before requests arrive and still takes
 * messages while the last requests finish. An outbox once stopped cannot start again (a context is not
 * restarted).
 */
public final class OutboxLifecycle implements SmartLifecycle {

    /** The phase: below the web server's ({@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private final SyncOutbox outbox;
    private volatile boolean running;

    /**
     * Manages an outbox.
     *
     * @param outbox the outbox
     */
    public OutboxLifecycle(SyncOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Starts the outbox's dispatcher and delivery threads. */
    @Override
    public void start() {
        outbox.start();
        running = true;
    }

    /** Stops delivering; deliveries under way finish first (at most the lease, and 30 s). */
    @Override
    public void stop() {
        running = false;
        outbox.close();
    }

    /**
     * Tells whether the outbox delivers.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Returns the phase.
     *
     * @return {@link #PHASE}
     */
    @Override
    public int getPhase() {
        return PHASE;
    }
}
