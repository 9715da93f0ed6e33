package vn.govsdk.dataexchange.portal;

import java.util.List;
import java.util.Optional;

/**
 * A code list as the portal returned it. Codes are kept as strings and never checked against a
 * fixed table, so a code the SDK has never seen is kept, not refused.
 *
 * @param kind which list
 * @param parentCode the parent code asked for (province of districts or wards), or {@code null}
 * @param entries the entries, in the portal's order
 */
public record CodeList(CodeListKind kind, String parentCode, List<Entry> entries) {

    /** Makes the list immutable. */
    public CodeList {
        entries = List.copyOf(entries);
    }

    /**
     * Finds an entry by code.
     *
     * @param code the code
     * @return the entry, or empty
     */
    public Optional<Entry> find(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /**
     * One entry.
     *
     * @param code the code ({@code MA}/{@code Ma…})
     * @param name the name ({@code TEN}/{@code Ten…})
     * @param parentCode the parent's code, or {@code null} (for example a ward whose district level was abolished)
     */
    public record Entry(String code, String name, String parentCode) {
        /**
         * Returns the parent code.
         *
         * @return the parent, or empty
         */
        public Optional<String> parent() {
            return Optional.ofNullable(parentCode);
        }
    }
}
