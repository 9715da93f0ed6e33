package vn.govsdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockService;

/**
 * Runs a test class against a {@link MockGovPlatform}: started once for the class on a free port,
 * reset (faults, journal, service state) before each test, closed after the class. Inject it with
 * {@link MockPlatform}.
 *
 * <pre>{@code
 * @WithMockGovPlatform(seed = 42, services = EchoService.class)
 * class MyClientTest {
 *     @MockPlatform MockGovPlatform platform;
 *     @MockPlatform("/echo") URI echo;
 *
 *     @Test void retriesOn503() { platform.faults().add("/echo", Fault.status(503)); ... }
 * }
 * }</pre>
 *
 * <p>With {@link #testClock()} the platform's clock is a {@link vn.govsdk.testkit.TestClock}, injected
 * as {@code @MockPlatform TestClock clock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MockGovPlatformExtension.class)
public @interface WithMockGovPlatform {

    /**
     * The seed of the synthetic data.
     *
     * @return the seed
     */
    long seed() default MockGovPlatform.DEFAULT_SEED;

    /**
     * Whether to serve HTTPS with a generated certificate (clients get the trust from
     * {@link MockGovPlatform#tls()}).
     *
     * @return whether HTTPS is on
     */
    boolean tls() default false;

    /**
     * Services to mount. Each class needs a public constructor taking a {@link MockGovPlatform} or
     * none.
     *
     * @return the service classes
     */
    Class<? extends MockService>[] services() default {};

    /**
     * Whether to also mount every default service of the standalone server
     * ({@link vn.govsdk.testkit.MockServerRunner#defaultServices()}).
     *
     * @return whether the default services are mounted
     */
    boolean defaultServices() default false;

    /**
     * Whether the platform runs on a {@link vn.govsdk.testkit.TestClock} instead of the system clock:
     * one that starts at the present second when the platform starts, stands still until the test moves
     * it, and is set back to that instant before each test. Inject it with
     * {@code @MockPlatform TestClock clock} and hand it to the clients under test, so that the platform
     * (certificates, OCSP, timestamps, tokens) and the clients judge time on one time line.
     *
     * @return whether the platform has a test clock
     */
    boolean testClock() default false;
}
