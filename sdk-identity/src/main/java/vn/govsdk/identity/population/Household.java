package vn.govsdk.identity.population;

import java.util.List;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A household (hộ gia đình) as CungCapThongTinHoGiaDinh returns it.
 *
 * @param householdId the household book number (số hộ khẩu)
 * @param address the registered address, or {@code null}
 * @param members every member, the head among them
 */
public record Household(String householdId, String address, List<HouseholdMember> members) {

    /**
     * Copies the member list.
     *
     * @param householdId the household number
     * @param address the address
     * @param members the members
     */
    public Household {
        members = List.copyOf(members);
    }

    /**
     * Returns the head of household.
     *
     * @return the member whose relationship is {@link HouseholdRelationship#HEAD}
     * @throws IllegalStateException if the answer named no head
     */
    public HouseholdMember head() {
        return members.stream().filter(m -> m.relationship() == HouseholdRelationship.HEAD).findFirst()
                .orElseThrow(() -> new IllegalStateException("the household answer names no head"));
    }

    /**
     * Shows the household with its number masked and the address left out.
     *
     * @return the masked text
     */
    @Override
    public String toString() {
        return "Household[householdId=" + (householdId == null ? null : PersonalDataMasker.maskIdentifier(householdId))
                + ", members=" + members + "]";
    }
}
