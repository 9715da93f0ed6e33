package vn.govsdk.signing.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback HTTP endpoint that hands what it receives to a remote signer's acceptWebhook. */
final class WebhookReceiver implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private volatile Function<WebhookRequest, WebhookResponse> handler;
    final List<WebhookResponse> answers = new CopyOnWriteArrayList<>();

    WebhookReceiver(Function<WebhookRequest, WebhookResponse> handler) throws IOException {
        this.handler = handler;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String name : request.getHeaders().names()) {
                    headers.put(name, new ArrayList<>(request.getHeaders().values(name)));
                }
                byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
                WebhookResponse r = WebhookReceiver.this.handler.apply(new WebhookRequest(headers, body));
                answers.add(r);
                return new MockResponse.Builder().code(r.statusCode()).addHeader("Content-Type", r.contentType())
                        .body(r.body()).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    void handler(Function<WebhookRequest, WebhookResponse> handler) {
        this.handler = handler;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    @Override
    public void close() {
        server.close();
    }
}
