/**
 * Lazy paged iteration over list operations.
 */
package vn.govsdk.core.paging;
