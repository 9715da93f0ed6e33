package vn.govsdk.core.internal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.auth.CombinedAuth;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.LgspAccessToken;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.PortalSession;

/**
 * Turns a {@link GatewayAuth} into OkHttp application interceptors, one per scheme, in the order
 * the schemes were combined.
 *
 * <p>Failures surface as unchecked exceptions thrown from {@code Interceptor.intercept}: a token
 * or login refused as {@link vn.govsdk.core.AuthenticationFailedException} (or
 * {@link vn.govsdk.core.ServiceUnavailableException} / {@link vn.govsdk.core.RateLimitedException}
 * for 5xx / 429 from the token endpoint), an unreadable token answer as
 * {@link vn.govsdk.core.ResponseDecodingException}, an I/O failure of the token request as
 * {@link vn.govsdk.core.TransportException}. With {@code Call.execute()} they reach the caller
 * unchanged. An API call refused twice (HTTP 401, or the portal's expired-session code) after one
 * renewal is an {@link vn.govsdk.core.AuthenticationFailedException}.
 */
public final class AuthInterceptors {

    private AuthInterceptors() {
    }

    /**
     * Creates the interceptors for a scheme. Each call to this method starts its own token and
     * session caches: create them once per client, not per call.
     *
     * @param auth the configured scheme
     * @param tokenClient the client for token and login requests; it must not carry these
     *                    interceptors (that would recurse), but may share the connection pool
     * @param clock the clock for token expiry and the population database's timestamps
     * @return the interceptors to add, in order, with {@code OkHttpClient.Builder.addInterceptor}
     */
    public static List<Interceptor> create(GatewayAuth auth, OkHttpClient tokenClient, Clock clock) {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(tokenClient, "tokenClient");
        Objects.requireNonNull(clock, "clock");
        List<GatewayAuth> parts = auth instanceof CombinedAuth ? ((CombinedAuth) auth).parts() : List.of(auth);

        Headers.Builder fixed = new Headers.Builder();
        for (GatewayAuth part : parts) {
            if (part instanceof LgspAccessToken) {
                LgspAccessToken lgsp = (LgspAccessToken) part;
                fixed.set(lgsp.headerName(), lgspHeaderValue(lgsp));
            }
        }
        Headers fixedHeaders = fixed.build();

        List<Interceptor> interceptors = new ArrayList<>();
        for (GatewayAuth part : parts) {
            if (part instanceof LgspAccessToken) {
                LgspAccessToken lgsp = (LgspAccessToken) part;
                interceptors.add(new StaticHeadersInterceptor(Headers.of(lgsp.headerName(), lgspHeaderValue(lgsp))));
            } else if (part instanceof ClientCredentials) {
                interceptors.add(new ClientCredentialsInterceptor((ClientCredentials) part, tokenClient, clock, fixedHeaders));
            } else if (part instanceof PopulationDbBasic) {
                interceptors.add(new PopulationDbInterceptor((PopulationDbBasic) part, clock));
            } else if (part instanceof PortalSession) {
                interceptors.add(new PortalSessionInterceptor((PortalSession) part, tokenClient, clock, fixedHeaders));
            } else {
                throw new IllegalStateException("unsupported scheme " + part.getClass().getName());
            }
        }
        return List.copyOf(interceptors);
    }

    /**
     * The {@code lgspaccesstoken} value: base64 of the compact UTF-8 JSON object with the members
     * AccessKey, SecretKey, AppName, PartnerCode, PartnerCodeCus, in that order.
     *
     * @param lgsp the scheme
     * @return the header value
     */
    static String lgspHeaderValue(LgspAccessToken lgsp) {
        ObjectNode json = AuthJson.MAPPER.createObjectNode()
                .put("AccessKey", lgsp.accessKey())
                .put("SecretKey", lgsp.secretKey().value())
                .put("AppName", lgsp.appName())
                .put("PartnerCode", lgsp.partnerCode())
                .put("PartnerCodeCus", lgsp.partnerCodeCus());
        try {
            return Base64.getEncoder().encodeToString(AuthJson.MAPPER.writeValueAsString(json)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
