package vn.govsdk.core.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import vn.govsdk.core.auth.PopulationDbBasic;

/**
 * The population database's timestamped Basic scheme: a fresh password
 * {@code sha256_hex(url + username + timestamp + secretKey)} on every call.
 */
final class PopulationDbInterceptor implements Interceptor {

    private final PopulationDbBasic auth;
    private final Clock clock;

    PopulationDbInterceptor(PopulationDbBasic auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long timestamp = auth.timestampUnit() == PopulationDbBasic.TimestampUnit.SECONDS
                ? clock.instant().getEpochSecond()
                : clock.millis();
        String url = auth.authenticationUrl().map(Object::toString).orElseGet(() -> request.url().toString());
        String password = sha256Hex(url + auth.username() + timestamp + auth.secretKey().value());
        Request.Builder signed = request.newBuilder()
                .header("Authorization", Credentials.basic(auth.username(), password, StandardCharsets.UTF_8))
                .header(auth.timestampHeader(), Long.toString(timestamp));
        auth.xRoadClient().ifPresent(client -> signed.header(auth.xRoadClientHeader(), client));
        auth.apiKey().ifPresent(key -> signed.header(auth.apiKeyHeader(), key.value()));
        return chain.proceed(signed.build());
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
