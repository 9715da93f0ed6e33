/**
 * The National Population Database (Cơ sở dữ liệu quốc gia về dân cư, C06) client: look up and
 * verify citizens, marital status and households, directly (timestamped SHA-256 Basic with X-Road
 * headers) or through a provincial data-sharing platform (LGSP). Start at
 * {@link vn.govsdk.identity.population.PopulationRegistryClient}.
 */
package vn.govsdk.identity.population;
