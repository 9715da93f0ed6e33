/**
 * The mock National Population Database (Cơ sở dữ liệu quốc gia về dân cư, C06): SOAP 1.1 at
 * {@code /c06}, answering from the platform's synthetic citizens, with both access routes checked.
 * See {@link vn.govsdk.testkit.population.PopulationDbService} and docs/contracts/population-database.md.
 */
package vn.govsdk.testkit.population;
