package vn.govsdk.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What goes wrong with a response: one of the failures the real government systems show, applied by
 * the mock platform to the requests a {@link FaultRule} matches. Immutable; the {@code with...}
 * methods return copies.
 *
 * <p>A {@link Kind#STATUS} or {@link Kind#DROP_BEFORE_HEADERS} fault answers in place of the service,
 * as a failing gateway would: the service never sees the request. Every other kind lets the service
 * answer and then damages, delays or slows its response.
 */
public final class Fault {

    /** The kinds of fault. */
    public enum Kind {
        /** A fixed HTTP status (with an optional body and {@code Retry-After}) instead of the service's answer. */
        STATUS,
        /** The service's answer, only later. */
        LATENCY,
        /** The connection is closed after the request is read and before any response byte: the client sees end of stream. */
        DROP_BEFORE_HEADERS,
        /** The status line and headers are sent, announcing the full body; then the connection is closed. */
        DROP_AFTER_HEADERS,
        /** Part of the body is sent (by default half), announcing the full length; then the connection is closed. */
        TRUNCATED_BODY,
        /** A complete, well-framed body that does not parse: JSON or XML cut short with garbage appended. */
        MALFORMED_BODY,
        /** The body trickles out at a fixed rate. */
        SLOW_BODY
    }

    private final Kind kind;
    private final int status;
    private final String contentType;
    private final String body;
    private final String retryAfter;
    private final Duration latency;
    private final int bytes;
    private final long bytesPerPeriod;
    private final Duration period;

    private Fault(Kind kind, int status, String contentType, String body, String retryAfter, Duration latency,
            int bytes, long bytesPerPeriod, Duration period) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.retryAfter = retryAfter;
        this.latency = latency;
        this.bytes = bytes;
        this.bytesPerPeriod = bytesPerPeriod;
        this.period = period;
    }

    /**
     * Answers with a status and a short JSON body naming the fault, instead of the service.
     *
     * @param status the HTTP status, 100 to 599 (typically 429, 500, 502, 503 or 504)
     * @return the fault
     */
    public static Fault status(int status) {
        return status(status, null, null);
    }

    /**
     * Answers with a status and the given body, instead of the service.
     *
     * @param status the HTTP status, 100 to 599
     * @param contentType the body's media type, for example {@code text/xml; charset=utf-8}; null for
     *     the default JSON body
     * @param body the body text (UTF-8); null for the default JSON body
     * @return the fault
     */
    public static Fault status(int status, String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, got " + status);
        }
        if ((contentType == null) != (body == null)) {
            throw new IllegalArgumentException("contentType and body must be given together");
        }
        return new Fault(Kind.STATUS, status, contentType, body, null, Duration.ZERO, -1, 0, Duration.ZERO);
    }

    /**
     * Lets the service answer, after a delay.
     *
     * @param latency the delay, positive
     * @return the fault
     */
    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, 0, null, null, null, positive(latency, "latency"), -1, 0, Duration.ZERO);
    }

    /**
     * Closes the connection after reading the request, before sending anything. The service is not called.
     *
     * @return the fault
     */
    public static Fault dropBeforeHeaders() {
        return new Fault(Kind.DROP_BEFORE_HEADERS, 0, null, null, null, Duration.ZERO, -1, 0, Duration.ZERO);
    }

    /**
     * Sends the service's status line and headers, then closes the connection without any body byte.
     *
     * @return the fault
     */
    public static Fault dropAfterHeaders() {
        return new Fault(Kind.DROP_AFTER_HEADERS, 0, null, null, null, Duration.ZERO, 0, 0, Duration.ZERO);
    }

    /**
     * Sends the first half of the service's body, announcing its full length, then closes the connection.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, null, null, null, Duration.ZERO, -1, 0, Duration.ZERO);
    }

    /**
     * Sends the first bytes of the service's body, announcing its full length, then closes the
     * connection. When the body is not longer than {@code bytes}, half of it is sent.
     *
     * @param bytes how many body bytes to send, zero or more
     * @return the fault
     */
    public static Fault truncatedBody(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
        }
        return new Fault(Kind.TRUNCATED_BODY, 0, null, null, null, Duration.ZERO, bytes, 0, Duration.ZERO);
    }

    /**
     * Replaces the service's body with a well-framed body that does not parse: the first half of the
     * original text followed by bytes that are neither JSON nor XML. Status and headers are kept.
     *
     * @return the fault
     */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, 0, null, null, null, Duration.ZERO, -1, 0, Duration.ZERO);
    }

    /**
     * Replaces the service's body with the given text. Status and headers are kept.
     *
     * @param replacement the body to send instead, for example {@code {"ok": tru}}
     * @return the fault
     */
    public static Fault malformedBody(String replacement) {
        Objects.requireNonNull(replacement, "replacement");
        return new Fault(Kind.MALFORMED_BODY, 0, null, replacement, null, Duration.ZERO, -1, 0, Duration.ZERO);
    }

    /**
     * Sends the service's body at a fixed rate: {@code bytesPerPeriod} bytes, then a pause of
     * {@code period}, and so on. This one waits on the real clock (it happens on the socket).
     *
     * @param bytesPerPeriod bytes sent between pauses, positive
     * @param period the pause, positive
     * @return the fault
     */
    public static Fault slowBody(long bytesPerPeriod, Duration period) {
        if (bytesPerPeriod <= 0) {
            throw new IllegalArgumentException("bytesPerPeriod must be positive, got " + bytesPerPeriod);
        }
        return new Fault(Kind.SLOW_BODY, 0, null, null, null, Duration.ZERO, -1, bytesPerPeriod,
                positive(period, "period"));
    }

    /**
     * Returns a copy that also sends {@code Retry-After} with a number of seconds. Only for
     * {@link Kind#STATUS} faults.
     *
     * @param delay the delay the client is asked to wait, zero or more whole seconds
     * @return the new fault
     */
    public Fault withRetryAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return withRetryAfter(Long.toString(delay.toSeconds()));
    }

    /**
     * Returns a copy that also sends {@code Retry-After} with the given value, either a number of
     * seconds or an HTTP date (for example {@code Wed, 21 Oct 2026 07:28:00 GMT}). Only for
     * {@link Kind#STATUS} faults.
     *
     * @param value the header value, sent as is
     * @return the new fault
     */
    public Fault withRetryAfter(String value) {
        Objects.requireNonNull(value, "value");
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("Retry-After applies to STATUS faults only, this is " + kind);
        }
        if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Retry-After must be a non-blank single-line value");
        }
        return new Fault(kind, status, contentType, body, value, latency, bytes, bytesPerPeriod, period);
    }

    /**
     * Returns a copy that also waits before responding (or before dropping the connection).
     *
     * @param delay the added latency, zero or more
     * @return the new fault
     */
    public Fault withLatency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        return new Fault(kind, status, contentType, body, retryAfter, delay, bytes, bytesPerPeriod, period);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /**
     * Returns the kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the status of a {@link Kind#STATUS} fault.
     *
     * @return the status, or empty for other kinds
     */
    public OptionalInt status() {
        return kind == Kind.STATUS ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /**
     * Returns the body of a {@link Kind#STATUS} fault, or the replacement of a
     * {@link Kind#MALFORMED_BODY} fault, when one was given.
     *
     * @return the body text
     */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /**
     * Returns the media type of a {@link Kind#STATUS} fault's body, when one was given.
     *
     * @return the media type
     */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * Returns the {@code Retry-After} value sent with a {@link Kind#STATUS} fault.
     *
     * @return the header value, if any
     */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Returns the latency added before responding.
     *
     * @return the latency, {@link Duration#ZERO} for none
     */
    public Duration latency() {
        return latency;
    }

    /**
     * Returns how many body bytes a {@link Kind#TRUNCATED_BODY} fault sends.
     *
     * @return the byte count, or empty for "half the body"
     */
    public OptionalInt truncateAfterBytes() {
        return kind == Kind.TRUNCATED_BODY && bytes >= 0 ? OptionalInt.of(bytes) : OptionalInt.empty();
    }

    /**
     * Returns the bytes a {@link Kind#SLOW_BODY} fault sends between pauses.
     *
     * @return the byte count, 0 for other kinds
     */
    public long bytesPerPeriod() {
        return bytesPerPeriod;
    }

    /**
     * Returns the pause of a {@link Kind#SLOW_BODY} fault.
     *
     * @return the pause, {@link Duration#ZERO} for other kinds
     */
    public Duration period() {
        return period;
    }

    /**
     * Describes the fault in a few words, as the journal and the admin page show it.
     *
     * @return for example {@code status 503, Retry-After 2}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        switch (kind) {
            case STATUS -> {
                s.append("status ").append(status);
                if (retryAfter != null) {
                    s.append(", Retry-After ").append(retryAfter);
                }
            }
            case LATENCY -> s.append("latency");
            case DROP_BEFORE_HEADERS -> s.append("connection dropped before headers");
            case DROP_AFTER_HEADERS -> s.append("connection dropped after headers");
            case TRUNCATED_BODY -> s.append("body truncated").append(bytes >= 0 ? " after " + bytes + " bytes" : " at half");
            case MALFORMED_BODY -> s.append("malformed body");
            case SLOW_BODY -> s.append("slow body, ").append(bytesPerPeriod).append(" bytes per ")
                    .append(period.toMillis()).append(" ms");
            default -> throw new AssertionError(kind);
        }
        if (!latency.isZero()) {
            s.append(kind == Kind.LATENCY ? " " : ", latency ").append(latency.toMillis()).append(" ms");
        }
        return s.toString();
    }

    /**
     * Compares by kind and every parameter.
     *
     * @param o the other object
     * @return whether both describe the same fault
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Fault f)) {
            return false;
        }
        return kind == f.kind && status == f.status && bytes == f.bytes && bytesPerPeriod == f.bytesPerPeriod
                && Objects.equals(contentType, f.contentType) && Objects.equals(body, f.body)
                && Objects.equals(retryAfter, f.retryAfter) && latency.equals(f.latency) && period.equals(f.period);
    }

    /**
     * Hashes every parameter.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, status, contentType, body, retryAfter, latency, bytes, bytesPerPeriod, period);
    }
}
