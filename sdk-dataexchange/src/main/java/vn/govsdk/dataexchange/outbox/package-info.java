/**
 * The sync outbox: durable, ordered, retried delivery of dossier (hồ sơ) updates to the national
 * public-service portal (DVCQG). Enqueue with {@link vn.govsdk.dataexchange.outbox.SyncOutbox}, keep
 * messages in an {@link vn.govsdk.dataexchange.outbox.OutboxStore} (embedded H2 or a shared
 * PostgreSQL table), deliver through an {@link vn.govsdk.dataexchange.outbox.OutboxDelivery}.
 * Guarantees, dead letters, operator actions and the schema are in {@code docs/outbox.md}.
 */
package vn.govsdk.dataexchange.outbox;
