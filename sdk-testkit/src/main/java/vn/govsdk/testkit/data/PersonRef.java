package vn.govsdk.testkit.data;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A reference to a relative (a parent) of a synthetic citizen. A parent who lives in the same
 * synthetic household is a member of the synthetic population and carries its
 * {@linkplain #populationIndex() index}; a parent who does not (the parents of most heads of
 * household, an absent parent) is described here only, with a citizen ID that belongs to no member
 * of the population.
 *
 * @param citizenId the parent's 12-digit citizen ID, structurally valid
 * @param fullName the parent's full name with diacritics
 * @param gender the parent's gender
 * @param birthDate the parent's birth date, always before the child's
 * @param populationIndex the parent's index in the synthetic population, if the parent is a member
 */
public record PersonRef(String citizenId, String fullName, Gender gender, LocalDate birthDate,
        OptionalLong populationIndex) {

    /**
     * Validates the parts.
     *
     * @param citizenId the citizen ID
     * @param fullName the full name
     * @param gender the gender
     * @param birthDate the birth date
     * @param populationIndex the population index, if any
     */
    public PersonRef {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(populationIndex, "populationIndex");
    }

    /**
     * Returns the reference with its citizen ID and name masked.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "PersonRef[" + PersonalDataMasker.maskIdentifier(citizenId) + ", "
                + PersonalDataMasker.maskName(fullName) + ", " + gender + ", born " + birthDate.getYear()
                + (populationIndex.isPresent() ? ", index " + populationIndex.getAsLong() : "") + "]";
    }
}
