package vn.govsdk.testkit.data.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.govsdk.testkit.data.Address;
import vn.govsdk.testkit.data.Gender;
import vn.govsdk.testkit.data.MaritalStatus;
import vn.govsdk.testkit.data.PersonRef;
import vn.govsdk.testkit.data.Relationship;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticHousehold;
import vn.govsdk.testkit.data.internal.ProvinceTable.NewProvince;
import vn.govsdk.testkit.data.internal.ProvinceTable.OldProvince;

/**
 * Derives the synthetic population from a seed. The population is laid out in households of four
 * consecutive indexes; household {@code h} is computed from {@code (seed, h)} alone, so any citizen
 * is a few microseconds away and nothing is held in memory.
 *
 * <p>Citizen IDs: {@code PPP} is the birth province (earlier code), then the century/gender digit,
 * the last two digits of the birth year, and six digits that are a keyed permutation
 * ({@link Feistel}) of the citizen's index. A lookup by ID inverts the permutation, regenerates that
 * citizen and compares the whole ID.
 *
 * <p>Parents who are not members of the population (the parents of a head or spouse, the absent
 * parent of a single-parent household) get IDs that are checked not to be any member's ID.
 *
 * <p>Thread-safe: instances are immutable.
 */
public final class Generator {
    /** Members per household. */
    public static final int SLOTS = 4;
    /** Citizens in the population. */
    public static final long POPULATION = Feistel.DOMAIN;
    /** Households in the population. */
    public static final long HOUSEHOLDS = POPULATION / SLOTS;
    /** The date the data describes: nobody is born after it. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 7, 1);

    private static final long HOUSEHOLD_MODULUS = 10_000_000L;
    private static final long HOUSEHOLD_MULTIPLIER = 7_654_321L;
    private static final long HOUSEHOLD_INVERSE =
            BigInteger.valueOf(HOUSEHOLD_MULTIPLIER).modInverse(BigInteger.valueOf(HOUSEHOLD_MODULUS)).longValue();
    private static final int WARDS_PER_PROVINCE = 40;

    private static final long TAG_CORE = 0x434F5245L;
    private static final long TAG_ADDRESS = 0x41444452L;
    private static final long TAG_EXTERNAL = 0x45585445L;
    private static final long TAG_EXTERNAL_ID = 0x45584944L;
    private static final long TAG_IDS = 0x49445320L;
    private static final long TAG_HOUSEHOLD = 0x484F5553L;
    private static final int HOUSEHOLD_LEVEL = 9;

    private static final WeightedList<String> MIGRATION = WeightedList.<String>builder()
            .add("79", 40).add("01", 30).add("48", 8).add("75", 8).add("31", 7).add("92", 7).build();

    private final long seed;
    private final Feistel ids;
    private final long householdOffset;
    private final ProvinceTable provinces = ProvinceTable.get();

    /**
     * Creates the generator for a seed.
     *
     * @param seed the data seed
     */
    public Generator(long seed) {
        this.seed = seed;
        this.ids = new Feistel(SplitMix64.mix(seed, TAG_IDS));
        this.householdOffset = Long.remainderUnsigned(SplitMix64.mix(seed, TAG_HOUSEHOLD), HOUSEHOLD_MODULUS);
    }

    private enum Kind { COUPLE, THREE_GENERATIONS, SINGLE_PARENT }

    private static final class Person {
        long index;
        Gender gender;
        LocalDate birth;
        String family;
        String middle;
        String given;
        OldProvince birthProvince;
        MaritalStatus marital;
        Relationship relationship;
        int fatherSlot = -1;
        int motherSlot = -1;
        String id;

        String fullName() {
            return family + " " + middle + " " + given;
        }
    }

    private static final class Core {
        long h;
        Kind kind;
        final Person[] people = new Person[SLOTS];
        NewProvince province;
        String ethnicity;
        String absentFamily;
        Address address;
        String householdId;
    }

    // ---------------------------------------------------------------- public derivations

    /**
     * Derives one citizen.
     *
     * @param index the index, {@code 0} to {@code POPULATION - 1}
     * @return the citizen
     */
    public SyntheticCitizen citizen(long index) {
        Core core = core(index / SLOTS);
        return toCitizen(core, (int) (index % SLOTS));
    }

