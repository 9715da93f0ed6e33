package vn.govsdk.core.internal.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import vn.govsdk.core.auth.GatewayAuth;

/** Helpers shared by the auth tests: a settable clock, clients with the interceptors, recorded requests. */
final class TestSupport {

    private TestSupport() {
    }

    /** A plain client with the auth interceptors; token requests go through a separate plain client. */
    static OkHttpClient client(GatewayAuth auth, Clock clock) {
        OkHttpClient tokenClient = new OkHttpClient.Builder().build();
        OkHttpClient.Builder builder = tokenClient.newBuilder();
        AuthInterceptors.create(auth, tokenClient, clock).forEach(builder::addInterceptor);
        return builder.build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    /** Executes a request and returns the status and body. */
    static String call(OkHttpClient client, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    /** Every request the server has recorded so far, in arrival order. */
    static List<RecordedRequest> recorded(MockWebServer server) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r != null) {
                all.add(r);
            }
        }
        return all;
    }

    static long countPath(List<RecordedRequest> requests, String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }
}
