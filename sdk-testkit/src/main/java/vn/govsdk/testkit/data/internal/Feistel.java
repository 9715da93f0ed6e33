package vn.govsdk.testkit.data.internal;

/**
 * A keyed permutation of {@code [0, 1,000,000)}: a balanced Feistel network over two base-1000
 * halves. It turns a citizen's index into the six "random" digits of the citizen's ID and back,
 * which is what makes a lookup by ID a constant-time computation rather than a search.
 */
public final class Feistel {
    /** The size of the domain. */
    public static final int DOMAIN = 1_000_000;
    private static final int HALF = 1000;
    private static final int ROUNDS = 6;

    private final long[] roundKeys = new long[ROUNDS];

    /**
     * Creates the permutation for a key.
     *
     * @param key the key (derived from the data seed)
     */
    public Feistel(long key) {
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = SplitMix64.mix(key, 0x46454953L, i);
        }
    }

    private int round(int i, int value) {
        return (int) Long.remainderUnsigned(SplitMix64.mix(roundKeys[i], value), HALF);
    }

    /**
     * Applies the permutation.
     *
     * @param x a value in {@code [0, DOMAIN)}
     * @return its image, in {@code [0, DOMAIN)}
     */
    public int apply(int x) {
        check(x);
        int left = x / HALF;
        int right = x % HALF;
        for (int i = 0; i < ROUNDS; i++) {
            int next = (left + round(i, right)) % HALF;
            left = right;
            right = next;
        }
        return left * HALF + right;
    }

    /**
     * Inverts the permutation.
     *
     * @param y a value in {@code [0, DOMAIN)}
     * @return the value whose image is {@code y}
     */
    public int invert(int y) {
        check(y);
        int left = y / HALF;
        int right = y % HALF;
        for (int i = ROUNDS - 1; i >= 0; i--) {
            int previousRight = left;
            int previousLeft = Math.floorMod(right - round(i, previousRight), HALF);
            left = previousLeft;
            right = previousRight;
        }
        return left * HALF + right;
    }

    private static void check(int x) {
        if (x < 0 || x >= DOMAIN) {
            throw new IllegalArgumentException("value must be in [0, " + DOMAIN + "), got " + x);
        }
    }
}
