package vn.govsdk.dataexchange.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A unit's callback endpoint on loopback, as an application would expose it. */
final class CallbackReceiver implements AutoCloseable {

    final List<String> received = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();

    CallbackReceiver(Function<byte[], String> handler) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
                received.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(handler.apply(body)).build();
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create(server.url("/callback").toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
