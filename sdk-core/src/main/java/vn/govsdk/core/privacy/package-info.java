/**
 * Masking of personal data and secrets for logs and {@code toString()}.
 */
package vn.govsdk.core.privacy;
