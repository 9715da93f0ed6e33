/**
 * The JDBC machinery every store of this module runs on (the sync outbox, the payment and replay
 * stores): embedded H2 or an application's PostgreSQL data source, transactions, guarded table
 * creation. Not part of the public API.
 */
package vn.govsdk.dataexchange.internal.jdbc;
