package vn.govsdk.testkit.pki;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import vn.govsdk.testkit.MockRequest;
import vn.govsdk.testkit.MockService;

/**
 * The smallest stand-in for the mock platform: hands MockWebServer's requests to one
 * {@link MockService} and its answers back. Paths outside the service's prefix get 404.
 */
final class MockServiceDispatcher extends Dispatcher {

    private final MockService service;
    private final java.util.Queue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

    MockServiceDispatcher(MockService service) {
        this.service = service;
    }

    /** Returns and forgets the requests seen so far, as "METHOD /decoded/path". */
    List<String> drainSeen() {
        List<String> out = new java.util.ArrayList<>();
        for (String line; (line = seen.poll()) != null; ) {
            out.add(line);
        }
        return out;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) {
        HttpUrl url = recorded.getUrl();
        String path = "/" + String.join("/", url.pathSegments());
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v)
                    .collect(Collectors.toList()));
        }
        byte[] body = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
        seen.add(recorded.getMethod() + " " + path);
        if (!path.equals(service.pathPrefix()) && !path.startsWith(service.pathPrefix() + "/")) {
            return new MockResponse.Builder().code(404).body("not mounted: " + path).build();
        }
        vn.govsdk.testkit.MockResponse answer = service.handle(new MockRequest(recorded.getMethod(), path, query,
                recorded.getHeaders().toMultimap(), body));
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
        answer.headers().forEach(response::addHeader);
        return response.body(new Buffer().write(answer.body())).build();
    }
}
