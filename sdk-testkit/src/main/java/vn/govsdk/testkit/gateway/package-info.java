/**
 * Mock data-sharing gateways: the city or national data-sharing platform (nền tảng tích hợp, chia
 * sẻ dữ liệu, LGSP/NGSP) in WSO2 API Manager style with its token endpoint, the national business
 * registry and shared code lists behind it, and an X-Road style security server for national
 * exchange. The wire formats are described in {@code docs/contracts/data-sharing-gateway.md} and
 * {@code docs/contracts/x-road.md}.
 */
package vn.govsdk.testkit.gateway;
