/**
 * Authentication schemes as values a client is configured with ({@link vn.govsdk.core.auth.GatewayAuth}):
 * OAuth2 client credentials against a WSO2-style token endpoint, the VNPT LGSP {@code lgspaccesstoken}
 * header, the population database's (C06) timestamped SHA-256 Basic scheme, and the public-service
 * portal's (DVCQG) session login; plus {@link vn.govsdk.core.auth.Secret}, which keeps secrets out of
 * {@code toString()}, messages and logs.
 */
package vn.govsdk.core.auth;
