package vn.govsdk.identity.population;

import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.Gender;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * One member of a household (thành viên hộ gia đình).
 *
 * @param citizenId the member's citizen ID
 * @param fullName the full name in upper case
 * @param birthDate the birth date
 * @param gender the gender
 * @param relationship the relationship to the head of household
 */
public record HouseholdMember(CitizenId citizenId, String fullName, BirthDate birthDate, Gender gender,
        HouseholdRelationship relationship) {

    /**
     * Shows the member with the ID, name and birth date masked.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "HouseholdMember[citizenId=" + citizenId + ", fullName="
                + (fullName == null ? null : PersonalDataMasker.maskName(fullName)) + ", birthDate=" + birthDate
                + ", gender=" + gender + ", relationship=" + relationship + "]";
    }
}
