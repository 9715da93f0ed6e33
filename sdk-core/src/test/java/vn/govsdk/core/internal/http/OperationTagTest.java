package vn.govsdk.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.govsdk.core.internal.http.PipelineFixture.get;
import static vn.govsdk.core.internal.http.PipelineFixture.json;
import static vn.govsdk.core.internal.http.PipelineFixture.status;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.okhttp.OkHttpTransport;
import vn.govsdk.core.testsupport.FakeClock;
import vn.govsdk.core.testsupport.RecordingSleeper;

/** The pattern docs/observability.md shows: metrics and tracing read the operation tag. */
class OperationTagTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void applicationInterceptorsNetworkInterceptorsAndEventListenersSeeTheOperation() {
        server.enqueue(status(503));
        server.enqueue(json("{}"));
        List<String> seen = new CopyOnWriteArrayList<>();
        OkHttpClient appClient = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    Operation op = chain.request().tag(Operation.class);
                    seen.add("app:" + op.name() + ":" + op.safeToRetry());
                    return chain.proceed(chain.request());
                })
                .addNetworkInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    seen.add("net:" + chain.request().tag(Operation.class).name() + ":" + response.code());
                    return response;
                })
                .eventListener(new EventListener() {
                    @Override
                    public void callEnd(Call call) {
                        seen.add("end:" + call.request().tag(Operation.class).name());
                    }

                    @Override
                    public void callFailed(Call call, IOException ioe) {
                        seen.add("failed:" + call.request().tag(Operation.class).name());
                    }
                })
                .build();
        FakeClock clock = new FakeClock();
        try (HttpTransport transport = OkHttpTransport.wrap(appClient)) {
            GovHttpPipeline pipeline = GovHttpPipeline.builder(transport).clock(clock)
                    .sleeper(new RecordingSleeper(clock)).build();

            pipeline.execute(Operation.read("population.lookupCitizen"), get(server));
        }

        assertThat(seen).containsExactly(
                "app:population.lookupCitizen:true",
                "net:population.lookupCitizen:503",
                "net:population.lookupCitizen:200",
                "end:population.lookupCitizen");
    }
}
