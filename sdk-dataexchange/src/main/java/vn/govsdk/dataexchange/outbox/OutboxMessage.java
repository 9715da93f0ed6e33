package vn.govsdk.dataexchange.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.json.GovJson;

/**
 * One update waiting to reach the portal: a dossier (hồ sơ) code, which orders the messages of one
 * dossier, a {@link MessageKind} and a JSON payload that the {@link OutboxDelivery} turns into a
 * portal call.
 *
 * <p>An application makes a new message with {@link #of(String, MessageKind, String)} and hands it to
 * {@link SyncOutbox#enqueue(OutboxMessage)}, which returns the stored copy: with its id, creation
 * time and delivery state. Messages the outbox gives back (to the delivery, in dead-letter listings)
 * are always stored copies.
 *
 * <p>Immutable. {@link #toString()} never shows the payload, which usually carries personal data.
 */
public final class OutboxMessage {

    /** The longest dossier code accepted. */
    public static final int MAX_DOSSIER_CODE_LENGTH = 100;

    /** The largest payload accepted, in UTF-8 bytes (1 MiB). */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

    private static final Pattern DOSSIER_CODE = Pattern.compile("[\\p{L}\\p{N}._\\-/:]+");

    /** Where a stored message stands. */
    public enum State {
        /** Waiting for delivery, being delivered, or waiting for a retry. */
        PENDING,
        /** Given up on after its last attempt, with the reason; held until an operator acts. */
        DEAD_LETTER
    }

    private final long id;
    private final String dossierCode;
    private final MessageKind kind;
    private final String payload;
    private final Instant createdAt;
    private final int attempts;
    private final Instant nextAttemptAt;
    private final String lastError;
    private final State state;
    private final Instant deadLetteredAt;

    OutboxMessage(long id, String dossierCode, MessageKind kind, String payload, Instant createdAt, int attempts,
            Instant nextAttemptAt, String lastError, State state, Instant deadLetteredAt) {
        this.id = id;
        this.dossierCode = dossierCode;
        this.kind = kind;
        this.payload = payload;
        this.createdAt = createdAt;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.state = state;
        this.deadLetteredAt = deadLetteredAt;
    }

    /**
     * Makes a new message, not yet stored. Every part is checked here, before anything is written.
     *
     * @param dossierCode the dossier code (mã hồ sơ); letters, digits and {@code . _ - / :}, at most
     *     {@value #MAX_DOSSIER_CODE_LENGTH} characters. Messages with the same code are delivered in
     *     the order they were enqueued.
     * @param kind what the message asks for
     * @param payloadJson a JSON document, at most {@value #MAX_PAYLOAD_BYTES} bytes in UTF-8
     * @return the message
     * @throws InvalidInputException naming the field and the rule it breaks
     */
    public static OutboxMessage of(String dossierCode, MessageKind kind, String payloadJson) {
        if (dossierCode == null || dossierCode.isEmpty()) {
            throw new InvalidInputException("dossierCode", "must not be empty");
        }
        if (dossierCode.length() > MAX_DOSSIER_CODE_LENGTH) {
            throw new InvalidInputException("dossierCode",
                    "must be at most " + MAX_DOSSIER_CODE_LENGTH + " characters, got " + dossierCode.length());
        }
        if (!DOSSIER_CODE.matcher(dossierCode).matches()) {
            throw new InvalidInputException("dossierCode", "must contain only letters, digits and . _ - / :");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "must not be null");
        }
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new InvalidInputException("payload", "must be a JSON document, got nothing");
        }
        byte[] bytes = payloadJson.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new InvalidInputException("payload",
                    "must be at most " + MAX_PAYLOAD_BYTES + " bytes in UTF-8, got " + bytes.length);
        }
        try {
            GovJson.readTree(bytes);
        } catch (GovSdkException e) {
            throw new InvalidInputException("payload", "must be a well-formed JSON document");
        }
        return new OutboxMessage(0L, dossierCode, kind, payloadJson, null, 0, null, null, State.PENDING, null);
    }

    /**
     * Returns the id the store gave the message; ids grow in enqueue order.
     *
     * @return the id, or 0 for a message not yet enqueued
     */
    public long id() {
        return id;
    }

    /**
     * Returns the dossier code, the key that orders delivery.
     *
     * @return the dossier code (mã hồ sơ)
     */
    public String dossierCode() {
        return dossierCode;
    }

    /**
     * Returns what the message asks for.
     *
     * @return the kind
     */
    public MessageKind kind() {
        return kind;
    }

    /**
     * Returns the JSON payload, exactly as enqueued.
     *
     * @return the payload
     */
    public String payload() {
        return payload;
    }

    /**
     * Returns when the message was enqueued, by the outbox's clock.
     *
     * @return the creation time, or empty for a message not yet enqueued
     */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /**
     * Returns how many delivery attempts have failed so far.
     *
     * @return the number of failed attempts
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns the earliest time of the next attempt.
     *
     * @return the next attempt time, or empty for a message not yet enqueued
     */
    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    /**
     * Returns why the last attempt failed (personal data masked).
     *
     * @return the last failure, if any attempt failed
     */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * Returns where the message stands.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    /**
     * Returns when the message was dead-lettered.
     *
     * @return the time, for a {@link State#DEAD_LETTER} message
     */
    public Optional<Instant> deadLetteredAt() {
        return Optional.ofNullable(deadLetteredAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxMessage m && m.id == id && m.attempts == attempts
                && m.dossierCode.equals(dossierCode) && m.kind.equals(kind) && m.payload.equals(payload)
                && Objects.equals(m.createdAt, createdAt) && Objects.equals(m.nextAttemptAt, nextAttemptAt)
                && Objects.equals(m.lastError, lastError) && m.state == state
                && Objects.equals(m.deadLetteredAt, deadLetteredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, dossierCode, kind, payload, attempts, state);
    }

    /**
     * Describes the message without its payload.
     *
     * @return id, dossier code, kind, state, attempts and payload size
     */
    @Override
    public String toString() {
        return "OutboxMessage[id=" + id + ", dossierCode=" + dossierCode + ", kind=" + kind + ", state=" + state
                + ", attempts=" + attempts + ", payload=" + payload.length() + " chars]";
    }
}
