package vn.govsdk.identity.population;

import java.util.Optional;
import vn.govsdk.core.id.CitizenId;

/**
 * The answer to XacMinhTinhTrangHonNhan: the citizen's recorded marital status and, when married,
 * the spouse.
 *
 * @param citizenId the citizen asked about
 * @param status the marital status
 * @param spouse the spouse, or {@code null}
 */
public record MaritalStatusResult(CitizenId citizenId, MaritalStatus status, PersonReference spouse) {

    /**
     * Returns the spouse, when recorded.
     *
     * @return the spouse
     */
    public Optional<PersonReference> spouseIfPresent() {
        return Optional.ofNullable(spouse);
    }
}
