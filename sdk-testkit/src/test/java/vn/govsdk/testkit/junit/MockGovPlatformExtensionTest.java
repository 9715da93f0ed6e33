package vn.govsdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import vn.govsdk.testkit.CitizenDirectoryService;
import vn.govsdk.testkit.CountingService;
import vn.govsdk.testkit.EchoService;
import vn.govsdk.testkit.Fault;
import vn.govsdk.testkit.Http;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.data.SyntheticData;

/**
 * The JUnit 5 extension: injection into fields and parameters, reset between tests, one platform per
 * class shared with nested classes, closed after the class.
 */
@WithMockGovPlatform(seed = 7, services = {CountingService.class, CitizenDirectoryService.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockGovPlatformExtensionTest {

    @MockPlatform
    static MockGovPlatform sharedPlatform;

    @MockPlatform
    MockGovPlatform platform;

    @MockPlatform
    URI baseUrl;

    @MockPlatform("/count")
    URI countUrl;

    @MockPlatform
    SyntheticData data;

    private final OkHttpClient client = Http.client();

    @Test
    @Order(1)
    void injectsThePlatformItsUrlsAndItsData(MockGovPlatform fromParameter, @MockPlatform("/people") URI people,
            SyntheticData dataParameter) {
        assertThat(platform).isNotNull().isSameAs(fromParameter).isSameAs(sharedPlatform);
        assertThat(platform.seed()).isEqualTo(7);
        assertThat(baseUrl).isEqualTo(platform.baseUrl());
        assertThat(countUrl).isEqualTo(platform.baseUrl("/count"));
        assertThat(people).isEqualTo(platform.baseUrl("/people"));
        assertThat(data).isSameAs(platform.data()).isSameAs(dataParameter);
        assertThat(Http.get(client, people.resolve("people/3")).body())
                .contains(platform.data().citizen(3).citizenId());
    }

    @Test
    @Order(2)
    void leavesStateBehind() {
        platform.faults().add("/people", Fault.status(503));
        assertThat(Http.get(client, countUrl).status()).isEqualTo(200);
        assertThat(Http.get(client, countUrl).body()).contains("\"handled\":2");
        assertThat(platform.journal().count()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void findsItResetBeforeTheNextTest() {
        assertThat(platform.faults().list()).isEmpty();
        assertThat(platform.journal().count()).isZero();
        assertThat(Http.get(client, countUrl).body()).as("the service's state was reset").contains("\"handled\":1");
    }

    @Nested
    class NestedTests {
        @MockPlatform
        MockGovPlatform nestedPlatform;

        @Test
        void shareTheEnclosingClassPlatform() {
            assertThat(nestedPlatform).isSameAs(sharedPlatform);
            assertThat(platform).isSameAs(sharedPlatform);
        }
    }

    // ------------------------------------------------------------------ run through the JUnit engine

    static final AtomicReference<MockGovPlatform> SEEN = new AtomicReference<>();

    @WithMockGovPlatform(tls = true, defaultServices = true)
    static class TlsFixture {
        @MockPlatform
        MockGovPlatform platform;

        @Test
        void servesHttpsWithTheDefaultServices() {
            SEEN.set(platform);
            assertThat(platform.tls()).isPresent();
            assertThat(platform.service("/echo")).isPresent();
        }
    }

    static class RegisteredFixture {
        @RegisterExtension
        static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(b -> b
                .seed(99).port(12345).service(new EchoService()));

        @Test
        void usesTheConfigurerAndAFreePort() {
            SEEN.set(MOCK.platform());
            assertThat(MOCK.platform().seed()).isEqualTo(99);
            assertThat(MOCK.platform().port()).as("the port is always a free one").isNotEqualTo(12345);
            assertThat(Http.get(Http.client(), MOCK.platform().baseUrl("/echo")).status()).isEqualTo(200);
        }
    }

    static final java.util.List<java.time.Instant> CLOCK_SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @WithMockGovPlatform(testClock = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClockFixture {
        @MockPlatform
        TestClock clock;

        @Test
        @Order(1)
        void theFirstTestMovesTheClockFarAhead(MockGovPlatform platform) {
            assertThat(platform.clock()).isSameAs(clock);
            assertThat(platform.pki().referenceTime()).isEqualTo(clock.instant());
            CLOCK_SEEN.add(clock.instant());
            clock.advance(java.time.Duration.ofDays(400));
        }

        @Test
        @Order(2)
        void theNextStartsWhereTheFirstStarted(@MockPlatform TestClock parameter) {
            assertThat(parameter).isSameAs(clock);
            CLOCK_SEEN.add(clock.instant());
        }
    }

    @WithMockGovPlatform
    static class ClockWithoutTestClockFixture {
        @MockPlatform
        TestClock clock;

        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    @WithMockGovPlatform
    static class BadFieldFixture {
        @MockPlatform
        String notInjectable;

        @Test
        void neverRuns() {
            throw new AssertionError("must not run");
        }
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void theAnnotationConfiguresTlsAndDefaultServicesAndThePlatformClosesAfterTheClass() {
        SEEN.set(null);
        Events events = run(TlsFixture.class);

        events.assertStatistics(s -> s.succeeded(1).failed(0));
        MockGovPlatform used = SEEN.get();
        assertThat(used).isNotNull();
        OkHttpClient trusting = Http.client().newBuilder()
                .sslSocketFactory(used.tls().orElseThrow().sslSocketFactory(), used.tls().orElseThrow().trustManager())
                .build();
        assertThatThrownBy(() -> Http.get(trusting, used.baseUrl("/echo"))).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aRegisteredExtensionUsesItsConfigurer() {
        SEEN.set(null);
        run(RegisteredFixture.class).assertStatistics(s -> s.succeeded(1).failed(0));
        assertThatThrownBy(() -> Http.get(Http.client(), SEEN.get().baseUrl("/echo")))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aFieldOfTheWrongTypeIsAClearConfigurationError() {
        Events events = run(BadFieldFixture.class);
        events.assertStatistics(s -> s.failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("BadFieldFixture.notInjectable")
                .hasMessageContaining("must be of type MockGovPlatform, URI, SyntheticData or TestClock");
    }

    @Test
    void aTestClockIsInjectedAndSetBackBeforeEachTest() {
        CLOCK_SEEN.clear();
        run(ClockFixture.class).assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(CLOCK_SEEN).hasSize(2);
        assertThat(CLOCK_SEEN.get(1)).isEqualTo(CLOCK_SEEN.get(0));
    }

    @Test
    void aTestClockFieldWithoutTheOptionIsAClearConfigurationError() {
        Events events = run(ClockWithoutTestClockFixture.class);
        events.assertStatistics(s -> s.failed(1));
        assertThat(events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("ClockWithoutTestClockFixture.clock").hasMessageContaining("testClock = true");
    }
}
