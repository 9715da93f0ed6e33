package vn.govsdk.testkit.data.internal;

/**
 * SplitMix64, written out here rather than taken from the JDK so that the synthetic data stays the
 * same byte for byte across Java versions. Not thread-safe; one instance per derivation.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * Creates a generator.
     *
     * @param seed the initial state
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * Creates a generator whose state is derived from several values.
     *
     * @param values the values to mix
     * @return the generator
     */
    public static SplitMix64 of(long... values) {
        return new SplitMix64(mix(values));
    }

    /**
     * Mixes values into one well-distributed 64-bit value.
     *
     * @param values the values
     * @return the mixed value
     */
    public static long mix(long... values) {
        long h = 0x6A09E667F3BCC908L;
        for (long v : values) {
            h = finalizer(h ^ finalizer(v + GOLDEN_GAMMA));
        }
        return h;
    }

    private static long finalizer(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the next 64 random bits.
     *
     * @return the value
     */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return finalizer(state);
    }

    /**
     * Returns a value in {@code [0, bound)}, without modulo bias.
     *
     * @param bound the exclusive upper bound, positive
     * @return the value
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /**
     * Returns a value in {@code [from, to]}, both inclusive.
     *
     * @param from the lower bound
     * @param to the upper bound, not below {@code from}
     * @return the value
     */
    public int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /**
     * Returns a value in {@code [0, 1)}.
     *
     * @return the value
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Returns true with the given probability.
     *
     * @param probability the probability, 0 to 1
     * @return the outcome
     */
    public boolean chance(double probability) {
        return nextDouble() < probability;
    }
}
