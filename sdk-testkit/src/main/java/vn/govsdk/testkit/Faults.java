package vn.govsdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults installed on a {@link MockGovPlatform}, scriptable from Java and over HTTP
 * ({@code /__admin/faults}). A request is checked against the rules in the order they were added;
 * the first rule that matches it and is not used up applies, and counts one hit.
 *
 * <pre>{@code
 * platform.faults().add(FaultRule.builder()
 *         .prefix("/c06").method("POST")
 *         .fault(Fault.status(503).withRetryAfter(Duration.ofSeconds(2)))
 *         .failFirst(2)
 *         .build());
 * }</pre>
 *
 * <p>Thread-safe. {@link MockGovPlatform#reset()} (and so the JUnit extension, before each test)
 * removes every rule.
 */
public final class Faults {

    private static final class Installed {
        final String id;
        final FaultRule rule;
        int hits;

        Installed(String id, FaultRule rule) {
            this.id = id;
            this.rule = rule;
        }

        ActiveFault snapshot() {
            return new ActiveFault(id, rule, hits);
        }

        boolean exhausted() {
            return rule.failFirst().isPresent() && hits >= rule.failFirst().getAsInt();
        }
    }

    /** The fault that applies to one request. */
    record Applied(String id, Fault fault) {
    }

    private final List<Installed> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    Faults() {
    }

    /**
     * Installs a rule.
     *
     * @param rule the rule
     * @return the installed rule with its identifier
     */
    public ActiveFault add(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        Installed installed = new Installed("f" + ids.incrementAndGet(), rule);
        synchronized (rules) {
            rules.add(installed);
            return installed.snapshot();
        }
    }

    /**
     * Installs a fault for every request under a prefix, until removed.
     *
     * @param prefix the service prefix, or {@code /} for every service
     * @param fault the fault
     * @return the installed rule with its identifier
     */
    public ActiveFault add(String prefix, Fault fault) {
        return add(FaultRule.on(prefix, fault));
    }

    /**
     * Removes one rule.
     *
     * @param id the identifier {@link #add} returned
     * @return whether a rule was removed
     */
    public boolean remove(String id) {
        synchronized (rules) {
            return rules.removeIf(r -> r.id.equals(id));
        }
    }

    /**
     * Returns the installed rules, used-up ones included, in the order they apply.
     *
     * @return a snapshot of the rules and their hit counts
     */
    public List<ActiveFault> list() {
        synchronized (rules) {
            List<ActiveFault> out = new ArrayList<>(rules.size());
            for (Installed r : rules) {
                out.add(r.snapshot());
            }
            return List.copyOf(out);
        }
    }

    /** Removes every rule. */
    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    /**
     * Finds the rule for a request and counts the hit.
     *
     * @param method the request method
     * @param path the request path
     * @return the fault to apply, if any
     */
    Optional<Applied> apply(String method, String path) {
        synchronized (rules) {
            for (Installed r : rules) {
                if (!r.exhausted() && r.rule.matches(method, path)) {
                    r.hits++;
                    return Optional.of(new Applied(r.id, r.rule.fault()));
                }
            }
            return Optional.empty();
        }
    }
}
