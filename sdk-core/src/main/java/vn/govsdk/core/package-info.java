/**
 * Errors shared by every govsdk module: the unchecked root {@link vn.govsdk.core.GovSdkException} and its client-side and service-side branches.
 */
package vn.govsdk.core;
