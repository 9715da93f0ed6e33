package vn.govsdk.testkit.remotesigning;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Posts webhooks to loopback receivers and signs them. */
final class Webhooks {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    private Webhooks() {
    }

    static URI requireLoopback(URI url, String field) {
        if (url == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1");
        if (!(scheme.equals("http") || scheme.equals("https")) || !loopback) {
            throw new IllegalArgumentException(field
                    + " must be an http(s) URL on loopback (localhost, 127.0.0.1, ::1), got " + url);
        }
        return url;
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static WebhookDelivery post(URI url, MediaType type, String body, Map<String, String> headers) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        sent.put("Content-Type", type.toString());
        Request.Builder request = new Request.Builder().url(url.toString())
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), type));
        headers.forEach(request::header);
        try (Response response = CLIENT.newCall(request.build()).execute()) {
            return new WebhookDelivery(url, sent, body, response.code(), response.body().string(), Optional.empty());
        } catch (IOException e) {
            return new WebhookDelivery(url, sent, body, 0, "", Optional.of(e.toString()));
        }
    }
}