    /**
     * Derives one household with all its members.
     *
     * @param h the household index, {@code 0} to {@code HOUSEHOLDS - 1}
     * @return the household
     */
    public SyntheticHousehold household(long h) {
        Core core = core(h);
        List<SyntheticCitizen> members = new ArrayList<>(SLOTS);
        for (int slot = 0; slot < SLOTS; slot++) {
            members.add(toCitizen(core, slot));
        }
        return new SyntheticHousehold(h, core.householdId, core.address, members);
    }

    /**
     * Finds the citizen with an ID, by inverting the permutation in the ID's last six digits.
     *
     * @param citizenId a 12-digit string
     * @return the citizen, if a member of the population has exactly this ID
     */
    public Optional<SyntheticCitizen> findByCitizenId(String citizenId) {
        int index = ids.invert(Integer.parseInt(citizenId.substring(6)));
        SyntheticCitizen candidate = citizen(index);
        return candidate.citizenId().equals(citizenId) ? Optional.of(candidate) : Optional.empty();
    }

    /**
     * Finds the household with a code, by inverting the affine map in its last seven digits.
     *
     * @param householdId a 12-digit string
     * @return the household, if one has exactly this code
     */
    public Optional<SyntheticHousehold> findHousehold(String householdId) {
        long x = Long.parseLong(householdId.substring(5));
        long h = Math.floorMod(x - householdOffset, HOUSEHOLD_MODULUS) * HOUSEHOLD_INVERSE % HOUSEHOLD_MODULUS;
        if (h >= HOUSEHOLDS) {
            return Optional.empty();
        }
        Core core = core(h);
        return core.householdId.equals(householdId) ? Optional.of(household(h)) : Optional.empty();
    }

    // ---------------------------------------------------------------- the household core

