package vn.govsdk.testkit.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Posts a callback body to a loopback URL. */
final class CallbackSender {

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private CallbackSender() {
    }

    static CallbackDelivery post(URI url, String json) {
        if (!MockChecksums.isLoopback(url)) {
            throw new IllegalArgumentException("callback URL must be http(s) on loopback (localhost, 127.0.0.1, ::1)");
        }
        Request request = new Request.Builder().url(url.toString())
                .post(RequestBody.create(json, MediaType.get("application/json; charset=utf-8"))).build();
        try (Response response = CLIENT.newCall(request).execute()) {
            return new CallbackDelivery(json, response.code(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException("callback to " + url + " failed", e);
        }
    }
}
