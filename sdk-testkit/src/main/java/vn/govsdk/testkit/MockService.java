package vn.govsdk.testkit;

/**
 * One emulated government system, mounted on the mock platform under its own path prefix
 * (for example {@code /c06} for the population database, {@code /pki} for the test PKI's OCSP, CRL
 * and timestamp endpoints). Each client issue of govsdk adds its system's emulation as one of these.
 *
 * <p>The platform strips nothing: {@link MockRequest#path()} is the full request path, prefix
 * included. Faults, the request journal and TLS are the platform's business, never the service's.
 * Implementations must be thread-safe; the platform calls {@link #handle} from many threads.
 */
public interface MockService {

    /**
     * Returns a short human name shown on the admin page and in {@code govsdk mock-server}'s output.
     *
     * @return the service name, for example {@code "Population database (C06)"}
     */
    String name();

    /**
     * Returns the path prefix this service answers under: starts with {@code /}, no trailing slash.
     *
     * @return the prefix, for example {@code "/c06"}
     */
    String pathPrefix();

    /**
     * Answers one request whose path starts with {@link #pathPrefix()}.
     *
     * @param request the request as received
     * @return the response to send (before any fault the platform applies)
     */
    MockResponse handle(MockRequest request);

    /**
     * Forgets every state change made by requests since start, so the next test starts clean. The
     * synthetic data derived from the seed is not state and stays as it is.
     */
    default void reset() {
    }
}