    private Core core(long h) {
        SplitMix64 rng = SplitMix64.of(seed, TAG_CORE, h);
        Core c = new Core();
        c.h = h;
        double k = rng.nextDouble();
        Kind kind = k < 0.64 ? Kind.COUPLE : k < 0.82 ? Kind.THREE_GENERATIONS : Kind.SINGLE_PARENT;
        OldProvince headBirth = provinces.pickOld(rng);
        c.ethnicity = NameTables.ethnicity(headBirth.province().code(), rng);
        c.province = rng.chance(0.78) ? provinces.newProvince(headBirth.newCode())
                : provinces.newProvince(MIGRATION.pick(rng));
        int headYear = rng.between(1950, 1997);
        if (kind == Kind.THREE_GENERATIONS && headYear < 1962) {
            kind = Kind.COUPLE;
        }
        if (kind == Kind.SINGLE_PARENT && headYear > 1993) {
            kind = Kind.COUPLE;
        }
        c.kind = kind;

        Gender headGender = kind == Kind.SINGLE_PARENT
                ? (rng.chance(0.7) ? Gender.FEMALE : Gender.MALE)
                : (rng.chance(0.88) ? Gender.MALE : Gender.FEMALE);
        Person head = newPerson(headGender, birthIn(headYear, rng), headBirth,
                NameTables.regional(NameTables.FAMILY.pick(rng), headBirth.province().code(), rng), rng);
        head.relationship = Relationship.HEAD;
        c.people[0] = head;

        if (kind == Kind.SINGLE_PARENT) {
            head.marital = age(head.birth) < 45
                    ? (rng.chance(0.7) ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED)
                    : (rng.chance(0.45) ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED);
            OldProvince otherBirth = rng.chance(0.6) ? headBirth : provinces.pickOld(rng);
            c.absentFamily = NameTables.regional(NameTables.FAMILY.pick(rng), otherBirth.province().code(), rng);
            String childFamily = headGender == Gender.MALE ? head.family : c.absentFamily;
            LocalDate previous = null;
            for (int slot = 1; slot < SLOTS; slot++) {
                LocalDate birth = previous == null ? plusYearsRandom(head.birth, 20, 30, rng)
                        : plusYearsRandom(previous, 1, 5, rng);
                birth = clampChildBirth(birth, head.birth, rng);
                previous = birth;
                Person child = newChild(c, childFamily, birth, rng);
                if (headGender == Gender.MALE) {
                    child.fatherSlot = 0;
                } else {
                    child.motherSlot = 0;
                }
                c.people[slot] = child;
            }
        } else {
            head.marital = MaritalStatus.MARRIED;
            Gender spouseGender = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
            int spouseYear = headYear + (headGender == Gender.MALE ? rng.between(-2, 7) : rng.between(-6, 1));
            spouseYear = Math.max(1945, Math.min(2001, spouseYear));
            OldProvince spouseBirth = rng.chance(0.7) ? headBirth : provinces.pickOld(rng);
            Person spouse = newPerson(spouseGender, birthIn(spouseYear, rng), spouseBirth,
                    NameTables.regional(NameTables.FAMILY.pick(rng), spouseBirth.province().code(), rng), rng);
            spouse.relationship = Relationship.SPOUSE;
            spouse.marital = MaritalStatus.MARRIED;
            c.people[1] = spouse;
            int fatherSlot = headGender == Gender.MALE ? 0 : 1;
            int motherSlot = 1 - fatherSlot;
            Person father = c.people[fatherSlot];
            Person mother = c.people[motherSlot];
            int children = kind == Kind.COUPLE ? 2 : 1;
            LocalDate previous = null;
            for (int i = 0; i < children; i++) {
                LocalDate birth = previous == null ? plusYearsRandom(mother.birth, 20, 33, rng)
                        : plusYearsRandom(previous, 1, 6, rng);
                birth = clampChildBirth(birth, mother.birth, rng);
                previous = birth;
                Person child = newChild(c, father.family, birth, rng);
                child.fatherSlot = fatherSlot;
                child.motherSlot = motherSlot;
                c.people[2 + i] = child;
            }
            if (kind == Kind.THREE_GENERATIONS) {
                Gender gpGender = rng.chance(0.65) ? Gender.FEMALE : Gender.MALE;
                LocalDate gpBirth = minusYearsRandom(head.birth, 20, 34, rng);
                OldProvince gpProvince = rng.chance(0.85) ? head.birthProvince : provinces.pickOld(rng);
                String gpFamily = gpGender == Gender.MALE ? head.family
                        : differentFamily(head.family, gpProvince, rng);
                Person gp = newPerson(gpGender, gpBirth, gpProvince, gpFamily, rng);
                gp.relationship = Relationship.PARENT;
                gp.marital = MaritalStatus.WIDOWED;
                c.people[3] = gp;
                if (gpGender == Gender.MALE) {
                    head.fatherSlot = 3;
                } else {
                    head.motherSlot = 3;
                }
            }
        }

        for (int slot = 0; slot < SLOTS; slot++) {
            Person p = c.people[slot];
            p.index = c.h * SLOTS + slot;
            p.id = header(p.birthProvince, p.gender, p.birth) + pad(ids.apply((int) p.index), 6);
        }
        address(c);
        return c;
    }

    private Person newChild(Core c, String family, LocalDate birth, SplitMix64 rng) {
        OldProvince birthProvince = provinces.pickOldWithin(c.province.province().code(), rng);
        Person child = newPerson(rng.chance(0.51) ? Gender.MALE : Gender.FEMALE, birth, birthProvince, family, rng);
        child.relationship = Relationship.CHILD;
        child.marital = adultMaritalStatus(age(birth), rng);
        return child;
    }

    private static MaritalStatus adultMaritalStatus(int age, SplitMix64 rng) {
        double r = rng.nextDouble();
        if (age < 18) {
            return MaritalStatus.SINGLE;
        } else if (age < 25) {
            return r < 0.12 ? MaritalStatus.MARRIED : MaritalStatus.SINGLE;
        } else if (age < 35) {
            return r < 0.55 ? MaritalStatus.MARRIED : r < 0.58 ? MaritalStatus.DIVORCED : MaritalStatus.SINGLE;
        }
        return r < 0.78 ? MaritalStatus.MARRIED : r < 0.84 ? MaritalStatus.DIVORCED
                : r < 0.86 ? MaritalStatus.WIDOWED : MaritalStatus.SINGLE;
    }

