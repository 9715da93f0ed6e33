package vn.govsdk.signing.internal.verify;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;
import vn.govsdk.signing.verify.FetchPolicy;

/**
 * The verifier's fetcher with {@link FetchPolicy} applied: each fetch must be {@code http(s)}, within the
 * current verification's count and time budget, and (unless allowed) to a public address; its deadline
 * is what is left of the budget. A verification opens a {@link Scope} on its thread; a fetch outside any
 * scope gets a budget of its own. The delegate must not follow redirects and must resolve names with
 * {@link #dns(FetchPolicy)}, so that a name that resolves to a private address is refused at connect time too.
 */
public final class GuardedFetcher implements RevocationFetcher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuardedFetcher.class);

    /** Fetches with a deadline. */
    public interface Deadlined {
        /**
         * POSTs an OCSP request.
         *
         * @param url the URL
         * @param request the DER request
         * @param deadline the time the call may take
         * @return the DER response
         * @throws Exception on any failure
         */
        byte[] ocsp(URI url, byte[] request, Duration deadline) throws Exception;

        /**
         * GETs a resource (a CRL, a certificate).
         *
         * @param url the URL
         * @param what what it is, {@code crl} or {@code caIssuers}
         * @param deadline the time the call may take
         * @return the body
         * @throws Exception on any failure
         */
        byte[] get(URI url, String what, Duration deadline) throws Exception;
    }

    private final Deadlined delegate;
    private final FetchPolicy policy;
    private final ThreadLocal<Budget> current = new ThreadLocal<>();

    /**
     * Creates the fetcher.
     *
     * @param delegate what fetches
     * @param policy the limits
     */
    public GuardedFetcher(Deadlined delegate, FetchPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    /**
     * Opens the budget of one verification on this thread; close it when the verification ends.
     *
     * @return the scope
     */
    public Scope open() {
        Budget outer = current.get();
        Budget b = new Budget(policy);
        current.set(b);
        return () -> {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        };
    }

    /** The budget of one verification; closing it restores the one before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Returns the name resolver that refuses private addresses unless the policy allows them.
     *
     * @param policy the policy
     * @return the resolver
     */
    public static Dns dns(FetchPolicy policy) {
        if (policy.privateAddressesAllowed()) {
            return Dns.SYSTEM;
        }
        return host -> {
            List<InetAddress> all = Dns.SYSTEM.lookup(host);
            List<InetAddress> kept = new ArrayList<>();
            for (InetAddress a : all) {
                if (!isPrivate(a)) {
                    kept.add(a);
                }
            }
            if (kept.isEmpty()) {
                throw new UnknownHostException(host + " resolves only to private, loopback or link-local addresses, "
                        + "which the verifier's fetch policy refuses");
            }
            return kept;
        };
    }

    @Override
    public byte[] ocsp(URI url, byte[] request) throws Exception {
        Duration deadline = admit(url, "OCSP (a certificate's revocation status)");
        return delegate.ocsp(url, request, deadline);
    }

    @Override
    public byte[] crl(URI url) throws Exception {
        return delegate.get(url, "crl", admit(url, "CRL (a certificate's revocation status)"));
    }

    @Override
    public byte[] certificate(URI url) throws Exception {
        return delegate.get(url, "caIssuers", admit(url, "caIssuers (a missing issuer, to build the chain)"));
    }

    /** Checks a fetch against the policy and the budget, counts it, and returns its deadline. */
    private Duration admit(URI url, String why) throws FetchRefusedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(url, why, "only http and https URLs are fetched");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw refused(url, why, "the URL names no host");
        }
        if (!policy.privateAddressesAllowed() && isLiteral(host) && isPrivateLiteral(host)) {
            throw refused(url, why, "the address is private, loopback or link-local (the fetch policy refuses them)");
        }
        Budget b = current.get();
        if (b == null) {
            b = new Budget(policy);
        }
        if (b.used >= policy.maxFetches()) {
            throw refused(url, why, "this verification has made its " + policy.maxFetches() + " fetches");
        }
        Duration left = b.left();
        if (left.isNegative() || left.isZero()) {
            throw refused(url, why, "this verification has spent its fetch time budget of " + policy.timeBudget());
        }
        b.used++;
        LOG.debug("fetching {} {} ({} of {} for this verification, {} ms left)", why, url, b.used, policy.maxFetches(),
                left.toMillis());
        return left;
    }

    private static FetchRefusedException refused(URI url, String why, String rule) {
        LOG.debug("not fetching {} {}: {}", why, url, rule);
        return new FetchRefusedException("not fetched: " + rule);
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static boolean isPrivateLiteral(String host) {
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return isPrivate(InetAddress.getByName(h)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * Tells whether an address is one a document may not make the verifier reach: loopback, private
     * (RFC 1918), link-local, any-local, multicast, carrier-grade NAT (100.64.0.0/10) or IPv6 unique-local.
     *
     * @param a the address
     * @return {@code true} when refused by default
     */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // fc00::/7
        }
        return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // 100.64.0.0/10
    }

    /** A fetch the policy refused; the caller reports it as a problem like any failed fetch. */
    static final class FetchRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        FetchRefusedException(String message) {
            super(message);
        }
    }

    /** Fetches made and time spent by one verification. */
    private static final class Budget {
        private final long deadlineNanos;
        private int used;

        Budget(FetchPolicy policy) {
            this.deadlineNanos = System.nanoTime() + policy.timeBudget().toNanos();
        }

        Duration left() {
            return Duration.ofNanos(deadlineNanos - System.nanoTime());
        }
    }
}
