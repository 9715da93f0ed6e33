package vn.govsdk.identity.population;

import java.util.Set;

/**
 * The answer to a verification (XacThucThongTinCongDan): whether the identifier exists, and for
 * each detail sent whether it matched the database.
 *
 * @param exists whether the database holds the identifier (TonTai)
 * @param matched the details that matched
 * @param mismatched the details that did not match
 */
public record Verification(boolean exists, Set<VerifiedField> matched, Set<VerifiedField> mismatched) {

    /**
     * Copies the sets.
     *
     * @param exists whether the identifier exists
     * @param matched the details that matched
     * @param mismatched the details that did not match
     */
    public Verification {
        matched = Set.copyOf(matched);
        mismatched = Set.copyOf(mismatched);
    }

    /**
     * Tells whether the citizen exists and every detail sent matched.
     *
     * @return true on a full match
     */
    public boolean matches() {
        return exists && mismatched.isEmpty();
    }
}