    private Person newPerson(Gender gender, LocalDate birth, OldProvince birthProvince, String family, SplitMix64 rng) {
        Person p = new Person();
        p.gender = gender;
        p.birth = birth;
        p.birthProvince = birthProvince;
        p.family = family;
        String[] names = middleAndGiven(gender, birth.getYear(), rng);
        p.middle = names[0];
        p.given = names[1];
        return p;
    }

    private static String[] middleAndGiven(Gender gender, int year, SplitMix64 rng) {
        boolean older = year < 1990;
        WeightedList<String> middles = gender == Gender.MALE
                ? (older ? NameTables.MIDDLE_MALE_OLDER : NameTables.MIDDLE_MALE_YOUNGER)
                : (older ? NameTables.MIDDLE_FEMALE_OLDER : NameTables.MIDDLE_FEMALE_YOUNGER);
        WeightedList<String> givens = gender == Gender.MALE ? NameTables.GIVEN_MALE : NameTables.GIVEN_FEMALE;
        String middle = middles.pick(rng);
        String given = givens.pick(rng);
        for (int i = 0; i < 8 && middle.endsWith(given); i++) {
            given = givens.pick(rng);
        }
        return new String[] {middle, given};
    }

    private String differentFamily(String avoid, OldProvince province, SplitMix64 rng) {
        String family = NameTables.regional(NameTables.FAMILY.pick(rng), province.province().code(), rng);
        for (int i = 0; i < 8 && family.equals(avoid); i++) {
            family = NameTables.regional(NameTables.FAMILY.pick(rng), province.province().code(), rng);
        }
        return family;
    }

    private void address(Core c) {
        SplitMix64 rng = SplitMix64.of(seed, TAG_ADDRESS, c.h);
        NewProvince p = c.province;
        int ward = rng.nextInt(WARDS_PER_PROVINCE);
        String wardCode = pad(1000 + p.ordinal() * 800 + ward * 19, 5);
        boolean urbanWard = Long.remainderUnsigned(SplitMix64.mix(p.ordinal(), ward, 1), 100) < (p.city() ? 80 : 30);
        String wardName = (urbanWard ? "Phường " : "Xã ") + wardName(p.ordinal(), ward);
        String street;
        if (urbanWard) {
            street = "Số " + rng.between(1, 399) + " đường " + NameTables.STREETS.get(rng.nextInt(NameTables.STREETS.size()));
        } else if (Integer.parseInt(p.province().code()) >= 75) {
            street = "Ấp " + rng.between(1, 12);
        } else {
            street = "Thôn " + rng.between(1, 15);
        }
        c.address = new Address(p.province(), wardCode, wardName, street);
        long suffix = (c.h * HOUSEHOLD_MULTIPLIER + householdOffset) % HOUSEHOLD_MODULUS;
        c.householdId = wardCode + pad(suffix, 7);
    }

    private static String wardName(int provinceOrdinal, int ward) {
        List<String> s = NameTables.WARD_SYLLABLES;
        long m = SplitMix64.mix(provinceOrdinal, ward, 2);
        int first = (int) Long.remainderUnsigned(m, s.size());
        int second = (int) Long.remainderUnsigned(m >>> 20, s.size());
        if (second == first) {
            second = (second + 1) % s.size();
        }
        return s.get(first) + " " + s.get(second);
    }

    // ---------------------------------------------------------------- records

    private SyntheticCitizen toCitizen(Core c, int slot) {
        Person p = c.people[slot];
        PersonRef father = p.fatherSlot >= 0 ? ref(c.people[p.fatherSlot])
                : externalParent(c, slot, true);
        PersonRef mother = p.motherSlot >= 0 ? ref(c.people[p.motherSlot])
                : externalParent(c, slot, false);
        return new SyntheticCitizen(p.index, p.id, p.fullName(), p.family, p.middle, p.given, p.gender, p.birth,
                p.birthProvince.province(), c.ethnicity, c.address, father, mother, c.h, c.householdId,
                c.people[0].id, p.relationship, p.marital);
    }

    private static PersonRef ref(Person p) {
        return new PersonRef(p.id, p.fullName(), p.gender, p.birth, OptionalLong.of(p.index));
    }

