package vn.govsdk.core.internal.http;

import mockwebserver3.MockResponse;
import okhttp3.Request;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.testsupport.FakeClock;
import vn.govsdk.core.testsupport.RecordingSleeper;

/** A transport, a fake clock and a recording sleeper, so that no test waits for real. */
final class PipelineFixture implements AutoCloseable {
    final FakeClock clock = new FakeClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final HttpTransport transport = HttpTransport.create();

    /** A pipeline builder on the fake clock, with jitter fixed at one half. */
    GovHttpPipeline.Builder pipeline() {
        return GovHttpPipeline.builder(transport).clock(clock).sleeper(sleeper).jitter(() -> 0.5);
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error_code\":\"E" + code + "\",\"message\":\"refused\"}")
                .addHeader("Content-Type", "application/json").build();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).body(body).addHeader("Content-Type", "application/json").build();
    }

    static Request get(mockwebserver3.MockWebServer server) {
        return new Request.Builder().url(server.url("/items")).build();
    }

    @Override
    public void close() {
        transport.close();
    }
}
