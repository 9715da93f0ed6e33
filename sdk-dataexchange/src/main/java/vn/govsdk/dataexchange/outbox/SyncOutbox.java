package vn.govsdk.dataexchange.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.RateLimitedException;
import vn.govsdk.core.paging.Page;
import vn.govsdk.core.paging.PagedIterable;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.dataexchange.internal.outbox.JdbcOutboxEngine;
import vn.govsdk.dataexchange.internal.outbox.LogRateLimiter;
import vn.govsdk.dataexchange.internal.outbox.OutboxRow;

/**
 * A durable outbox that keeps the national public-service portal (DVCQG) in step with a
 * department's dossiers (hồ sơ) through outages and crashes.
 *
 * <pre>{@code
 * try (OutboxStore store = OutboxStore.h2(Path.of("/var/lib/myapp/outbox"));
 *      SyncOutbox outbox = SyncOutbox.builder()
 *              .store(store)
 *              .delivery(message -> portal.deliver(message))   // an upsert at the portal
 *              .build()
 *              .start()) {
 *     outbox.enqueue(OutboxMessage.of(dossier.code(), MessageKind.PROGRESS, json));  // durable when it returns
 * }
 * }</pre>
 *
 * <p>Guarantees (see {@code docs/outbox.md}):
 * <ul>
 *   <li><b>Durable:</b> {@link #enqueue} returns after the message's transaction committed.</li>
 *   <li><b>At least once:</b> a message leaves the store only after its delivery returned; after a
 *       crash or a lost answer it is delivered again, so the destination must upsert.</li>
 *   <li><b>In order per dossier:</b> a message is delivered only when every earlier message of its
 *       dossier was delivered, across threads, restarts and instances sharing a store.</li>
 *   <li><b>Retries with backoff</b> ({@link OutboxBackoff}), whose schedule is stored with the message
 *       and so survives restarts; after {@link Builder#maxAttempts(int)} failed attempts, or at once
 *       for a failure that cannot succeed on retry, the message is <b>dead-lettered</b> with the
 *       reason.</li>
 *   <li><b>A dead letter holds its dossier:</b> later messages of that dossier wait (counted as
 *       {@link OutboxStats#held()}) until an operator {@linkplain #retryDeadLetter(long) retries} or
 *       {@linkplain #discardDeadLetter(long) discards} it. Delivering them past a failed dossier sync
 *       would leave the portal out of order or refuse them anyway.</li>
 * </ul>
 *
 * <p>{@link #start()} starts one dispatcher thread and {@link Builder#deliveryThreads(int)} delivery
 * threads; an application that schedules its own work may instead call {@link #deliverDueNow()}.
 * Thread-safe.
 */
