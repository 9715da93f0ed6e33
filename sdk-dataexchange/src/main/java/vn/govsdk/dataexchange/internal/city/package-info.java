/** Wire details of the city services: CKAN/DKAN answers and errors. Not a public API. */
package vn.govsdk.dataexchange.internal.city;
