/**
 * Deterministic synthetic population (dân cư) of the mock platform: one million citizens with
 * structurally valid 12-digit IDs, in households, derived from a seed. See
 * {@link vn.govsdk.testkit.data.SyntheticData}.
 */
package vn.govsdk.testkit.data;
