package vn.govsdk.core.internal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds one access token or session and renews it single-flight: however many threads find it
 * missing, expired or rejected at the same time, one of them fetches and the others wait for that
 * result (or that failure). Thread-safe.
 */
final class CredentialCache {

    /** A credential and the instant from which it must be renewed ({@code null}: until rejected). */
    record Credential(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Credential[***, renewAt=" + renewAt + "]";
        }
    }

    private final Supplier<Credential> fetcher;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Credential current;
    private CompletableFuture<Credential> inFlight; // guarded by lock

    CredentialCache(Supplier<Credential> fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * Returns a credential that is neither due for renewal nor the one the server just rejected.
     *
     * @param rejected the value the server refused, or {@code null}
     * @throws RuntimeException whatever the fetch threw; every waiting thread gets the same failure
     */
    String get(String rejected) {
        Credential c = current;
        if (usable(c, rejected)) {
            return c.value();
        }
        CompletableFuture<Credential> flight;
        boolean leader = false;
        lock.lock();
        try {
            c = current;
            if (usable(c, rejected)) {
                return c.value();
            }
            flight = inFlight;
            if (flight == null) {
                flight = new CompletableFuture<>();
                inFlight = flight;
                leader = true;
            }
        } finally {
            lock.unlock();
        }
        if (leader) {
            try {
                Credential fresh = fetcher.get();
                current = fresh;
                flight.complete(fresh);
            } catch (RuntimeException | Error e) {
                flight.completeExceptionally(e);
                throw e;
            } finally {
                lock.lock();
                try {
                    inFlight = null;
                } finally {
                    lock.unlock();
                }
            }
        }
        try {
            return flight.join().value();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** Forgets the credential if it is the rejected one, so that the next call fetches a new one. */
    void invalidate(String rejected) {
        lock.lock();
        try {
            Credential c = current;
            if (c != null && c.value().equals(rejected)) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean usable(Credential c, String rejected) {
        return c != null && !c.value().equals(rejected)
                && (c.renewAt() == null || clock.instant().isBefore(c.renewAt()));
    }
}