public final class SyncOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncOutbox.class);
    private static final int DEAD_LETTER_PAGE = 100;
    private static final PersonalDataMasker MASKER = PersonalDataMasker.standard();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final OutboxStore store;
    private final JdbcOutboxEngine engine;
    private final OutboxDelivery delivery;
    private final OutboxBackoff backoff;
    private final int maxAttempts;
    private final int batchSize;
    private final int deliveryThreads;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration leaseDuration;
    private final String owner = UUID.randomUUID().toString();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failedAttempts = new LongAdder();
    private final LogRateLimiter warnings = new LogRateLimiter(20, TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private final Object wake = new Object();
    private boolean wakeSignalled;
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private volatile boolean closed;
    private Thread dispatcher;
    private ExecutorService workers;
    private Semaphore permits;

    private SyncOutbox(Builder b) {
        this.store = b.store;
        this.engine = b.store.engine();
        this.delivery = b.delivery;
        this.backoff = b.backoff;
        this.maxAttempts = b.maxAttempts;
        this.batchSize = b.batchSize;
        this.deliveryThreads = b.deliveryThreads;
        this.clock = b.clock;
        this.pollInterval = b.pollInterval;
        this.leaseDuration = b.leaseDuration;
    }

    /**
     * Starts building an outbox.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores a message for delivery. When this returns the message's transaction has committed:
     * a crash from then on does not lose it.
     *
     * @param message a message made with {@link OutboxMessage#of(String, MessageKind, String)}
     * @return the stored message, with its id and creation time
     * @throws InvalidInputException if the message is null
     * @throws OutboxStoreException if the store could not write it (then it was not stored)
     * @throws IllegalStateException if the outbox is closed
     */
    public OutboxMessage enqueue(OutboxMessage message) {
        return enqueueAll(List.of(requireMessage(message, "message"))).get(0);
    }

    /**
     * Stores several messages in one transaction: all of them, or none. Messages of one dossier
     * (hồ sơ) are delivered in list order.
     *
     * @param messages the messages, at least one
     * @return the stored messages, in the same order
     * @throws InvalidInputException if the list is empty or holds a null
     * @throws OutboxStoreException if the store could not write them (then none was stored)
     * @throws IllegalStateException if the outbox is closed
     */
    public List<OutboxMessage> enqueueAll(List<OutboxMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidInputException("messages", "must hold at least one message");
        }
        if (closed) {
            throw new IllegalStateException("the outbox is closed");
        }
        long now = clock.millis();
        List<OutboxRow> rows = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            OutboxMessage m = requireMessage(messages.get(i), "messages[" + i + "]");
            rows.add(new OutboxRow(0L, m.dossierCode(), m.kind().name(), m.payload(), now, 0, now, null, false, null));
        }
        long[] ids = engine.insert(rows);
        List<OutboxMessage> stored = new ArrayList<>(ids.length);
        Instant at = Instant.ofEpochMilli(now);
        for (int i = 0; i < ids.length; i++) {
            OutboxMessage m = messages.get(i);
            stored.add(new OutboxMessage(ids[i], m.dossierCode(), m.kind(), m.payload(), at, 0, at, null,
                    OutboxMessage.State.PENDING, null));
        }
        LOG.debug("outbox: enqueued {} message(s), first id {}", ids.length, ids[0]);
        signal();
        return stored;
    }

    private static OutboxMessage requireMessage(OutboxMessage message, String field) {
        if (message == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        return message;
    }

    /**
     * Starts delivering in the background: one dispatcher thread claims due messages, the delivery
     * threads deliver them. Calling it again does nothing.
     *
     * @return this outbox
     * @throws IllegalStateException if the outbox is closed
     */
    public SyncOutbox start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the outbox is closed");
            }
            if (dispatcher != null) {
                return this;
            }
            int instance = INSTANCES.incrementAndGet();
            permits = new Semaphore(deliveryThreads);
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "govsdk-outbox-" + instance + "-delivery-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            workers = Executors.newFixedThreadPool(deliveryThreads, factory);
            dispatcher = new Thread(this::dispatchLoop, "govsdk-outbox-" + instance + "-dispatcher");
            dispatcher.setDaemon(true);
            dispatcher.start();
            LOG.info("outbox: started on {} with {} delivery thread(s)", engine, deliveryThreads);
            return this;
        }
    }

    /**
     * Delivers, in the calling thread, every message that is due now, until none is left; for
     * applications that schedule their own work, and for tests with a fake clock. Safe to call while
     * the background delivery runs (claims never overlap).
     *
     * @return how many delivery attempts were made
     * @throws OutboxStoreException if the store cannot be read
     */
    public int deliverDueNow() {
        int attempts = 0;
        while (!stopping) {
            long now = clock.millis();
            List<OutboxRow> rows = engine.claim(owner, now, now + leaseDuration.toMillis(), batchSize);
            if (rows.isEmpty()) {
                break;
            }
            for (OutboxRow row : rows) {
                OutboxRow current = row;
                while (current != null) {
                    attempts++;
                    current = deliverOne(current);
                }
            }
        }
        return attempts;
    }

    /**
     * Returns a snapshot of the outbox.
     *
     * @return the counts
     * @throws OutboxStoreException if the store cannot be read
     */
    public OutboxStats stats() {
        JdbcOutboxEngine.Counts c = engine.counts();
        Duration age = Duration.ZERO;
        if (c.oldestPendingCreatedAt() != null) {
            age = Duration.ofMillis(Math.max(0L, clock.millis() - c.oldestPendingCreatedAt()));
        }
        return new OutboxStats(c.pending(), c.retrying(), c.held(), c.deadLettered(), age, delivered.sum(),
                failedAttempts.sum(), c.failingByCode());
    }

    /**
     * Lists the dead letters, oldest first, with the reason each was given up on. Lazy: pages of 100
     * are read as the iteration goes.
     *
     * @return the dead letters
     */
    public PagedIterable<OutboxMessage> listDeadLetters() {
        return new PagedIterable<>(token -> {
            long after = token == null ? 0L : Long.parseLong(token);
            List<OutboxRow> rows = engine.deadLetters(after, DEAD_LETTER_PAGE);
            List<OutboxMessage> items = rows.stream().map(SyncOutbox::toMessage).toList();
            String next = rows.size() == DEAD_LETTER_PAGE ? Long.toString(rows.get(rows.size() - 1).id()) : null;
            return new Page<>(items, next);
        });
    }

    /**
     * Reads one message still in the store (pending or dead-lettered).
     *
     * @param id the message id
     * @return the message, or empty if it was delivered (or discarded) or never existed
     */
    public Optional<OutboxMessage> findMessage(long id) {
        return engine.find(id).map(SyncOutbox::toMessage);
    }

    /**
     * Puts a dead letter back in line, due now, with its attempt count reset; its dossier's held
     * messages follow it once it is delivered.
     *
     * @param id the dead letter's id
     * @return {@code true} if it was a dead letter; {@code false} if no dead letter has this id
     */
    public boolean retryDeadLetter(long id) {
        boolean done = engine.retryDeadLetter(id, clock.millis());
        if (done) {
            LOG.info("outbox: dead letter {} put back for delivery by an operator", id);
            signal();
        }
        return done;
    }

    /**
     * Deletes a dead letter for good (the operator brought the portal in step by other means), and
     * so releases its dossier's held messages.
     *
     * @param id the dead letter's id
     * @return {@code true} if it was a dead letter; {@code false} if no dead letter has this id
     */
    public boolean discardDeadLetter(long id) {
        boolean done = engine.discardDeadLetter(id);
        if (done) {
            LOG.info("outbox: dead letter {} discarded by an operator", id);
            signal();
        }
        return done;
    }

    /**
     * Stops delivering: no new delivery starts, those under way finish (waiting at most the lease
     * duration, and 30 s at most), and messages this instance claimed but did not start are released
     * for others. The store is left open: close it after the outbox.
     */
    @Override
    public void close() {
        Thread d;
        ExecutorService w;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = true;
            d = dispatcher;
            w = workers;
        }
        signal();
        if (d == null) {
            return;
        }
        boolean finished = false;
        try {
            // Never interrupt: an interrupted thread inside H2 closes the database file.
            d.join(Duration.ofSeconds(30).toMillis());
            w.shutdown();
            long waitMs = Math.min(leaseDuration.toMillis(), Duration.ofSeconds(30).toMillis());
            finished = w.awaitTermination(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (finished) {
            try {
                int released = engine.releaseLeases(owner);
                LOG.info("outbox: stopped; {} claimed message(s) released", released);
            } catch (RuntimeException e) {
                LOG.warn("outbox: stopped, but its claims could not be released; they expire after {}",
                        leaseDuration, e);
            }
        } else {
            LOG.warn("outbox: stopped while deliveries were still under way; their claims expire after {}",
                    leaseDuration);
        }
    }

    /**
     * Describes the outbox.
     *
     * @return the store and settings
     */
    @Override
    public String toString() {
        return "SyncOutbox[" + store + ", maxAttempts=" + maxAttempts + ", deliveryThreads=" + deliveryThreads
                + ", " + backoff + "]";
    }

    private void dispatchLoop() {
        while (!stopping) {
            int taken = 0;
            try {
                if (!permits.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                taken = 1;
                while (taken < batchSize && permits.tryAcquire()) {
                    taken++;
                }
                if (stopping) {
                    break;
                }
                long now = clock.millis();
                int asked = taken;
                List<OutboxRow> rows = engine.claim(owner, now, now + leaseDuration.toMillis(), asked);
                for (OutboxRow row : rows) {
                    // Each submitted message holds one permit until its chain ends.
                    taken--;
                    workers.execute(() -> {
                        try {
                            OutboxRow current = row;
                            while (current != null && !stopping) {
                                current = deliverOne(current);
                            }
                        } finally {
                            permits.release();
                        }
                    });
                }
                permits.release(taken);
                taken = 0;
                if (rows.size() < asked) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                permits.release(taken);
                LOG.warn("outbox: claiming messages failed; trying again in {}", pollInterval, e);
                awaitWork();
            }
        }
    }

    private void awaitWork() {
        synchronized (wake) {
            long deadline = System.nanoTime() + pollInterval.toNanos();
            while (!wakeSignalled && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            wakeSignalled = false;
        }
    }

    private void signal() {
        synchronized (wake) {
            wakeSignalled = true;
            wake.notifyAll();
        }
    }

    /** Delivers one claimed message; returns the dossier's next message if it was claimed. */
    private OutboxRow deliverOne(OutboxRow row) {
        OutboxMessage message = toMessage(row);
        try {
            delivery.deliver(message);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            recordFailure(row, t);
            return null;
        }
        delivered.increment();
        try {
            long now = clock.millis();
            JdbcOutboxEngine.Completion done = engine.complete(row.id(), row.dossierCode(), owner, now,
                    now + leaseDuration.toMillis(), !stopping);
            if (!done.leaseHeld()) {
                LOG.warn("outbox: the claim on message {} (dossier {}) expired during its delivery and another"
                        + " instance took it over; it will be delivered again. Make leaseDuration longer than"
                        + " the delivery's deadline.", row.id(), row.dossierCode());
            } else {
                LOG.debug("outbox: delivered message {} (dossier {}, {})", row.id(), row.dossierCode(), row.kind());
            }
            return done.next().orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("outbox: message {} was delivered but could not be marked so; it will be delivered again"
                    + " after its claim expires", row.id(), e);
            return null;
        }
    }

    private void recordFailure(OutboxRow row, Throwable failure) {
        failedAttempts.increment();
        int attempts = row.attempts() + 1;
        String reason = describe(failure);
        String code = errorCode(failure);
        long now = clock.millis();
        try {
            if (!retryable(failure)) {
                engine.deadLetter(row.id(), owner, attempts, "not retryable: " + reason, code, now);
                warn("outbox: message {} (dossier {}, {}) dead-lettered on attempt {}: it cannot succeed on retry"
                        + " (code {}): {}", row.id(), row.dossierCode(), row.kind(), attempts, code, reason);
            } else if (attempts >= maxAttempts) {
                engine.deadLetter(row.id(), owner, attempts, "gave up after " + attempts + " attempts: " + reason, code,
                        now);
                warn("outbox: message {} (dossier {}, {}) dead-lettered after {} attempts (code {}): {}",
                        row.id(), row.dossierCode(), row.kind(), attempts, code, reason);
            } else {
                Duration wait = backoff.delayAfter(attempts, ThreadLocalRandom.current().nextDouble());
                if (failure instanceof RateLimitedException limited && limited.retryAfter().isPresent()
                        && limited.retryAfter().get().compareTo(wait) > 0) {
                    wait = limited.retryAfter().get();
                }
                engine.fail(row.id(), owner, attempts, now + wait.toMillis(), reason, code);
                if (attempts == 1) {
                    warn("outbox: message {} (dossier {}, {}) failed its first attempt (code {}), retrying in {}: {}",
                            row.id(), row.dossierCode(), row.kind(), code, wait, reason);
                } else {
                    LOG.debug("outbox: message {} (dossier {}) failed attempt {} (code {}), next in {}: {}",
                            row.id(), row.dossierCode(), attempts, code, wait, reason);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox: the failure of message {} could not be recorded; it is tried again after its claim"
                    + " expires", row.id(), e);
        }
    }

    /** A WARN line, unless this outbox logged too many of them in the last minute. */
    private void warn(String format, Object... args) {
        long heldBack = warnings.acquire();
        if (heldBack < 0) {
            LOG.debug(format, args);
            return;
        }
        if (heldBack > 0) {
            LOG.warn("outbox: {} similar warning(s) were held back in the last minute (see stats().failingByCode())",
                    heldBack);
        }
        LOG.warn(format, args);
    }

    /**
     * Tells whether a failure may succeed on retry: not a refusal the destination calls final, not a
     * 4xx answer other than 408 and 429, and not input the SDK refused.
     */
    static boolean retryable(Throwable failure) {
        if (failure instanceof InvalidInputException || failure instanceof DeliveryRefusedException) {
            return false;
        }
        if (failure instanceof GovServiceException e) {
            int status = e.statusCode();
            return !(status >= 400 && status < 500 && status != 408 && status != 429);
        }
        return true;
    }

    /** The code a failure is counted under in {@link OutboxStats#failingByCode()}. */
    static String errorCode(Throwable failure) {
        if (failure instanceof DeliveryRefusedException refused) {
            return MASKER.maskRemote(refused.errorCode());
        }
        if (failure instanceof GovServiceException e) {
            return e.errorCode().map(MASKER::maskRemote)
                    .orElse(e.statusCode() > 0 ? "HTTP " + e.statusCode() : e.getClass().getSimpleName());
        }
        if (failure instanceof InvalidInputException) {
            return "INVALID_INPUT";
        }
        return failure.getClass().getSimpleName();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        // The destination's message is remote text: masked, and neutralised so it cannot forge a log line.
        return MASKER.maskRemote(text.length() > 1000 ? text.substring(0, 1000) : text);
    }

    static OutboxMessage toMessage(OutboxRow r) {
        return new OutboxMessage(r.id(), r.dossierCode(), MessageKind.of(r.kind()), r.payload(),
                Instant.ofEpochMilli(r.createdAt()), r.attempts(), Instant.ofEpochMilli(r.nextAttemptAt()),
                r.lastError(), r.dead() ? OutboxMessage.State.DEAD_LETTER : OutboxMessage.State.PENDING,
                r.deadAt() == null ? null : Instant.ofEpochMilli(r.deadAt()));
    }

    /** Builds a {@link SyncOutbox}; every value is checked when it is set, the required ones in {@link #build()}. */
    public static final class Builder {
        private OutboxStore store;
        private OutboxDelivery delivery;
        private OutboxBackoff backoff = OutboxBackoff.defaults();
        private int maxAttempts = 10;
        private int batchSize = 50;
        private int deliveryThreads = 4;
        private Clock clock = Clock.systemUTC();
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration leaseDuration = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Sets where messages are kept (required).
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets what delivers a message (required); usually an adapter over the portal client.
         *
         * @param delivery the delivery
         * @return this builder
         */
        public Builder delivery(OutboxDelivery delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        /**
         * Sets the wait between attempts of a message.
         *
         * @param backoff the backoff; defaults to {@link OutboxBackoff#defaults()}
         * @return this builder
         */
        public Builder backoff(OutboxBackoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Sets how many attempts a message gets before it is dead-lettered.
         *
         * @param maxAttempts 1 to 1000; default 10
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = range("maxAttempts", maxAttempts, 1, 1000);
            return this;
        }

        /**
         * Sets how many messages one claim takes at most.
         *
         * @param batchSize 1 to 1000; default 50
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = range("batchSize", batchSize, 1, 1000);
            return this;
        }

        /**
         * Sets how many threads deliver at once (each to a different dossier).
         *
         * @param deliveryThreads 1 to 256; default 4
         * @return this builder
         */
        public Builder deliveryThreads(int deliveryThreads) {
            this.deliveryThreads = range("deliveryThreads", deliveryThreads, 1, 256);
            return this;
        }

        /**
         * Sets the clock that stamps messages and schedules retries.
         *
         * @param clock the clock; defaults to UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how often the dispatcher looks for due messages when it has not been woken by an
         * enqueue (retries falling due, claims of a crashed instance expiring).
         *
         * @param pollInterval 1 ms to 10 min; default 1 s
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = duration("pollInterval", pollInterval, Duration.ofMillis(1), Duration.ofMinutes(10));
            return this;
        }

        /**
         * Sets how long a claim lasts. A claim left by a crashed instance is taken over once it
         * expires; it must be longer than any delivery takes (give the delivery's HTTP client a call
         * deadline below it), or a slow delivery may land after the next message of its dossier.
         *
         * @param leaseDuration 100 ms to 1 h; default 5 min
         * @return this builder
         */
        public Builder leaseDuration(Duration leaseDuration) {
            this.leaseDuration = duration("leaseDuration", leaseDuration, Duration.ofMillis(100), Duration.ofHours(1));
            return this;
        }

        /**
         * Builds the outbox; call {@link SyncOutbox#start()} to deliver in the background.
         *
         * @return the outbox
         * @throws InvalidInputException naming the store or the delivery if one is missing
         */
        public SyncOutbox build() {
            if (store == null) {
                throw new InvalidInputException("store", "is required: OutboxStore.h2(dir) or OutboxStore.jdbc(dataSource)");
            }
            if (delivery == null) {
                throw new InvalidInputException("delivery", "is required: an OutboxDelivery that sends a message");
            }
            return new SyncOutbox(this);
        }

        private static int range(String field, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidInputException(field, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static Duration duration(String field, Duration value, Duration min, Duration max) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidInputException(field, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }
}
