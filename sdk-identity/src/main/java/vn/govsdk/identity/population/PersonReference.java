package vn.govsdk.identity.population;

import java.util.Optional;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A relative named in a citizen record (father, mother, spouse): the citizen ID when the database
 * has one, and the full name.
 *
 * @param citizenId the relative's citizen ID, or {@code null} when not recorded
 * @param fullName the relative's full name in upper case
 */
public record PersonReference(CitizenId citizenId, String fullName) {

    /**
     * Returns the citizen ID, when recorded.
     *
     * @return the ID
     */
    public Optional<CitizenId> citizenIdIfPresent() {
        return Optional.ofNullable(citizenId);
    }

    /**
     * Shows the reference with the ID and the name masked.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "PersonReference[citizenId=" + citizenId + ", fullName="
                + (fullName == null ? null : PersonalDataMasker.maskName(fullName)) + "]";
    }
}
