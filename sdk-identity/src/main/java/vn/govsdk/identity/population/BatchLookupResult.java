package vn.govsdk.identity.population;

import java.util.List;
import vn.govsdk.core.id.PersonalIdentifier;

/**
 * The result of an asynchronous batch lookup (GetRequestResult): the records found and the
 * identifiers the database does not hold.
 *
 * @param requestHandle the service's id of the asynchronous request (MaYeuCauXuLy)
 * @param found the records found, in the order the service returned them
 * @param notFound the identifiers not found
 */
public record BatchLookupResult(String requestHandle, List<CitizenRecord> found, List<PersonalIdentifier> notFound) {

    /**
     * Copies the lists.
     *
     * @param requestHandle the request handle
     * @param found the records
     * @param notFound the identifiers not found
     */
    public BatchLookupResult {
        found = List.copyOf(found);
        notFound = List.copyOf(notFound);
    }
}
