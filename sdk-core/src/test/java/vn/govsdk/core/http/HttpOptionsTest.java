package vn.govsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.http.RetryAfter;

class HttpOptionsTest {

    @Test
    void retryPolicyDefaultsAndNone() {
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.maxRetries()).isEqualTo(3);
        assertThat(d.baseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.maxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThat(d.toBuilder().maxRetries(1).build()).isNotEqualTo(d);
    }

    @Test
    void onlyTheTransientStatusesAreRetryable() {
        for (int code = 100; code < 600; code++) {
            boolean expected = code == 408 || code == 429 || code == 502 || code == 503 || code == 504;
            assertThat(RetryPolicy.defaults().isRetryableStatus(code)).as("HTTP %d", code).isEqualTo(expected);
        }
    }

    @Test
    void badRetrySettingsNameTheField() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(20)).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must not exceed maxDelay");
    }

    @Test
    void timeoutDefaultsAndValidation() {
        Timeouts t = Timeouts.defaults();
        assertThat(t.connect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.read()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.write()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.callDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Timeouts.builder().read(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("read timeout");
    }

    @Test
    void correlationOptionsValidateTheHeaderAndTheIds() {
        assertThat(CorrelationIdOptions.defaults().headerName()).isEqualTo("X-Request-Id");
        assertThat(CorrelationIdOptions.defaults().newId()).matches("[0-9a-f-]{36}");
        assertThatThrownBy(() -> CorrelationIdOptions.builder().headerName("X Request"))
                .isInstanceOf(InvalidInputException.class);
        CorrelationIdOptions bad = CorrelationIdOptions.builder().generator(() -> "id\r\nX-Injected: 1").build();
        assertThatThrownBy(bad::newId).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void operationsSayWhetherTheyMayBeRetried() {
        assertThat(Operation.read("a").safeToRetry()).isTrue();
        assertThat(Operation.idempotentWrite("a").safeToRetry()).isTrue();
        assertThat(Operation.write("a").safeToRetry()).isFalse();
        assertThatThrownBy(() -> Operation.read(" ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void retryAfterParsesBothForms() {
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T03:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Tue, 01 Jul 2025 03:01:30 GMT", clock)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Tue, 01 Jul 2025 02:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }
}
