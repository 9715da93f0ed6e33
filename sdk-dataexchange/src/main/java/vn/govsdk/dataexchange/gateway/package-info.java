/**
 * Data-sharing gateways: the city or national data-sharing platform (nền tảng tích hợp, chia sẻ dữ
 * liệu, LGSP/NGSP, WSO2 API Manager style) through {@link vn.govsdk.dataexchange.gateway.DataSharingGatewayClient},
 * with typed national services (business registry, shared code lists), and X-Road style REST calls for
 * national exchange through {@link vn.govsdk.dataexchange.gateway.XRoadClient}.
 */
package vn.govsdk.dataexchange.gateway;
