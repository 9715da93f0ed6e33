/**
 * Citizen login (đăng nhập bằng tài khoản định danh điện tử) with OpenID Connect: {@link
 * vn.govsdk.identity.login.CitizenLoginClient} runs the authorization code flow with PKCE and a
 * signed state against the public-service portal's SSO or VNeID, validates ID tokens against the
 * provider's keys, and maps userinfo to a {@link vn.govsdk.identity.login.CitizenIdentity}. The
 * contract it implements is {@code docs/contracts/citizen-login.md}.
 */
package vn.govsdk.identity.login;
