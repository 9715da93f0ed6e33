/**
 * Machinery of the auto-configuration (conditions, property conversion, the outbox lifecycle); not API,
 * may change in any release.
 */
package vn.govsdk.spring.autoconfigure.internal;
