package vn.govsdk.testkit.data.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable list of values with sampling weights.
 *
 * @param <T> the value type
 */
public final class WeightedList<T> {
    private final List<T> values;
    private final double[] cumulative;

    private WeightedList(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /**
     * Starts a list.
     *
     * @param <T> the value type
     * @return a builder
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Draws a value.
     *
     * @param rng the random source
     * @return the value
     */
    public T pick(SplitMix64 rng) {
        double r = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }

    /**
     * Returns the values, in insertion order.
     *
     * @return the values
     */
    public List<T> values() {
        return values;
    }

    /**
     * Builds a {@link WeightedList}.
     *
     * @param <T> the value type
     */
    public static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        /**
         * Adds a value.
         *
         * @param value the value
         * @param weight its weight, positive
         * @return this builder
         */
        public Builder<T> add(T value, double weight) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be positive");
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        /**
         * Builds the list.
         *
         * @return the list
         */
        public WeightedList<T> build() {
            if (values.isEmpty()) {
                throw new IllegalStateException("no values");
            }
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new WeightedList<>(List.copyOf(values), cumulative);
        }
    }
}
