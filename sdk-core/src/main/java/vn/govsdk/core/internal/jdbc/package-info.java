/**
 * The JDBC machinery every store of the SDK runs on (the sync outbox, the payment and replay stores,
 * the remote-signing store): a pooled data source, its dialect, transactions, table creation under an
 * advisory lock. Only {@code java.sql}; embedded databases are opened by the modules that bring them.
 * Not part of the public API.
 */
package vn.govsdk.core.internal.jdbc;
