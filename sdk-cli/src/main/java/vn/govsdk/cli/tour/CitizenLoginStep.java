package vn.govsdk.cli.tour;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.identity.login.AuthorizationRequest;
import vn.govsdk.identity.login.CitizenIdentity;
import vn.govsdk.identity.login.CitizenLogin;
import vn.govsdk.identity.login.CitizenLoginClient;
import vn.govsdk.identity.login.LoginRefusedException;
import vn.govsdk.identity.login.OidcProvider;
import vn.govsdk.testkit.oidc.BadIdToken;
import vn.govsdk.testkit.oidc.OpenIdProviderMock;

/**
 * Tour step: citizen login with OpenID Connect against the mock portal SSO, the browser's part
 * played with plain HTTP: begin, pick a citizen on the login page, complete, show the verified
 * identity (masked); then a forged ID token refused.
 */
final class CitizenLoginStep implements TourStep {

    private static final Pattern CITIZEN_LINK = Pattern.compile("<a class=\"citizen\"[^>]*href=\"([^\"]+)\"");
    private static final URI CALLBACK = URI.create("http://127.0.0.1:8080/callback");

    @Override
    public String name() {
        return "login";
    }

    @Override
    public String title() {
        return "Citizen login (đăng nhập VNeID qua SSO Cổng DVCQG): OpenID Connect code flow, PKCE, signed state, "
                + "ID token verified";
    }

    @Override
    public void run(TourContext context, PrintWriter out) throws IOException {
        OpenIdProviderMock sso = (OpenIdProviderMock) context.platform().service("/sso").orElseThrow(
                () -> new IllegalStateException("the mock portal SSO is not mounted at /sso"));
        OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
        try (CitizenLoginClient client = CitizenLoginClient.builder()
                .provider(OidcProvider.wso2(sso.serverBase()))
                .clientId(OpenIdProviderMock.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(OpenIdProviderMock.DEFAULT_CLIENT_SECRET))
                .acrValues("LoA1")
                .build()) {
            AuthorizationRequest start = client.begin(CALLBACK);
            out.println("  begin(" + CALLBACK + ") -> redirect the browser to " + start.authorizationUrl().getPath()
                    + " (state signed, nonce, PKCE S256, acr_values=LoA1)");
            CitizenLogin login = client.complete(loginAsFirstCitizen(browser, start.authorizationUrl()),
                    start.pendingLogin());
            CitizenIdentity who = login.identity();
            out.println("  the citizen picked a synthetic account on the SSO's login page; complete(...) verified the"
                    + " ID token (" + login.idToken().algorithm() + ", key " + login.idToken().keyId().orElse("-")
                    + ", issuer, audience, expiry, nonce)");
            out.println("  identity: " + who.fullName().map(vn.govsdk.core.privacy.PersonalDataMasker::maskName)
                    .orElse("-") + ", ID " + who.maskedPersonalId().orElse("-") + ", " + who.accountType()
                    + ", via " + (who.loggedInWithVneid() ? "VNeID (BCA)" : who.loginProvider().orElse("-"))
                    + ", LoA " + who.levelOfAssurance().orElse("-"));
            out.println("  introspect(access token) -> active=" + client.introspect(login.tokens().accessToken()).active());
            client.revoke(login.tokens().accessToken());
            out.println("  revoke(access token), then introspect -> active="
                    + client.introspect(login.tokens().accessToken()).active());

            AuthorizationRequest again = client.begin(CALLBACK);
            URI callback = loginAsFirstCitizen(browser, again.authorizationUrl());
            sso.issueNextIdToken(BadIdToken.HS256_WITH_PUBLIC_KEY);
            try {
                client.complete(callback, again.pendingLogin());
                throw new IllegalStateException("an HS256 ID token keyed with the public key was accepted");
            } catch (LoginRefusedException e) {
                out.println("  a forged ID token (HS256 keyed with the provider's public key) refused: " + e.reason());
            }
        } finally {
            browser.dispatcher().executorService().shutdown();
            browser.connectionPool().evictAll();
        }
    }

    private static URI loginAsFirstCitizen(OkHttpClient browser, URI authorizationUrl) throws IOException {
        String page;
        try (Response r = browser.newCall(new Request.Builder().url(authorizationUrl.toString()).build()).execute()) {
            page = r.body().string();
        }
        Matcher m = CITIZEN_LINK.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the login page lists no citizen");
        }
        try (Response r = browser.newCall(new Request.Builder().url(m.group(1).replace("&amp;", "&")).build()).execute()) {
            String location = r.header("Location");
            if (r.code() != 302 || location == null) {
                throw new IllegalStateException("choosing a citizen gave HTTP " + r.code() + ", not a redirect");
            }
            return URI.create(location);
        }
    }
}
