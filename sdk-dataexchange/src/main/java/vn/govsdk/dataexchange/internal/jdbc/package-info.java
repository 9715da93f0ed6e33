/**
 * The embedded H2 files of this module's default stores, opened on sdk-core's JDBC machinery. Not part
 * of the public API.
 */
package vn.govsdk.dataexchange.internal.jdbc;
