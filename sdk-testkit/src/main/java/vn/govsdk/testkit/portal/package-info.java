/**
 * The mock national public-service portal (Cổng Dịch vụ công quốc gia, DVCQG) under {@code /dvcqg}:
 * session login, a seed-generated catalogue, shared code lists, and stored dossiers, progress and
 * statuses checked for consistency. Contract: docs/contracts/public-service-portal.md.
 */
package vn.govsdk.testkit.portal;
