package vn.govsdk.core.internal.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import vn.govsdk.core.http.CorrelationIdOptions;
import vn.govsdk.core.http.Operation;

/**
 * Outermost SDK interceptor: makes sure the call has a {@link CallContext} and the correlation id
 * header. It runs once per call, outside the retry loop, so every attempt carries the same id.
 */
final class CorrelationIdInterceptor implements Interceptor {

    private final CorrelationIdOptions options;
    private final Clock clock;
    private final Duration callDeadline;

    CorrelationIdInterceptor(CorrelationIdOptions options, Clock clock, Duration callDeadline) {
        this.options = options;
        this.clock = clock;
        this.callDeadline = callDeadline;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallContext context = CallContext.of(request);
        if (context == null) {
            // A request sent through the client directly rather than through GovHttpPipeline.execute.
            String id = request.header(options.headerName());
            Operation operation = request.tag(Operation.class);
            context = new CallContext(operation != null ? operation : Operation.write("unnamed"),
                    id != null ? id : options.newId(), clock.instant(), callDeadline);
            request = request.newBuilder().tag(CallContext.class, context).build();
        }
        if (request.header(options.headerName()) == null) {
            request = request.newBuilder().header(options.headerName(), context.requestId()).build();
        }
        return chain.proceed(request);
    }
}
