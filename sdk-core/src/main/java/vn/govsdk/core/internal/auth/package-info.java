/**
 * Internal: turns a {@link vn.govsdk.core.auth.GatewayAuth} into OkHttp interceptors
 * ({@link vn.govsdk.core.internal.auth.AuthInterceptors}). Not part of the public API; exported
 * only to govsdk's own modules.
 */
package vn.govsdk.core.internal.auth;
