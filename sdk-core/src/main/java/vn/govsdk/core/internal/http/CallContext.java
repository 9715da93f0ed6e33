package vn.govsdk.core.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import vn.govsdk.core.http.Operation;

/**
 * What the SDK's interceptors share about one call: its operation, request id, deadline and the
 * number of attempts made so far. Attached to the request as a tag; the same object travels through
 * every attempt.
 */
public final class CallContext {

    private final Operation operation;
    private final String requestId;
    private final Instant deadline;
    private final Duration deadlineLength;
    private final AtomicInteger attempts = new AtomicInteger();

    /**
     * Creates the context of a new call.
     *
     * @param operation the operation
     * @param requestId the correlation id of the call
     * @param start when the call starts
     * @param deadlineLength the call deadline
     */
    public CallContext(Operation operation, String requestId, Instant start, Duration deadlineLength) {
        this.operation = operation;
        this.requestId = requestId;
        this.deadline = start.plus(deadlineLength);
        this.deadlineLength = deadlineLength;
    }

    /**
     * Returns the context attached to a request.
     *
     * @param request the request
     * @return the context, or {@code null} if none is attached
     */
    public static CallContext of(Request request) {
        return request.tag(CallContext.class);
    }

    /**
     * Returns the operation of the call.
     *
     * @return the operation
     */
    public Operation operation() {
        return operation;
    }

    /**
     * Returns the correlation id, the same for every attempt.
     *
     * @return the request id
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns the configured length of the call deadline.
     *
     * @return the call deadline
     */
    public Duration deadlineLength() {
        return deadlineLength;
    }

    /**
     * Returns the time left before the deadline.
     *
     * @param clock the clock
     * @return the remaining time; zero or negative once the deadline has passed
     */
    public Duration remaining(Clock clock) {
        return Duration.between(clock.instant(), deadline);
    }

    /**
     * Counts a new attempt.
     *
     * @return the number of this attempt, from 1
     */
    int startAttempt() {
        return attempts.incrementAndGet();
    }

    /**
     * Returns the number of attempts started so far.
     *
     * @return at least 1 once the call ran
     */
    public int attempts() {
        return attempts.get();
    }
}
