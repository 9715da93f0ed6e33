package vn.govsdk.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request the mock platform received (admin endpoints under {@code /__admin} excepted), for
 * assertions in tests and, masked, over HTTP at {@code /__admin/requests}.
 *
 * <p>An entry is recorded before its response is sent, so a client that has its response can assert
 * on the journal straight away. The journal keeps the most recent entries up to its capacity
 * (10,000 by default), so that a mock server running all day does not grow without bound.
 *
 * <p>Thread-safe. {@link MockGovPlatform#reset()} (and so the JUnit extension, before each test)
 * clears it.
 */
public final class RequestJournal {
    private final int capacity;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private long sequence;

    RequestJournal(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("journal capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    JournalEntry record(java.time.Instant receivedAt, MockRequest request, Optional<String> serviceName, int status,
            Optional<String> fault) {
        synchronized (entries) {
            JournalEntry entry = new JournalEntry(++sequence, receivedAt, request, serviceName, status, fault);
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(entry);
            return entry;
        }
    }

    /**
     * Returns every recorded request, oldest first.
     *
     * @return a snapshot
     */
    public List<JournalEntry> requests() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /**
     * Returns the recorded requests that satisfy a condition, oldest first.
     *
     * @param condition the condition
     * @return a snapshot
     */
    public List<JournalEntry> requests(Predicate<? super JournalEntry> condition) {
        Objects.requireNonNull(condition, "condition");
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : requests()) {
            if (condition.test(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the recorded requests under a path prefix, oldest first.
     *
     * @param prefix a path prefix such as {@code /c06}; matches the prefix itself and paths below it
     * @return a snapshot
     */
    public List<JournalEntry> requestsTo(String prefix) {
        return requests(under(prefix));
    }

    /**
     * Returns the number of recorded requests.
     *
     * @return the count
     */
    public int count() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * Returns the number of recorded requests under a path prefix.
     *
     * @param prefix a path prefix such as {@code /c06}
     * @return the count
     */
    public int count(String prefix) {
        return requestsTo(prefix).size();
    }

    /**
     * Returns the number of recorded requests that satisfy a condition.
     *
     * @param condition the condition
     * @return the count
     */
    public int count(Predicate<? super JournalEntry> condition) {
        return requests(condition).size();
    }

    /**
     * Returns the most recent request.
     *
     * @return the entry, or empty when nothing was recorded
     */
    public Optional<JournalEntry> last() {
        synchronized (entries) {
            return Optional.ofNullable(entries.peekLast());
        }
    }

    /**
     * Returns the most recent request under a path prefix.
     *
     * @param prefix a path prefix such as {@code /c06}
     * @return the entry, or empty when none was recorded
     */
    public Optional<JournalEntry> lastTo(String prefix) {
        List<JournalEntry> matching = requestsTo(prefix);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** Forgets every recorded request. Sequence numbers keep counting. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /**
     * Returns how many entries the journal keeps.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    private static Predicate<JournalEntry> under(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return e -> p.equals("/") || e.path().equals(p) || e.path().startsWith(p + "/");
    }
}
