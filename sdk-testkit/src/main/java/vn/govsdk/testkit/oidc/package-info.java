/**
 * The mock OpenID Connect providers of the platform: the public-service portal's SSO (DVCQG SSO,
 * WSO2 Identity Server paths, under {@code /sso}) and VNeID (a Keycloak realm, under {@code /vneid}),
 * with a login page listing synthetic citizens, key rotation and hooks that issue deliberately
 * defective ID tokens. {@code docs/contracts/citizen-login.md} is the contract.
 */
package vn.govsdk.testkit.oidc;
