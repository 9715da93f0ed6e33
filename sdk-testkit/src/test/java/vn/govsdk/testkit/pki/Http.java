package vn.govsdk.testkit.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain HTTP client for the tests. */
final class Http {

    private static final OkHttpClient CLIENT = new OkHttpClient();

    /** A status, content type and body. */
    record Reply(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Http() {
    }

    static Reply get(URI url) {
        return call(new Request.Builder().url(url.toString()).get().build());
    }

    static Reply post(URI url, String contentType, byte[] body) {
        return call(new Request.Builder().url(url.toString())
                .post(RequestBody.create(body, MediaType.get(contentType))).build());
    }

    static Reply call(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new Reply(response.code(), response.header("Content-Type"), response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
