package vn.govsdk.spring.autoconfigure;

import java.time.Duration;

/**
 * Timeouts of one client ({@code <prefix>.timeouts.*}); an unset value keeps the SDK's default
 * ({@link vn.govsdk.core.http.Timeouts#defaults()}: connect 10 s, read 60 s, write 60 s, call deadline
 * 2 min).
 */
public class TimeoutProperties {

    /** Time allowed to establish a connection, per attempt (SDK default 10 s). */
    private Duration connect;

    /** Longest silence allowed while reading a response, per attempt (SDK default 60 s). */
    private Duration read;

    /** Longest stall allowed while writing a request, per attempt (SDK default 60 s). */
    private Duration write;

    /** Deadline for a whole call, across every attempt and the waits between them (SDK default 2 min). */
    private Duration callDeadline;

    /** Creates unset timeouts, for property binding. */
    public TimeoutProperties() {
    }

    /**
     * Returns the connect timeout.
     *
     * @return the timeout, or {@code null} for the SDK's default
     */
    public Duration getConnect() {
        return connect;
    }

    /**
     * Sets the connect timeout.
     *
     * @param connect a positive duration
     */
    public void setConnect(Duration connect) {
        this.connect = connect;
    }

    /**
     * Returns the read timeout.
     *
     * @return the timeout, or {@code null} for the SDK's default
     */
    public Duration getRead() {
        return read;
    }

    /**
     * Sets the read timeout.
     *
     * @param read a positive duration
     */
    public void setRead(Duration read) {
        this.read = read;
    }

    /**
     * Returns the write timeout.
     *
     * @return the timeout, or {@code null} for the SDK's default
     */
    public Duration getWrite() {
        return write;
    }

    /**
     * Sets the write timeout.
     *
     * @param write a positive duration
     */
    public void setWrite(Duration write) {
        this.write = write;
    }

    /**
     * Returns the call deadline.
     *
     * @return the deadline, or {@code null} for the SDK's default
     */
    public Duration getCallDeadline() {
        return callDeadline;
    }

    /**
     * Sets the call deadline.
     *
     * @param callDeadline a positive duration
     */
    public void setCallDeadline(Duration callDeadline) {
        this.callDeadline = callDeadline;
    }
}
