package vn.govsdk.dataexchange.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.json.GovJson;

/**
 * The tests' delivery: a JSON POST through the core pipeline to the recording portal, as the portal
 * client's adapter will do. The pipeline does not retry (the outbox does).
 */
final class HttpDelivery implements OutboxDelivery, AutoCloseable {

    private static final Operation DELIVER = Operation.idempotentWrite("outbox.test.deliver");

    private final HttpTransport transport = HttpTransport.create();
    private final GovHttpPipeline pipeline;
    private final HttpUrl url;

    private final String instance;

    HttpDelivery(URI baseUrl) {
        this(baseUrl, "test");
    }

    HttpDelivery(URI baseUrl, String instance) {
        this.instance = instance;
        this.url = HttpUrl.get(baseUrl.resolve(RecordingPortalService.PREFIX + "/deliver").toString());
        this.pipeline = GovHttpPipeline.builder(transport)
                .retryPolicy(RetryPolicy.none())
                .timeouts(Timeouts.builder().connect(Duration.ofSeconds(2)).read(Duration.ofSeconds(2))
                        .write(Duration.ofSeconds(2)).callDeadline(Duration.ofSeconds(2)).build())
                .build();
    }

    @Override
    public void deliver(OutboxMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", message.dossierCode());
        body.put("kind", message.kind().name());
        body.put("messageId", message.id());
        body.put("instance", instance);
        body.put("payload", GovJson.readTree(message.payload().getBytes(StandardCharsets.UTF_8)));
        pipeline.postJson(DELIVER, url, body, Map.class);
    }

    @Override
    public void close() {
        transport.close();
    }
}
