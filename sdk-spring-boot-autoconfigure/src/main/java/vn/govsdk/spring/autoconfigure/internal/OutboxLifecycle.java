package vn.govsdk.spring.autoconfigure.internal;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.govsdk.dataexchange.outbox.SyncOutbox;

/**
 * Starts a {@link SyncOutbox} with the application context and drains and stops it on shutdown: first it
 * delivers what is due (for at most the drain timeout, in a thread of its own, beside the background
 * deliveries), then it closes the outbox: deliveries under way finish, claimed messages not yet started
 * are released for other instances, and what is left stays in the store for the next start. Its phase lies below
 * the web server's graceful shutdown, so the outbox starts before requests arrive and still takes
 * messages while the last requests finish. An outbox once stopped cannot start again (a context is not
 * restarted).
 */
public final class OutboxLifecycle implements SmartLifecycle {

    /** The phase: below the web server's ({@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxLifecycle.class);
    private static final Duration LONGEST_WAIT_AFTER_CLOSE = Duration.ofSeconds(30);

    private final SyncOutbox outbox;
    private final Duration drainTimeout;
    private volatile boolean running;

    /**
     * Manages an outbox.
     *
     * @param outbox the outbox
     * @param drainTimeout how long shutdown may spend delivering what is due; zero not to drain
     */
    public OutboxLifecycle(SyncOutbox outbox, Duration drainTimeout) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must not be negative");
        }
    }

    /** Starts the outbox's dispatcher and delivery threads. */
    @Override
    public void start() {
        outbox.start();
        running = true;
    }

    /**
     * Delivers what is due for at most the drain timeout, then stops delivering; deliveries under way
     * finish first (at most the lease, and 30 s).
     */
    @Override
    public void stop() {
        running = false;
        Thread drain = drainTimeout.isZero() ? null : drain();
        outbox.close();
        if (drain != null && drain.isAlive()) {
            // The drain stops after the batch it holds; let it finish before the store is closed.
            join(drain, LONGEST_WAIT_AFTER_CLOSE);
        }
    }

    private Thread drain() {
        Thread t = new Thread(() -> {
            try {
                int attempts = outbox.deliverDueNow();
                LOG.info("outbox: drained on shutdown ({} delivery attempt(s))", attempts);
            } catch (RuntimeException e) {
                LOG.warn("outbox: drain on shutdown stopped: {}", e.getClass().getSimpleName());
            }
        }, "govsdk-outbox-drain");
        t.setDaemon(true);
        t.start();
        join(t, drainTimeout);
        if (t.isAlive()) {
            LOG.info("outbox: drain did not finish within {}; what is left stays in the store", drainTimeout);
        }
        return t;
    }

    private static void join(Thread t, Duration wait) {
        try {
            t.join(Math.max(1L, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
