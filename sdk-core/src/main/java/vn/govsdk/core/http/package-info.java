/**
 * Transport options shared by every govsdk client: retry strategy, timeouts, correlation id, the operation tag and the clock seam.
 */
package vn.govsdk.core.http;
