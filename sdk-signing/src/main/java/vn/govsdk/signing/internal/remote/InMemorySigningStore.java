package vn.govsdk.signing.internal.remote;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.govsdk.signing.remote.RemoteSigningStore;

/** {@link RemoteSigningStore} in memory; expired entries are dropped as others are written. Thread-safe. */
public final class InMemorySigningStore implements RemoteSigningStore {

    private record Stored(String state, long version, Instant expiresAt) {
    }

    private final Map<String, Stored> entries = new HashMap<>();
    private long versions;

    @Override
    public synchronized void put(String key, String state, Instant expiresAt) {
        entries.values().removeIf(e -> !e.expiresAt().isAfter(expiresAt.minusSeconds(7L * 24 * 3600)));
        entries.put(key, new Stored(state, ++versions, expiresAt));
    }

    @Override
    public synchronized Optional<Entry> get(String key, Instant now) {
        Stored s = entries.get(key);
        if (s == null || !s.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(s.state(), s.version()));
    }

    @Override
    public synchronized boolean replace(String key, long expectedVersion, String state) {
        Stored s = entries.get(key);
        if (s == null || s.version() != expectedVersion) {
            return false;
        }
        entries.put(key, new Stored(state, ++versions, s.expiresAt()));
        return true;
    }

    @Override
    public synchronized void remove(String key) {
        entries.remove(key);
    }

    @Override
    public synchronized String toString() {
        return "RemoteSigningStore.inMemory[" + entries.size() + " entries]";
    }
}
