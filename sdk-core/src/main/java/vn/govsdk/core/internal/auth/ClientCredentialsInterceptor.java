package vn.govsdk.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.TransportException;
import vn.govsdk.core.auth.ClientCredentials;
import vn.govsdk.core.internal.auth.CredentialCache.Credential;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * Sends {@code Authorization: Bearer <token>} with a cached client-credentials token; on HTTP 401
 * renews the token once and resends the call once.
 */
final class ClientCredentialsInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsInterceptor.class);

    private final ClientCredentials credentials;
    private final OkHttpClient tokenClient;
    private final Clock clock;
    private final Headers tokenRequestHeaders;
    private final HttpUrl tokenUrl;
    private final String maskedTokenUri;
    private final CredentialCache cache;

    ClientCredentialsInterceptor(ClientCredentials credentials, OkHttpClient tokenClient, Clock clock,
            Headers tokenRequestHeaders) {
        this.credentials = credentials;
        this.tokenClient = tokenClient;
        this.clock = clock;
        this.tokenRequestHeaders = tokenRequestHeaders;
        this.tokenUrl = HttpUrl.get(credentials.tokenUri().toString());
        this.maskedTokenUri = PersonalDataMasker.standard().maskText(tokenUrl.toString());
        this.cache = new CredentialCache(this::fetchToken, clock);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = cache.get(null);
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401) {
            return response;
        }
        if (request.body() != null && request.body().isOneShot()) {
            cache.invalidate(token);
            throw refused(response, 1, token);
        }
        response.close();
        LOG.debug("{} {} answered HTTP 401; renewing the access token and sending once more",
                request.method(), PersonalDataMasker.standard().maskText(request.url().toString()));
        String renewed = cache.get(token);
        Response second = chain.proceed(withToken(request, renewed));
        if (second.code() != 401) {
            return second;
        }
        cache.invalidate(renewed);
        throw refused(second, 2, token, renewed);
    }

    private static RuntimeException refused(Response response, int attempts, String... tokens) throws IOException {
        try (response) {
            return AuthJson.failure(response, AuthJson.readLenient(response), attempts, tokens);
        }
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }

    private Credential fetchToken() {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
        credentials.scope().ifPresent(scope -> form.add("scope", scope));
        Request.Builder request = new Request.Builder().url(tokenUrl).headers(tokenRequestHeaders)
                .header("Accept", "application/json");
        String secret = credentials.clientSecret().value();
        if (credentials.clientAuthentication() == ClientCredentials.ClientAuthentication.BASIC) {
            request.header("Authorization", Credentials.basic(formEncode(credentials.clientId()), formEncode(secret),
                    StandardCharsets.UTF_8));
        } else {
            form.add("client_id", credentials.clientId()).add("client_secret", secret);
        }
        request.post(form.build());

        LOG.debug("Requesting an access token from {}", maskedTokenUri);
        Instant requestedAt = clock.instant();
        try (Response response = tokenClient.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw AuthJson.failure(response, AuthJson.readLenient(response), 1, secret);
            }
            JsonNode answer = AuthJson.readObject(response, "token answer from " + maskedTokenUri);
            String token = AuthJson.member(answer, "access_token");
            if (token == null) {
                throw new ResponseDecodingException("token answer from " + maskedTokenUri + " has no access_token", null);
            }
            Duration lifetime = lifetime(answer.get("expires_in"));
            Instant renewAt = null;
            if (lifetime != null) {
                Duration margin = credentials.expiryMargin();
                Duration halfLife = lifetime.dividedBy(2);
                renewAt = requestedAt.plus(lifetime).minus(margin.compareTo(halfLife) > 0 ? halfLife : margin);
            }
            LOG.debug("Obtained an access token from {}, valid for {}", maskedTokenUri,
                    lifetime == null ? "an unstated time" : lifetime);
            return new Credential(token, renewAt);
        } catch (IOException e) {
            throw new TransportException("token request to " + maskedTokenUri + " failed ("
                    + e.getClass().getSimpleName() + ")", 1, e);
        }
    }

    /** {@code expires_in} is a number (NGSP, WSO2) or a numeric string (MySign); absent means "until refused". */
    private Duration lifetime(JsonNode expiresIn) {
        if (expiresIn == null || expiresIn.isNull()) {
            return null;
        }
        String text = expiresIn.asText().trim();
        if ((expiresIn.isIntegralNumber() || expiresIn.isTextual()) && text.matches("[0-9]{1,12}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        throw new ResponseDecodingException("token answer from " + maskedTokenUri
                + " has an expires_in that is not a whole number of seconds", null);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
