/**
 * Implementation of the citizen login client: ID-token validation with Nimbus JOSE+JWT, the JWKS
 * cache, the signed state, PKCE, discovery and the userinfo mapping. Not part of the public API.
 */
package vn.govsdk.identity.internal.login;
