package vn.govsdk.core.polling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one poll of a long-running operation.
 *
 * @param status where the operation stands
 * @param value the result; present when {@code status} is {@link PollStatus#SUCCEEDED}, otherwise usually {@code null}
 * @param suggestedDelay how long the server asked the caller to wait before the next poll, or {@code null}
 * @param message the server's description of the state (for example why it failed), or {@code null}
 * @param <T> the result type
 */
public record PollResponse<T>(PollStatus status, T value, Duration suggestedDelay, String message) {

    /**
     * Checks the status and the delay.
     *
     * @param status where the operation stands, not null
     * @param value the result, or {@code null}
     * @param suggestedDelay the server's pacing, or {@code null}; never negative
     * @param message the server's description, or {@code null}
     */
    public PollResponse {
        Objects.requireNonNull(status, "status");
        if (suggestedDelay != null && suggestedDelay.isNegative()) {
            suggestedDelay = Duration.ZERO;
        }
    }

    /**
     * Still running, poll again at the poller's interval.
     *
     * @param <T> the result type
     * @return the response
     */
    public static <T> PollResponse<T> inProgress() {
        return new PollResponse<>(PollStatus.IN_PROGRESS, null, null, null);
    }

    /**
     * Still running, and the server asked to wait this long before the next poll.
     *
     * @param suggestedDelay the server's pacing
     * @param <T> the result type
     * @return the response
     */
    public static <T> PollResponse<T> inProgress(Duration suggestedDelay) {
        return new PollResponse<>(PollStatus.IN_PROGRESS, null, suggestedDelay, null);
    }

    /**
     * Finished with a result.
     *
     * @param value the result
     * @param <T> the result type
     * @return the response
     */
    public static <T> PollResponse<T> succeeded(T value) {
        return new PollResponse<>(PollStatus.SUCCEEDED, value, null, null);
    }

    /**
     * Finished without a result.
     *
     * @param status {@link PollStatus#FAILED}, {@link PollStatus#EXPIRED} or {@link PollStatus#CANCELLED}
     * @param message the server's reason, or {@code null}
     * @param <T> the result type
     * @return the response
     */
    public static <T> PollResponse<T> ended(PollStatus status, String message) {
        if (status == PollStatus.IN_PROGRESS || status == PollStatus.SUCCEEDED) {
            throw new IllegalArgumentException("ended() needs FAILED, EXPIRED or CANCELLED, got " + status);
        }
        return new PollResponse<>(status, null, null, message);
    }

    /**
     * Returns the result.
     *
     * @return the value, if present
     */
    public Optional<T> valueIfPresent() {
        return Optional.ofNullable(value);
    }
}
