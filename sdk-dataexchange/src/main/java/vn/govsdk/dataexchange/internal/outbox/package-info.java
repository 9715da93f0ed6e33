/**
 * Implementation of the sync outbox: the JDBC engine behind {@code OutboxStore} (H2 and PostgreSQL
 * dialects). Not part of the public API.
 */
package vn.govsdk.dataexchange.internal.outbox;