    private PersonRef externalParent(Core c, int slot, boolean isFather) {
        Person child = c.people[slot];
        boolean absentParent = c.kind == Kind.SINGLE_PARENT && child.relationship == Relationship.CHILD;
        int key = absentParent ? HOUSEHOLD_LEVEL : slot;
        SplitMix64 rng = SplitMix64.of(seed, TAG_EXTERNAL, c.h, key, isFather ? 1 : 0);
        Gender gender = isFather ? Gender.MALE : Gender.FEMALE;
        LocalDate birth;
        OldProvince province;
        String family;
        if (absentParent) {
            Person head = c.people[0];
            LocalDate oldestChild = c.people[1].birth;
            for (int i = 2; i < SLOTS; i++) {
                if (c.people[i].birth.isBefore(oldestChild)) {
                    oldestChild = c.people[i].birth;
                }
            }
            // An absent father is a little older than the mother who heads the household; an absent
            // mother a little younger than the father.
            birth = plusYearsRandom(head.birth, isFather ? -6 : -1, isFather ? 1 : 6, rng);
            LocalDate latest = oldestChild.minusYears(18);
            if (birth.isAfter(latest)) {
                birth = latest.minusDays(rng.nextInt(1500));
            }
            province = rng.chance(0.6) ? head.birthProvince : provinces.pickOld(rng);
            family = isFather ? c.absentFamily : differentFamily(child.family, province, rng);
        } else {
            birth = minusYearsRandom(child.birth, isFather ? 22 : 19, isFather ? 42 : 38, rng);
            province = rng.chance(0.8) ? child.birthProvince : provinces.pickOld(rng);
            family = isFather ? child.family : differentFamily(child.family, province, rng);
        }
        LocalDate earliest = LocalDate.of(1900, 1, 1);
        if (birth.isBefore(earliest)) {
            birth = earliest.plusDays(rng.nextInt(365));
        }
        String[] names = middleAndGiven(gender, birth.getYear(), rng);
        String header = header(province, gender, birth);
        int digits = (int) Long.remainderUnsigned(SplitMix64.mix(seed, TAG_EXTERNAL_ID, c.h, key, isFather ? 1 : 0),
                Feistel.DOMAIN);
        while (populationHeader(ids.invert(digits)).equals(header)) {
            digits = (digits + 1) % Feistel.DOMAIN;
        }
        String id = header + pad(digits, 6);
        return new PersonRef(id, family + " " + names[0] + " " + names[1], gender, birth, OptionalLong.empty());
    }

    /** Returns the first six digits of the ID of population member {@code index}. */
    private String populationHeader(int index) {
        Core other = core(index / SLOTS);
        return other.people[index % SLOTS].id.substring(0, 6);
    }

    // ---------------------------------------------------------------- dates and IDs

    private static String header(OldProvince province, Gender gender, LocalDate birth) {
        int year = birth.getYear();
        int century = year / 100 - 19;
        if (century < 0 || century > 4) {
            throw new IllegalStateException("birth year outside 1900-2399: " + year);
        }
        int digit = century * 2 + (gender == Gender.FEMALE ? 1 : 0);
        return "0" + province.province().code() + digit + pad(year % 100, 2);
    }

    private static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static LocalDate birthIn(int year, SplitMix64 rng) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(rng.nextInt(first.lengthOfYear()));
    }

    private static LocalDate plusYearsRandom(LocalDate from, int minYears, int maxYears, SplitMix64 rng) {
        return from.plusYears(rng.between(minYears, maxYears)).plusDays(rng.between(-150, 150));
    }

    private static LocalDate minusYearsRandom(LocalDate from, int minYears, int maxYears, SplitMix64 rng) {
        return from.minusYears(rng.between(minYears, maxYears)).minusDays(rng.nextInt(300));
    }

    /** Keeps a child's birth before the reference date and at least 18 years after the parent's. */
    private static LocalDate clampChildBirth(LocalDate birth, LocalDate parentBirth, SplitMix64 rng) {
        LocalDate result = birth;
        if (!result.isBefore(REFERENCE_DATE)) {
            result = REFERENCE_DATE.minusDays(1 + rng.nextInt(400));
        }
        LocalDate earliest = parentBirth.plusYears(18);
        if (result.isBefore(earliest)) {
            result = earliest;
        }
        return result;
    }

    private static int age(LocalDate birth) {
        return java.time.Period.between(birth, REFERENCE_DATE).getYears();
    }
}
