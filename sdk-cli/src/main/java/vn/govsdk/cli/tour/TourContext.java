package vn.govsdk.cli.tour;

/**
 * What the steps of one tour share.
 *
 * @param seed the seed of the synthetic data
 */
public record TourContext(long seed) {
}
