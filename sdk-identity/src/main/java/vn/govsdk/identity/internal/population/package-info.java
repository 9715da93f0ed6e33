/** Implementation of the population-database client: SOAP writing and reading. Not public API. */
package vn.govsdk.identity.internal.population;
