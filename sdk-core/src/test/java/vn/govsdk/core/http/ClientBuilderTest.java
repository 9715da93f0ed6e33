package vn.govsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.govsdk.core.InvalidInputException;

class ClientBuilderTest {

    static final class DemoBuilder extends ClientBuilder<DemoBuilder> {
        ClientOptions options() {
            return clientOptions();
        }
    }

    @Test
    void defaultsAreTheCoreDefaultsAndNoSharedTransport() {
        ClientOptions o = new DemoBuilder().options();
        assertThat(o.sharedTransport()).isEmpty();
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(RetryPolicy.defaults().maxRetries());
        assertThat(o.timeouts().callDeadline()).isEqualTo(Timeouts.defaults().callDeadline());
    }

    @Test
    void settersChainAndCarryEverySetting() {
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
        Sleeper sleeper = d -> { };
        try (HttpTransport transport = HttpTransport.create()) {
            ClientOptions o = new DemoBuilder().httpClient(transport).retryPolicy(RetryPolicy.none())
                    .timeouts(Timeouts.builder().callDeadline(Duration.ofSeconds(5)).build())
                    .clock(clock).sleeper(sleeper).options();
            assertThat(o.sharedTransport()).containsSame(transport);
            assertThat(o.retryPolicy().maxRetries()).isZero();
            assertThat(o.timeouts().callDeadline()).isEqualTo(Duration.ofSeconds(5));
            assertThat(o.clock()).isSameAs(clock);
            assertThat(o.sleeper()).isSameAs(sleeper);
        }
    }

    @Test
    void nullIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DemoBuilder().httpClient(null))
                .isInstanceOf(InvalidInputException.class).hasMessage("httpClient must not be null");
        assertThatThrownBy(() -> new DemoBuilder().retryPolicy(null)).hasMessageContaining("retryPolicy");
        assertThatThrownBy(() -> new DemoBuilder().timeouts(null)).hasMessageContaining("timeouts");
        assertThatThrownBy(() -> new DemoBuilder().clock(null)).hasMessageContaining("clock");
        assertThatThrownBy(() -> new DemoBuilder().sleeper(null)).hasMessageContaining("sleeper");
    }

    @Test
    void optionsCopiesEverySettingFromOneBuilderToAnother() {
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
        try (HttpTransport transport = HttpTransport.create()) {
            ClientOptions shared = new DemoBuilder().httpClient(transport).retryPolicy(RetryPolicy.none())
                    .clock(clock).options();
            ClientOptions copied = new DemoBuilder().options(shared).options();
            assertThat(copied).isEqualTo(shared);
            assertThat(new DemoBuilder().options(new DemoBuilder().options()).options().sharedTransport()).isEmpty();
        }
        assertThatThrownBy(() -> new DemoBuilder().options(null)).hasMessage("options must not be null");
    }
}
