/**
 * govsdk data exchange: the national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG)
 * catalogue, dossier sync and payments, the durable sync outbox, the data-sharing gateways and the
 * Ho Chi Minh City services.
 */
module vn.govsdk.dataexchange {
    requires transitive vn.govsdk.core;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // OutboxStore.jdbc(DataSource) has a java.sql type in its signature.
    requires transitive java.sql;
    // The default outbox store (OutboxStore.h2) is embedded H2; the PostgreSQL driver is never
    // referenced, only java.sql, so it is not required here.
    requires com.h2database;

    exports vn.govsdk.dataexchange.portal;
    exports vn.govsdk.dataexchange.payment;
    exports vn.govsdk.dataexchange.outbox;
    exports vn.govsdk.dataexchange.gateway;
    exports vn.govsdk.dataexchange.city;
}
