package vn.govsdk.dataexchange.portal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * Maps a department's own dossier statuses (status and optional sub-status of its one-stop-shop
 * software) to the portal's {@link DossierStatus}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DossierStatusMapping {

    /**
     * Maps a local status.
     *
     * @param localStatus the department's status
     * @param localSubStatus the department's sub-status, or {@code null}
     * @return the portal status
     * @throws InvalidInputException when the local status has no mapping
     */
    DossierStatus toPortal(String localStatus, String localSubStatus);

    /**
     * A mapping from a table. Keys are {@code "status"} or {@code "status/subStatus"}; a key with a
     * sub-status wins over the bare status.
     *
     * @param table the table
     * @return the mapping
     */
    static DossierStatusMapping ofTable(Map<String, DossierStatus> table) {
        Map<String, DossierStatus> copy = Map.copyOf(new HashMap<>(Objects.requireNonNull(table, "table")));
        return (status, sub) -> {
            if (status == null || status.isBlank()) {
                throw new InvalidInputException("localStatus", "must not be blank");
            }
            DossierStatus found = sub == null ? null : copy.get(status + "/" + sub);
            if (found == null) {
                found = copy.get(status);
            }
            if (found == null) {
                throw new InvalidInputException("localStatus",
                        "has no portal status mapped for '" + status + (sub == null ? "" : "/" + sub) + "'");
            }
            return found;
        };
    }
}
