/**
 * govsdk data exchange: the national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG)
 * catalogue, dossier sync and payments, the durable sync outbox, the data-sharing gateways and the
 * Ho Chi Minh City services.
 */
module vn.govsdk.dataexchange {
    requires transitive vn.govsdk.core;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;

    // exports vn.govsdk.dataexchange.portal;
    // exports vn.govsdk.dataexchange.payment;
    // exports vn.govsdk.dataexchange.outbox;
}
