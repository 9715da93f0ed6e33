package vn.govsdk.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/** Test service with state: counts the requests it handled; reset() forgets them. */
public final class CountingService implements MockService {
    private final AtomicInteger handled = new AtomicInteger();

    @Override
    public String name() {
        return "Đếm yêu cầu (counting)";
    }

    @Override
    public String pathPrefix() {
        return "/count";
    }

    @Override
    public MockResponse handle(MockRequest request) {
        int n = handled.incrementAndGet();
        return MockResponse.json(200, "{\"handled\":" + n + ",\"text\":\"Xin chào, thế giới\"}");
    }

    @Override
    public void reset() {
        handled.set(0);
    }

    public int handled() {
        return handled.get();
    }
}
