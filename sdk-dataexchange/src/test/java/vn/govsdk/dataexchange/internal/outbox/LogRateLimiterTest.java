package vn.govsdk.dataexchange.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogRateLimiterTest {

    @Test
    void allowsSoManyLinesPerWindowAndReportsTheHeldBackOnesWithTheNext() {
        AtomicLong now = new AtomicLong(1_000);
        LogRateLimiter limiter = new LogRateLimiter(2, 100, now::get);
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(-1);
        assertThat(limiter.acquire()).isEqualTo(-1);
        now.addAndGet(100);
        assertThat(limiter.acquire()).isEqualTo(2);
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(-1);
    }
}
