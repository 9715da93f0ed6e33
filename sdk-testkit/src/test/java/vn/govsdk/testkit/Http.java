package vn.govsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Test helper: a real OkHttp client that does not retry on its own, so every fault is visible. */
@SuppressWarnings("exports")
public final class Http {
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private Http() {
    }

    public static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .callTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A finished exchange: status, headers of interest and the whole body. */
    public record Result(int status, okhttp3.Headers headers, String body) {
    }

    public static Result get(OkHttpClient client, URI url) {
        return execute(client, new Request.Builder().url(url.toString()).build());
    }

    public static Result post(OkHttpClient client, URI url, String json) {
        return execute(client, new Request.Builder().url(url.toString()).post(RequestBody.create(json, JSON)).build());
    }

    public static Result delete(OkHttpClient client, URI url) {
        return execute(client, new Request.Builder().url(url.toString()).delete().build());
    }

    public static Result execute(OkHttpClient client, Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Result(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
