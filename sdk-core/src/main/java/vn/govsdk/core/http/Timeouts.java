package vn.govsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * Timeouts for one client: connect, read and write for each attempt, and a deadline for the whole
 * call across every attempt and every wait between attempts.
 *
 * <p>Defaults: connect 10 s, read 60 s (the read timeout the public-service portal (DVCQG)
 * documents), write 60 s, call deadline 2 min. An attempt never gets more time than remains of the
 * call deadline. Immutable and thread-safe.
 */
public final class Timeouts {

    private static final Timeouts DEFAULTS = builder().build();

    private final Duration connect;
    private final Duration read;
    private final Duration write;
    private final Duration callDeadline;

    private Timeouts(Builder b) {
        this.connect = b.connect;
        this.read = b.read;
        this.write = b.write;
        this.callDeadline = b.callDeadline;
    }

    /**
     * Returns the default timeouts.
     *
     * @return connect 10 s, read 60 s, write 60 s, call deadline 2 min
     */
    public static Timeouts defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder starting from these timeouts.
     *
     * @return a new builder with these values
     */
    public Builder toBuilder() {
        return new Builder().connect(connect).read(read).write(write).callDeadline(callDeadline);
    }

    /**
     * Returns the time allowed to establish a connection, per attempt.
     *
     * @return the connect timeout
     */
    public Duration connect() {
        return connect;
    }

    /**
     * Returns the longest silence allowed while reading a response, per attempt.
     *
     * @return the read timeout
     */
    public Duration read() {
        return read;
    }

    /**
     * Returns the longest stall allowed while writing a request, per attempt.
     *
     * @return the write timeout
     */
    public Duration write() {
        return write;
    }

    /**
     * Returns the deadline for a whole call, across all attempts and the waits between them.
     *
     * @return the call deadline
     */
    public Duration callDeadline() {
        return callDeadline;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timeouts t && t.connect.equals(connect) && t.read.equals(read) && t.write.equals(write)
                && t.callDeadline.equals(callDeadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connect, read, write, callDeadline);
    }

    @Override
    public String toString() {
        return "Timeouts[connect=" + connect + ", read=" + read + ", write=" + write + ", callDeadline="
                + callDeadline + "]";
    }

    /** Builds {@link Timeouts}; every value must be a positive duration. */
    public static final class Builder {
        private Duration connect = Duration.ofSeconds(10);
        private Duration read = Duration.ofSeconds(60);
        private Duration write = Duration.ofSeconds(60);
        private Duration callDeadline = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * Sets the connect timeout per attempt.
         *
         * @param connect a positive duration
         * @return this builder
         */
        public Builder connect(Duration connect) {
            this.connect = RetryPolicy.Builder.positive("connect timeout", connect);
            return this;
        }

        /**
         * Sets the read timeout per attempt.
         *
         * @param read a positive duration
         * @return this builder
         */
        public Builder read(Duration read) {
            this.read = RetryPolicy.Builder.positive("read timeout", read);
            return this;
        }

        /**
         * Sets the write timeout per attempt.
         *
         * @param write a positive duration
         * @return this builder
         */
        public Builder write(Duration write) {
            this.write = RetryPolicy.Builder.positive("write timeout", write);
            return this;
        }

        /**
         * Sets the deadline for a whole call across all attempts.
         *
         * @param callDeadline a positive duration
         * @return this builder
         */
        public Builder callDeadline(Duration callDeadline) {
            this.callDeadline = RetryPolicy.Builder.positive("callDeadline", callDeadline);
            return this;
        }

        /**
         * Builds the timeouts.
         *
         * @return the immutable timeouts
         */
        public Timeouts build() {
            if (callDeadline.toMillis() > Integer.MAX_VALUE) {
                throw new InvalidInputException("callDeadline", "must be at most " + Integer.MAX_VALUE + " ms");
            }
            return new Timeouts(this);
        }
    }
}
