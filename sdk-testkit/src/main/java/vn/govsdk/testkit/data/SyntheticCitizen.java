package vn.govsdk.testkit.data;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * One synthetic citizen (công dân) of the mock platform's population, derived from the data seed and
 * the citizen's index alone. Everything is consistent: the citizen ID encodes the birth province, the
 * century and gender and the birth year; parents are older than their children; the marital status
 * fits the age and the household.
 *
 * <p>None of this describes a real person. {@link #toString()} masks the ID and the names all the same,
 * so that the habit of never logging personal data holds in tests too.
 *
 * @param index the citizen's index in the population, {@code 0} to {@code population - 1}
 * @param citizenId the 12-digit personal identification number (số định danh cá nhân, CCCD):
 *     birth-registration province (3 digits, pre-2025 code), century/gender digit, last two digits
 *     of the birth year, six digits
 * @param fullName the full name, family name first, with diacritics, for example {@code Nguyễn Văn An}
 * @param familyName the family name (họ), for example {@code Nguyễn}
 * @param middleName the middle name or names (tên đệm), for example {@code Văn} or {@code Thị Thu}
 * @param givenName the given name (tên), for example {@code An}
 * @param gender the gender
 * @param birthDate the birth date, never after the data's {@linkplain SyntheticData#referenceDate() reference date}
 * @param birthProvince the province of birth registration, with its pre-2025 code
 * @param ethnicity the ethnic group (dân tộc), for example {@code Kinh}
 * @param address the current address, with the 2025 province code
 * @param father the father
 * @param mother the mother
 * @param householdIndex the index of the citizen's household
 * @param householdId the household code (mã hộ gia đình)
 * @param householdHeadCitizenId the citizen ID of the head of the household (the citizen's own, for a head)
 * @param relationshipToHead the relationship to the head of the household
 * @param maritalStatus the marital status
 */
public record SyntheticCitizen(long index, String citizenId, String fullName, String familyName,
        String middleName, String givenName, Gender gender, LocalDate birthDate, Province birthProvince,
        String ethnicity, Address address, PersonRef father, PersonRef mother, long householdIndex,
        String householdId, String householdHeadCitizenId, Relationship relationshipToHead,
        MaritalStatus maritalStatus) {

    /**
     * Validates the parts.
     *
     * @param index the index
     * @param citizenId the citizen ID
     * @param fullName the full name
     * @param familyName the family name
     * @param middleName the middle name
     * @param givenName the given name
     * @param gender the gender
     * @param birthDate the birth date
     * @param birthProvince the birth province
     * @param ethnicity the ethnic group
     * @param address the current address
     * @param father the father
     * @param mother the mother
     * @param householdIndex the household index
     * @param householdId the household code
     * @param householdHeadCitizenId the head's citizen ID
     * @param relationshipToHead the relationship to the head
     * @param maritalStatus the marital status
     */
    public SyntheticCitizen {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(middleName, "middleName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(birthProvince, "birthProvince");
        Objects.requireNonNull(ethnicity, "ethnicity");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(father, "father");
        Objects.requireNonNull(mother, "mother");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(householdHeadCitizenId, "householdHeadCitizenId");
        Objects.requireNonNull(relationshipToHead, "relationshipToHead");
        Objects.requireNonNull(maritalStatus, "maritalStatus");
    }

    /**
     * Returns the citizen's age in whole years on a date.
     *
     * @param date the date, for example {@link SyntheticData#referenceDate()}
     * @return the age in completed years
     */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /**
     * Returns the full name in upper case, as the population database expects it
     * ({@code NGUYỄN VĂN AN}).
     *
     * @return the upper-cased full name
     */
    public String fullNameUpperCase() {
        return fullName.toUpperCase(java.util.Locale.forLanguageTag("vi-VN"));
    }

    /**
     * Returns a summary with the ID and names masked.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "SyntheticCitizen[index " + index + ", " + PersonalDataMasker.maskIdentifier(citizenId) + ", "
                + PersonalDataMasker.maskName(fullName) + ", " + gender + ", born " + birthDate.getYear()
                + ", " + relationshipToHead + ", " + maritalStatus + "]";
    }
}
