package vn.govsdk.testkit.remotesigning;

import java.time.Duration;
import java.util.Objects;

/**
 * What the citizen does with a signing request on the phone, as scripted by a test: confirm, reject,
 * let it expire, or leave it to the test ({@link #manual()}). Poll-based behaviours act when the n-th
 * status poll of the transaction arrives, so tests never wait on the wall clock; {@link #confirmAfter}
 * acts by the platform's clock. Immutable.
 *
 * <pre>{@code
 * smartCa.behaviour(CitizenBehaviour.confirmOnPoll(3));                 // every user
 * smartCa.behaviour("079203000101", CitizenBehaviour.rejectOnPoll(1));  // one user
 * }</pre>
 */
public final class CitizenBehaviour {

    /** The kinds of behaviour. */
    enum Kind {
        CONFIRM, REJECT, EXPIRE, FAIL, CONFIRM_AFTER, MANUAL
    }

    private final Kind kind;
    private final int polls;
    private final Duration delay;

    private CitizenBehaviour(Kind kind, int polls, Duration delay) {
        this.kind = kind;
        this.polls = polls;
        this.delay = delay;
    }

    /**
     * The citizen confirms when the n-th status poll arrives.
     *
     * @param n the poll that sees the confirmation, 1 or more
     * @return the behaviour
     * @throws IllegalArgumentException when n is less than 1
     */
    public static CitizenBehaviour confirmOnPoll(int n) {
        return new CitizenBehaviour(Kind.CONFIRM, checkPolls(n), null);
    }

    /**
     * The citizen rejects when the n-th status poll arrives.
     *
     * @param n the poll that sees the rejection, 1 or more
     * @return the behaviour
     * @throws IllegalArgumentException when n is less than 1
     */
    public static CitizenBehaviour rejectOnPoll(int n) {
        return new CitizenBehaviour(Kind.REJECT, checkPolls(n), null);
    }

    /**
     * The citizen lets the request expire; the n-th status poll reports the expiry.
     *
     * @param n the poll that sees the expiry, 1 or more
     * @return the behaviour
     * @throws IllegalArgumentException when n is less than 1
     */
    public static CitizenBehaviour expireOnPoll(int n) {
        return new CitizenBehaviour(Kind.EXPIRE, checkPolls(n), null);
    }

    /**
     * The provider fails to sign; the n-th status poll reports the failure.
     *
     * @param n the poll that sees the failure, 1 or more
     * @return the behaviour
     * @throws IllegalArgumentException when n is less than 1
     */
    public static CitizenBehaviour failOnPoll(int n) {
        return new CitizenBehaviour(Kind.FAIL, checkPolls(n), null);
    }

    /**
     * The citizen confirms once the platform's clock has passed the transaction's creation plus a delay;
     * checked at each status poll and by {@link RemoteSigningMock#settleDue()}.
     *
     * @param delay the delay, zero or positive and shorter than the transaction lifetime to matter
     * @return the behaviour
     * @throws IllegalArgumentException when the delay is null or negative
     */
    public static CitizenBehaviour confirmAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive, got " + delay);
        }
        return new CitizenBehaviour(Kind.CONFIRM_AFTER, 0, delay);
    }

    /**
     * Nothing happens until the test calls {@link RemoteSigningMock#confirm(String)},
     * {@link RemoteSigningMock#reject(String) reject}, {@link RemoteSigningMock#expire(String) expire} or
     * {@link RemoteSigningMock#fail(String) fail} (or the transaction lifetime passes on the platform clock).
     *
     * @return the behaviour
     */
    public static CitizenBehaviour manual() {
        return new CitizenBehaviour(Kind.MANUAL, 0, null);
    }

    private static int checkPolls(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n (the poll that sees the outcome) must be 1 or more, got " + n);
        }
        return n;
    }

    Kind kind() {
        return kind;
    }

    int polls() {
        return polls;
    }

    Duration delay() {
        return delay;
    }

    /**
     * Two behaviours are equal when they do the same thing at the same moment.
     *
     * @param other the other object
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenBehaviour that && kind == that.kind && polls == that.polls
                && Objects.equals(delay, that.delay);
    }

    /**
     * Returns a hash of the kind and parameters.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, polls, delay);
    }

    /**
     * Describes the behaviour.
     *
     * @return for example {@code confirmOnPoll(2)} or {@code confirmAfter(PT30S)}
     */
    @Override
    public String toString() {
        return switch (kind) {
            case CONFIRM -> "confirmOnPoll(" + polls + ")";
            case REJECT -> "rejectOnPoll(" + polls + ")";
            case EXPIRE -> "expireOnPoll(" + polls + ")";
            case FAIL -> "failOnPoll(" + polls + ")";
            case CONFIRM_AFTER -> "confirmAfter(" + delay + ")";
            case MANUAL -> "manual()";
        };
    }
}
