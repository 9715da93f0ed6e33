/**
 * Mock Ho Chi Minh City services: the open-data portal's CKAN-compatible datastore (DKAN form and
 * CKAN v3 form), with tables generated from the platform seed. The wire format is described in
 * {@code docs/contracts/open-data.md}.
 */
package vn.govsdk.testkit.city;
