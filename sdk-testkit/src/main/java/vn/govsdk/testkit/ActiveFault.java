package vn.govsdk.testkit;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A fault rule installed on the platform, with how many requests it has been applied to.
 *
 * @param id the identifier the platform gave the rule, for removing it ({@code DELETE /__admin/faults/{id}})
 * @param rule the rule
 * @param hits the number of requests the fault has been applied to so far
 */
public record ActiveFault(String id, FaultRule rule, int hits) {

    /**
     * Validates the parts.
     *
     * @param id the identifier
     * @param rule the rule
     * @param hits the hit count
     */
    public ActiveFault {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Tells whether a "fail the first N" rule has failed its N requests and no longer applies.
     *
     * @return whether the rule is used up
     */
    public boolean exhausted() {
        return rule.failFirst().isPresent() && hits >= rule.failFirst().getAsInt();
    }

    /**
     * Returns how many more requests a "fail the first N" rule will fail.
     *
     * @return the remaining count, or empty for a rule without a limit
     */
    public OptionalInt remaining() {
        return rule.failFirst().isPresent()
                ? OptionalInt.of(Math.max(0, rule.failFirst().getAsInt() - hits)) : OptionalInt.empty();
    }
}
