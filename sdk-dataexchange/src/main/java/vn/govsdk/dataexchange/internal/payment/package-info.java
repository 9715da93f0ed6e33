/**
 * Implementation of the payment clients: checksum field orders, callback field formats and checks,
 * and the JDBC payment and replay stores. Not part of the public API.
 */
package vn.govsdk.dataexchange.internal.payment;
