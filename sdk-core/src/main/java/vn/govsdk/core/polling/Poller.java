package vn.govsdk.core.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.http.Sleeper;

/**
 * Follows a long-running operation (an asynchronous population-database request, a remote
 * signature waiting for the citizen to confirm) until it ends.
 *
 * <p>Between polls it waits the delay the server suggested in its last answer, or else the
 * configured interval. It gives up with {@link PollingTimeoutException} when the next poll would
 * fall after the overall deadline, counted from when the poller was built. {@link #cancel()} stops
 * it and runs the remote cancel operation, if one was given.
 *
 * <pre>{@code
 * Poller<CitizenRecord> poller = client.beginLookup(request);
 * CitizenRecord result = poller.await();
 * }</pre>
 *
 * <p>Thread-safe: one thread may await while another cancels.
 *
 * @param <T> the result type
 */
public final class Poller<T> {

    /** The shortest wait between polls, even if the server suggests less. */
    static final Duration MIN_DELAY = Duration.ofMillis(100);

    private final String operationName;
    private final Supplier<PollResponse<T>> pollOperation;
    private final Runnable cancelOperation;
    private final Duration interval;
    private final Duration deadlineLength;
    private final Instant deadline;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile PollResponse<T> latest;

    private Poller(Builder<T> b) {
        this.operationName = b.operationName;
        this.pollOperation = b.pollOperation;
        this.cancelOperation = b.cancelOperation;
        this.interval = b.interval;
        this.deadlineLength = b.deadline;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.deadline = clock.instant().plus(b.deadline);
    }

    /**
     * Starts a poller.
     *
     * @param operationName a name for messages, such as {@code population.getRequestResult}
     * @param pollOperation asks the remote system once how the operation stands; may throw
     *                      {@link GovSdkException}, which ends the polling
     * @param <T> the result type
     * @return a new builder
     */
    public static <T> Builder<T> builder(String operationName, Supplier<PollResponse<T>> pollOperation) {
        return new Builder<>(operationName, pollOperation);
    }

    /**
     * Polls once, unless the operation has already ended, in which case the last answer is
     * returned without asking again.
     *
     * @return the answer
     * @throws PollingTimeoutException if the overall deadline has passed
     */
    public synchronized PollResponse<T> poll() {
        PollResponse<T> last = latest;
        if (last != null && last.status().isTerminal()) {
            return last;
        }
        if (cancelled.get()) {
            latest = PollResponse.ended(PollStatus.CANCELLED, null);
            return latest;
        }
        if (!clock.instant().isBefore(deadline)) {
            throw new PollingTimeoutException(operationName + " still in progress after the polling deadline of "
                    + deadlineLength);
        }
        latest = Objects.requireNonNull(pollOperation.get(), "poll operation returned null");
        return latest;
    }

    /**
     * Returns the last answer received, without polling.
     *
     * @return the last answer, empty before the first poll
     */
    public Optional<PollResponse<T>> latest() {
        return Optional.ofNullable(latest);
    }

    /**
     * Polls until the operation ends or the overall deadline passes.
     *
     * @return the result of a successful operation
     * @throws PollingFailedException if it failed, expired or was cancelled
     * @throws PollingTimeoutException if it was still in progress at the deadline
     */
    public T await() {
        return awaitUntil(deadline);
    }

