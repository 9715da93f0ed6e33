package vn.govsdk.testkit.data;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.testkit.data.internal.Generator;

/**
 * The mock platform's deterministic synthetic population: {@value #POPULATION} citizens in
 * {@value #HOUSEHOLDS} households of four, derived from a seed.
 *
 * <p>Nothing is built in memory: citizen {@code #i} is computed from {@code (seed, i)} when asked
 * for, in microseconds, and so is a lookup by citizen ID (the last six digits of an ID are a keyed
 * permutation of the citizen's index, so the index is recovered, the citizen regenerated and the
 * whole ID compared). The same seed gives the same data byte for byte, on any machine and Java
 * version; a different seed gives a different population.
 *
 * <p>Household {@code h} holds citizens {@code 4h} to {@code 4h + 3}, the head first: a couple with
 * two children, a couple with one child and the head's widowed parent, or a divorced or widowed
 * parent with three children. Parents who are not members of the population (the parents of most
 * heads and spouses, the absent parent of a single-parent household) are described by a
 * {@link PersonRef} with an ID that belongs to no member.
 *
 * <p>The data describes the country on its {@linkplain #referenceDate() reference date}, 1 July
 * 2025, the day the 34 provinces came into force: nobody is born after it and ages are counted to
 * it. It never depends on the wall clock.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SyntheticData {

    /** The number of citizens in every synthetic population. */
    public static final long POPULATION = 1_000_000L;

    /** The number of households in every synthetic population. */
    public static final long HOUSEHOLDS = 250_000L;

    private final long seed;
    private final Generator generator;

    private SyntheticData(long seed) {
        this.seed = seed;
        this.generator = new Generator(seed);
    }

    /**
     * Returns the population for a seed.
     *
     * @param seed any value; the same seed always gives the same population
     * @return the population
     */
    public static SyntheticData of(long seed) {
        return new SyntheticData(seed);
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the number of citizens.
     *
     * @return {@value #POPULATION}
     */
    public long population() {
        return POPULATION;
    }

    /**
     * Returns the number of households.
     *
     * @return {@value #HOUSEHOLDS}
     */
    public long householdCount() {
        return HOUSEHOLDS;
    }

    /**
     * Returns the date the data describes: no one is born after it, ages and marital status are as
     * of that day, addresses use the provinces in force from that day.
     *
     * @return 1 July 2025
     */
    public LocalDate referenceDate() {
        return Generator.REFERENCE_DATE;
    }

    /**
     * Returns citizen number {@code index}.
     *
     * @param index {@code 0} to {@code population() - 1}
     * @return the citizen
     * @throws InvalidInputException if the index is out of range
     */
    public SyntheticCitizen citizen(long index) {
        if (index < 0 || index >= POPULATION) {
            throw new InvalidInputException("index", "must be between 0 and " + (POPULATION - 1) + ", got " + index);
        }
        return generator.citizen(index);
    }

    /**
     * Finds the citizen with a citizen ID, in constant time.
     *
     * @param citizenId a 12-digit citizen ID
     * @return the citizen, or empty if no member of this population has this ID
     * @throws InvalidInputException if the value is not 12 digits
     */
    public Optional<SyntheticCitizen> findByCitizenId(String citizenId) {
        requireDigits("citizenId", citizenId, 12);
        return generator.findByCitizenId(citizenId);
    }

    /**
     * Returns household number {@code index} with its members, the head first.
     *
     * @param index {@code 0} to {@code householdCount() - 1}
     * @return the household
     * @throws InvalidInputException if the index is out of range
     */
    public SyntheticHousehold household(long index) {
        if (index < 0 || index >= HOUSEHOLDS) {
            throw new InvalidInputException("index", "must be between 0 and " + (HOUSEHOLDS - 1) + ", got " + index);
        }
        return generator.household(index);
    }

    /**
     * Returns the household a citizen belongs to.
     *
     * @param citizen a citizen of this population
     * @return the household
     */
    public SyntheticHousehold householdOf(SyntheticCitizen citizen) {
        return household(citizen.householdIndex());
    }

    /**
     * Finds a household by its code, in constant time.
     *
     * @param householdId a 12-digit household code
     * @return the household, or empty if none has this code
     * @throws InvalidInputException if the value is not 12 digits
     */
    public Optional<SyntheticHousehold> findHouseholdById(String householdId) {
        requireDigits("householdId", householdId, 12);
        return generator.findHousehold(householdId);
    }

    /**
     * Returns all citizens in index order, derived lazily as the stream is consumed.
     *
     * @return a sequential stream of {@value #POPULATION} citizens
     */
    public Stream<SyntheticCitizen> citizens() {
        return LongStream.range(0, POPULATION).mapToObj(generator::citizen);
    }

    private static void requireDigits(String field, String value, int length) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() != length) {
            throw new InvalidInputException(field, "must be " + length + " digits, got " + value.length() + " characters");
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidInputException(field, "must contain digits only, found a non-digit at position " + (i + 1));
            }
        }
    }

    /**
     * Returns a summary naming the seed.
     *
     * @return for example {@code SyntheticData[seed=42, population=1000000]}
     */
    @Override
    public String toString() {
        return "SyntheticData[seed=" + seed + ", population=" + POPULATION + "]";
    }
}
