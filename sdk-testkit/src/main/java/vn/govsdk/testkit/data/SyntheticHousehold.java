package vn.govsdk.testkit.data;

import java.util.List;
import java.util.Objects;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A synthetic household (hộ gia đình): a head and the members registered with them at one address.
 *
 * @param index the household's index, {@code 0} to {@code householdCount - 1}
 * @param householdId the household code (mã hộ gia đình), 12 digits: the ward code and seven digits
 * @param address the household's address
 * @param members the members, the head first
 */
public record SyntheticHousehold(long index, String householdId, Address address, List<SyntheticCitizen> members) {

    /**
     * Validates and copies the parts.
     *
     * @param index the index
     * @param householdId the household code
     * @param address the address
     * @param members the members, the head first
     */
    public SyntheticHousehold {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(address, "address");
        members = List.copyOf(members);
        if (members.isEmpty() || members.get(0).relationshipToHead() != Relationship.HEAD) {
            throw new IllegalArgumentException("members must start with the head of the household");
        }
    }

    /**
     * Returns the head of the household (chủ hộ).
     *
     * @return the head
     */
    public SyntheticCitizen head() {
        return members.get(0);
    }

    /**
     * Returns a summary with the household code masked.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "SyntheticHousehold[index " + index + ", " + PersonalDataMasker.maskIdentifier(householdId) + ", "
                + members.size() + " members, " + address.province().name() + "]";
    }
}