    /**
     * Polls until the operation ends, the given time runs out, or the overall deadline passes.
     *
     * @param timeout the longest time to wait in this call
     * @return the result of a successful operation
     * @throws PollingFailedException if it failed, expired or was cancelled
     * @throws PollingTimeoutException if it was still in progress when time ran out
     */
    public T await(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new InvalidInputException("timeout", "must be zero or positive");
        }
        Instant until = clock.instant().plus(timeout);
        return awaitUntil(until.isBefore(deadline) ? until : deadline);
    }

    private T awaitUntil(Instant until) {
        while (true) {
            PollResponse<T> response = poll();
            if (response.status().isTerminal()) {
                return result(response);
            }
            Duration delay = response.suggestedDelay() == null ? interval : max(response.suggestedDelay(), MIN_DELAY);
            if (delay.compareTo(Duration.between(clock.instant(), until)) >= 0) {
                throw new PollingTimeoutException(operationName + " still in progress after "
                        + (until.equals(deadline) ? "the polling deadline of " + deadlineLength : "the time given"));
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GovSdkException("interrupted while waiting for " + operationName, e);
            }
        }
    }

    private T result(PollResponse<T> response) {
        if (response.status() == PollStatus.SUCCEEDED) {
            return response.value();
        }
        throw new PollingFailedException(operationName, response.status(), response.message());
    }

    /**
     * Cancels: no further polls are made, a waiting {@link #await()} ends with
     * {@link PollingFailedException} (status CANCELLED) after its current wait, and the remote cancel
     * operation runs once. Does nothing if the operation has already ended.
     */
    public void cancel() {
        PollResponse<T> last = latest;
        if (last != null && last.status().isTerminal()) {
            return;
        }
        if (cancelled.compareAndSet(false, true) && cancelOperation != null) {
            cancelOperation.run();
        }
    }

    /**
     * Tells whether the operation has ended (including by cancellation).
     *
     * @return {@code true} once a terminal answer was seen or {@link #cancel()} was called
     */
    public boolean isDone() {
        PollResponse<T> last = latest;
        return cancelled.get() || (last != null && last.status().isTerminal());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        PollResponse<T> last = latest;
        return "Poller[" + operationName + ", " + (last == null ? "not polled" : last.status())
                + (cancelled.get() ? ", cancelled" : "") + "]";
    }

    /**
     * Builds a {@link Poller}.
     *
     * @param <T> the result type
     */
    public static final class Builder<T> {
        private final String operationName;
        private final Supplier<PollResponse<T>> pollOperation;
        private Runnable cancelOperation;
        private Duration interval = Duration.ofSeconds(2);
        private Duration deadline = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder(String operationName, Supplier<PollResponse<T>> pollOperation) {
            if (operationName == null || operationName.isBlank()) {
                throw new InvalidInputException("operationName", "must not be blank");
            }
            if (pollOperation == null) {
                throw new InvalidInputException("pollOperation", "must not be null");
            }
            this.operationName = operationName;
            this.pollOperation = pollOperation;
        }

        /**
         * Sets the wait between polls when the server suggests none.
         *
         * @param interval a positive duration; default 2 s
         * @return this builder
         */
        public Builder<T> interval(Duration interval) {
            this.interval = positive("interval", interval);
            return this;
        }

        /**
         * Sets the overall deadline, counted from {@link #build()}.
         *
         * @param deadline a positive duration; default 5 min
         * @return this builder
         */
        public Builder<T> deadline(Duration deadline) {
            this.deadline = positive("deadline", deadline);
            return this;
        }

        /**
         * Sets the remote operation {@link Poller#cancel()} runs, such as a cancel request.
         *
         * @param cancelOperation run at most once
         * @return this builder
         */
        public Builder<T> cancelOperation(Runnable cancelOperation) {
            this.cancelOperation = cancelOperation;
            return this;
        }

        /**
         * Sets the clock the deadline is measured with.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder<T> clock(Clock clock) {
            if (clock == null) {
                throw new InvalidInputException("clock", "must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * Sets how the poller waits between polls.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder<T> sleeper(Sleeper sleeper) {
            if (sleeper == null) {
                throw new InvalidInputException("sleeper", "must not be null");
            }
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Builds the poller; its deadline starts now.
         *
         * @return the poller
         */
        public Poller<T> build() {
            return new Poller<>(this);
        }

        private static Duration positive(String field, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidInputException(field, "must be a positive duration, got " + d);
            }
            return d;
        }
    }
}
