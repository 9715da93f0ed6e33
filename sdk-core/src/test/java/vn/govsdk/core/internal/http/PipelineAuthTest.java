package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.core.internal.http.PipelineFixture.get;
import static vn.govsdk.core.internal.http.PipelineFixture.json;
import static vn.govsdk.core.internal.http.PipelineFixture.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.auth.GatewayAuth;
import vn.govsdk.core.auth.PopulationDbBasic;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.Operation;

/** The auth schemes inside the whole pipeline: credentials are applied on every retry attempt. */
class PipelineAuthTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final PipelineFixture fx = new PipelineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void retriedAttemptsReuseTheCachedTokenAndKeepTheRequestId() throws Exception {
        server.enqueue(json("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.enqueue(status(503));
        server.enqueue(json("{\"ok\":true}"));
        GovHttpPipeline pipeline = fx.pipeline()
                .auth(GatewayAuth.clientCredentials(URI.create(server.url("/token").toString()), "app",
                        Secret.of("s3cret")))
                .build();

        GovResponse response = pipeline.execute(Operation.read("items.get"), get(server));

        assertThat(response.attempts()).isEqualTo(2);
        RecordedRequest token = server.takeRequest();
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/token");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(first.getHeaders().get("X-Request-Id")).isNotBlank()
                .isEqualTo(second.getHeaders().get("X-Request-Id"));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void populationDbPasswordIsRecomputedForEachAttempt() throws Exception {
        server.enqueue(status(502));
        server.enqueue(json("{}"));
        GovHttpPipeline pipeline = fx.pipeline()
                .auth(PopulationDbBasic.builder().username("dvc-hcm").secretKey(Secret.of("k3y"))
                        .xRoadClient("VN/GOV/000.00.00.H29/DVC").apiKey(Secret.of("api"))
                        .timestampUnit(PopulationDbBasic.TimestampUnit.MILLISECONDS).build())
                .build();

        pipeline.execute(Operation.read("c06.lookup"), get(server));

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        for (RecordedRequest r : new RecordedRequest[] {first, second}) {
            String timestamp = r.getHeaders().get("Timestamp");
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (server.url("/items").toString() + "dvc-hcm" + timestamp + "k3y").getBytes(StandardCharsets.UTF_8)));
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString(("dvc-hcm:" + expected).getBytes(StandardCharsets.UTF_8)));
        }
        // The backoff advanced the fake clock, so the second attempt carries a fresh timestamp.
        assertThat(fx.sleeper.sleeps()).hasSize(1).allMatch(d -> d.compareTo(Duration.ZERO) > 0);
        assertThat(second.getHeaders().get("Timestamp")).isNotEqualTo(first.getHeaders().get("Timestamp"));
    }
}
