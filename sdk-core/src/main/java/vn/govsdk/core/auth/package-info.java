/**
 * Authentication schemes as values a client is configured with: OAuth2 client credentials, the LGSP lgspaccesstoken header, the population database's timestamped Basic scheme and the portal's session login.
 */
package vn.govsdk.core.auth;
