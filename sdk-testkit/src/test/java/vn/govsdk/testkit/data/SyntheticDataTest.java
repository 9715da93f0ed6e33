package vn.govsdk.testkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.testkit.data.internal.Feistel;
import vn.govsdk.testkit.internal.Json;

/**
 * The synthetic population: structurally valid citizen IDs (decoded here independently of the
 * generator), consistent families, determinism, and constant-time lookup over 1,000,000 citizens.
 */
class SyntheticDataTest {

    /** The 63 province codes before 1 July 2025, typed in again here so the test does not trust the generator's table. */
    private static final Set<String> OLD_CODES = Set.of(
            "01", "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "22", "24", "25", "26", "27",
            "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54",
            "56", "58", "60", "62", "64", "66", "67", "68", "70", "72", "74", "75", "77", "79", "80", "82", "83", "84",
            "86", "87", "89", "91", "92", "93", "94", "95", "96");
    /** The 34 province codes since 1 July 2025. */
    private static final Set<String> NEW_CODES = Set.of(
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40", "42",
            "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96");
    private static final LocalDate REFERENCE = LocalDate.of(2025, 7, 1);

    private final SyntheticData data = SyntheticData.of(42);

    /** What a citizen ID says, decoded by the rules of Decree 137/2015 alone. */
    record Decoded(String province, Gender gender, int birthYear) {
    }

    static Decoded decode(String id) {
        assertThat(id).as("citizen ID").matches("[0-9]{12}");
        String province = id.substring(1, 3);
        assertThat(id.charAt(0)).as("first digit of %s", id).isEqualTo('0');
        assertThat(OLD_CODES).as("birth province of %s", id).contains(province);
        int g = id.charAt(3) - '0';
        int century = 1900 + (g / 2) * 100;
        Gender gender = g % 2 == 0 ? Gender.MALE : Gender.FEMALE;
        int year = century + Integer.parseInt(id.substring(4, 6));
        return new Decoded(province, gender, year);
    }

