package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import vn.govsdk.core.ServiceUnavailableException;
import vn.govsdk.core.http.HttpTransport;
import vn.govsdk.core.http.Operation;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.internal.http.GovHttpPipeline;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.FaultRule;
import vn.govsdk.testkit.JournalEntry;

/** Tour step: the transport retries what is safe to retry, keeps the request id, and stops. */
final class TransportStep implements TourStep {

    @Override
    public String name() {
        return "transport";
    }

    @Override
    public String title() {
        return "Transport: retries with jittered backoff, Retry-After honoured, one request id across attempts";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        var platform = context.platform();
        HttpUrl url = HttpUrl.get(platform.baseUrl("/echo/dossiers").toString());
        try (HttpTransport transport = HttpTransport.create()) {
            GovHttpPipeline pipeline = GovHttpPipeline.builder(transport)
                    .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(20)).build())
                    .build();

            platform.faults().add(FaultRule.builder().prefix("/echo").failFirst(2)
                    .fault(Fault.status(503).withRetryAfter(Duration.ofSeconds(1))).build());
            GovResponse ok = pipeline.execute(Operation.read("tour.getDossiers"),
                    new Request.Builder().url(url).build());
            List<JournalEntry> seen = platform.journal().requestsTo("/echo");
            out.println("  the platform failed the first 2 attempts with 503 + Retry-After: 1");
            out.println("  a read: HTTP " + ok.status() + " after " + ok.attempts() + " attempts; request ids seen: "
                    + seen.stream().map(e -> e.request().header("x-request-id").orElse("?")).distinct().toList());

            platform.journal().clear();
            platform.faults().add(FaultRule.on("/echo", Fault.status(503)));
            try {
                pipeline.execute(Operation.write("tour.submitDossier"), new Request.Builder().url(url)
                        .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json")))
                        .build());
                throw new IllegalStateException("a 503 on a write was not reported");
            } catch (ServiceUnavailableException e) {
                out.println("  a write that is not safe to repeat: sent " + platform.journal().count("/echo")
                        + " time, then " + e.getClass().getSimpleName() + " (status " + e.statusCode()
                        + ", request id " + e.requestId().orElse("?") + ")");
            }
        }
    }
}
