/**
 * Mock payment systems: the portal's payment platform (PP DVCQG, {@code /ppdvcqg}) and PayGov
 * ({@code /paygov}), which check checksums with synthetic shared keys and send correctly signed
 * callbacks to a loopback URL the test gives. Contract: docs/contracts/payments.md.
 */
package vn.govsdk.testkit.payment;
