/**
 * Implementation details; not part of the public API, may change in any release.
 */
package vn.govsdk.core.internal.http;
