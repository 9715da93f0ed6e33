package vn.govsdk.identity.population;

import java.util.Optional;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.Gender;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A citizen's record (thông tin công dân) as the population database returns it. Optional parts
 * the database did not send are {@code null}; {@code toString()} masks every personal value.
 *
 * @param citizenId the citizen ID (số định danh cá nhân)
 * @param legacyIdNumber the former 9-digit ID card number (số CMND), or {@code null}
 * @param fullName the full name (họ và tên) in upper case
 * @param birthDate the birth date, full or year alone
 * @param gender the gender (giới tính)
 * @param birthPlace the place of birth registration (nơi đăng ký khai sinh), or {@code null}
 * @param hometown the home town (quê quán), or {@code null}
 * @param permanentAddress the permanent residence (nơi thường trú), or {@code null}
 * @param currentAddress the current residence (nơi ở hiện tại), or {@code null}
 * @param ethnicity the ethnicity (dân tộc), or {@code null}
 * @param religion the religion (tôn giáo), or {@code null}
 * @param nationality the nationality (quốc tịch), or {@code null}
 * @param father the father (cha), or {@code null}
 * @param mother the mother (mẹ), or {@code null}
 * @param spouse the spouse (vợ/chồng), or {@code null}
 * @param householdId the household book number (số hộ khẩu), or {@code null}
 */
public record CitizenRecord(CitizenId citizenId, LegacyIdNumber legacyIdNumber, String fullName, BirthDate birthDate,
        Gender gender, String birthPlace, String hometown, String permanentAddress, String currentAddress,
        String ethnicity, String religion, String nationality, PersonReference father, PersonReference mother,
        PersonReference spouse, String householdId) {

    /**
     * Returns the spouse, when recorded.
     *
     * @return the spouse
     */
    public Optional<PersonReference> spouseIfPresent() {
        return Optional.ofNullable(spouse);
    }

    /**
     * Shows the record with identifiers, name and birth date masked and addresses left out.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "CitizenRecord[citizenId=" + citizenId + (legacyIdNumber == null ? "" : ", legacyIdNumber=" + legacyIdNumber)
                + ", fullName=" + (fullName == null ? null : PersonalDataMasker.maskName(fullName))
                + ", birthDate=" + birthDate + ", gender=" + gender
                + ", householdId=" + (householdId == null ? null : PersonalDataMasker.maskIdentifier(householdId)) + "]";
    }
}
