/**
 * Pollers for long-running operations.
 */
package vn.govsdk.core.polling;