    private List<Long> sample() {
        List<Long> indexes = new ArrayList<>();
        for (long i = 0; i < 2000; i++) {
            indexes.add(i);
        }
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            indexes.add((long) random.nextInt(1_000_000));
        }
        indexes.add(999_999L);
        return indexes;
    }

    @Test
    void citizenIdsEncodeBirthProvinceGenderCenturyAndYear() {
        for (long index : sample()) {
            SyntheticCitizen c = data.citizen(index);
            Decoded d = decode(c.citizenId());
            assertThat(d.province()).isEqualTo(c.birthProvince().code());
            assertThat(d.gender()).as("gender of citizen %d", index).isEqualTo(c.gender());
            assertThat(d.birthYear()).as("birth year of citizen %d", index).isEqualTo(c.birthDate().getYear());
            assertThat(c.birthDate()).isBeforeOrEqualTo(REFERENCE).isAfterOrEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(c.index()).isEqualTo(index);

            for (PersonRef parent : List.of(c.father(), c.mother())) {
                Decoded p = decode(parent.citizenId());
                assertThat(p.gender()).isEqualTo(parent.gender());
                assertThat(p.birthYear()).isEqualTo(parent.birthDate().getYear());
                assertThat(parent.birthDate()).as("a parent of citizen %d is older", index)
                        .isBefore(c.birthDate().minusYears(15));
            }
            assertThat(c.father().gender()).isEqualTo(Gender.MALE);
            assertThat(c.mother().gender()).isEqualTo(Gender.FEMALE);
        }
    }

    @Test
    void namesAddressesAndStatusesAreConsistent() {
        for (long index : sample()) {
            SyntheticCitizen c = data.citizen(index);
            assertThat(c.fullName()).isEqualTo(c.familyName() + " " + c.middleName() + " " + c.givenName());
            assertThat(c.fullNameUpperCase()).isEqualTo(c.fullName().toUpperCase(java.util.Locale.ROOT));
            assertThat(NEW_CODES).contains(c.address().province().code());
            assertThat(c.address().wardCode()).matches("[0-9]{5}");
            assertThat(c.address().wardName()).matches("(Phường|Xã) .+");
            assertThat(c.householdId()).matches("[0-9]{12}").startsWith(c.address().wardCode());
            assertThat(c.ethnicity()).isNotBlank();
            int age = c.ageOn(REFERENCE);
            if (age < 18) {
                assertThat(c.maritalStatus()).as("a minor is single").isEqualTo(MaritalStatus.SINGLE);
            }
            if (c.relationshipToHead() == Relationship.SPOUSE) {
                assertThat(c.maritalStatus()).isEqualTo(MaritalStatus.MARRIED);
            }
            if (c.relationshipToHead() == Relationship.CHILD && c.father().populationIndex().isPresent()) {
                assertThat(c.familyName()).as("children carry the father's family name")
                        .isEqualTo(data.citizen(c.father().populationIndex().getAsLong()).familyName());
            }
        }
    }

    @Test
    void householdsHoldTheirMembersAndParentsInThePopulationAreReal() {
        Random random = new Random(11);
        for (int i = 0; i < 1500; i++) {
            long h = random.nextInt(250_000);
            SyntheticHousehold household = data.household(h);
            SyntheticCitizen head = household.head();
            assertThat(household.members()).hasSize(4);
            assertThat(head.relationshipToHead()).isEqualTo(Relationship.HEAD);
            assertThat(head.index()).isEqualTo(4 * h);
            for (SyntheticCitizen m : household.members()) {
                assertThat(m.householdId()).isEqualTo(household.householdId());
                assertThat(m.householdHeadCitizenId()).isEqualTo(head.citizenId());
                assertThat(m.address()).isEqualTo(household.address());
                assertThat(m).isEqualTo(data.citizen(m.index()));
                for (PersonRef parent : List.of(m.father(), m.mother())) {
                    if (parent.populationIndex().isPresent()) {
                        SyntheticCitizen p = data.citizen(parent.populationIndex().getAsLong());
                        assertThat(p.citizenId()).isEqualTo(parent.citizenId());
                        assertThat(p.fullName()).isEqualTo(parent.fullName());
                        assertThat(p.householdId()).isEqualTo(m.householdId());
                    } else {
                        assertThat(data.findByCitizenId(parent.citizenId()))
                                .as("a parent outside the population has nobody's ID").isEmpty();
                    }
                }
            }
            long spouses = household.members().stream().filter(m -> m.relationshipToHead() == Relationship.SPOUSE).count();
            if (spouses == 1) {
                SyntheticCitizen spouse = household.members().get(1);
                assertThat(spouse.gender()).isNotEqualTo(head.gender());
                assertThat(head.maritalStatus()).isEqualTo(MaritalStatus.MARRIED);
            } else {
                assertThat(spouses).isZero();
                assertThat(head.maritalStatus()).isIn(MaritalStatus.DIVORCED, MaritalStatus.WIDOWED);
            }
            assertThat(data.findHouseholdById(household.householdId())).contains(household);
            assertThat(data.householdOf(household.members().get(2))).isEqualTo(household);
        }
    }

    @Test
    void distributionsLookRealistic() {
        Map<String, Integer> families = new HashMap<>();
        int kinh = 0;
        int male = 0;
        int withDiacritics = 0;
        int n = 20_000;
        for (long i = 0; i < n; i++) {
            SyntheticCitizen c = data.citizen(i * 49); // an odd stride visits every household slot
            families.merge(c.familyName(), 1, Integer::sum);
            kinh += c.ethnicity().equals("Kinh") ? 1 : 0;
            male += c.gender() == Gender.MALE ? 1 : 0;
            withDiacritics += c.fullName().chars().anyMatch(ch -> ch > 127) ? 1 : 0;
        }
        String top = families.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo("Nguyễn");
        assertThat(families.get("Nguyễn") / (double) n).isBetween(0.30, 0.46);
        assertThat(families.keySet()).contains("Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Vũ", "Đặng", "Bùi");
        assertThat(kinh / (double) n).isBetween(0.75, 0.95);
        assertThat(male / (double) n).isBetween(0.45, 0.55);
        assertThat(withDiacritics / (double) n).isGreaterThan(0.9);
    }

    @Test
    void aMillionCitizensAreAddressableAndFoundByIdInBothDirections() {
        assertThat(data.population()).isEqualTo(1_000_000L);
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long index = random.nextInt(1_000_000);
            SyntheticCitizen c = data.citizen(index);
            assertThat(data.findByCitizenId(c.citizenId())).contains(c);
        }
        SyntheticCitizen last = data.citizen(999_999);
        assertThat(data.findByCitizenId(last.citizenId())).contains(last);
        // The same last six digits point at the same index: any other prefix is nobody.
        String other = (last.citizenId().startsWith("001") ? "079" : "001") + last.citizenId().substring(3);
        assertThat(data.findByCitizenId(other)).isEmpty();
        assertThat(data.citizens().limit(3)).extracting(SyntheticCitizen::index).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theSixDigitPermutationIsABijectionOverTheWholePopulation() {
        Feistel permutation = new Feistel(123);
        BitSet seen = new BitSet(Feistel.DOMAIN);
        for (int i = 0; i < Feistel.DOMAIN; i++) {
            int image = permutation.apply(i);
            assertThat(seen.get(image)).isFalse();
            seen.set(image);
            if (i % 997 == 0) {
                assertThat(permutation.invert(image)).isEqualTo(i);
            }
        }
        assertThat(seen.cardinality()).isEqualTo(Feistel.DOMAIN);
    }

    @Test
    void idsInASampleAreUnique() {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 40_000; i++) {
            assertThat(ids.add(data.citizen(i).citizenId())).isTrue();
        }
    }

    @Test
    void sameSeedSameDataAnotherSeedOtherData() {
        SyntheticData again = SyntheticData.of(42);
        SyntheticData other = SyntheticData.of(43);
        int differentIds = 0;
        for (long index : sample()) {
            assertThat(again.citizen(index)).isEqualTo(data.citizen(index));
            if (!other.citizen(index).citizenId().equals(data.citizen(index).citizenId())) {
                differentIds++;
            }
        }
        assertThat(differentIds).isGreaterThan(sample().size() * 99 / 100);
    }

    /**
     * Pins the data of seed 42. Users write fixtures against it ("citizen 0 of seed 42"), so a change
     * here breaks their tests: change the generator only on purpose, and then update this value.
     */
    @Test
    void theDataOfASeedIsStableAcrossVersions() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (long i = 0; i < 1000; i++) {
            sha256.update(Json.write(Json.citizen(data.citizen(i * 997))).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(GOLDEN_SEED_42);
    }

    private static final String GOLDEN_SEED_42 = "4b8ff89d756730d726d5d45b36c3480cb644a72c465691a0c845cb697be2f42f";

    @Test
    void badInputIsRefusedNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> data.citizen(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("index must be between 0 and 999999, got -1");
        assertThatThrownBy(() -> data.citizen(1_000_000)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> data.household(250_000)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 0 and 249999");
        assertThatThrownBy(() -> data.findByCitizenId("07920301234"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("citizenId");
                    assertThat(e.rule()).isEqualTo("must be 12 digits, got 11 characters");
                });
        assertThatThrownBy(() -> data.findByCitizenId("07920301234a")).hasMessageContaining("digits only");
        assertThatThrownBy(() -> data.findByCitizenId(null)).hasMessage("citizenId is required");
        assertThatThrownBy(() -> data.findHouseholdById("x")).hasMessageContaining("householdId");
    }

    @Test
    void toStringMasksPersonalData() {
        SyntheticCitizen c = data.citizen(5);
        assertThat(c.toString()).doesNotContain(c.citizenId()).doesNotContain(c.fullName())
                .contains(c.citizenId().substring(0, 3)).contains(c.citizenId().substring(10));
        assertThat(c.father().toString()).doesNotContain(c.father().citizenId()).doesNotContain(c.father().fullName());
        assertThat(c.address().toString()).doesNotContain(c.address().street());
        assertThat(data.householdOf(c).toString()).doesNotContain(c.householdId());
    }
}
