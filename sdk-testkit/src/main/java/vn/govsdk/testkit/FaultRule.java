package vn.govsdk.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import vn.govsdk.testkit.internal.Glob;

/**
 * Where a {@link Fault} applies and how often: a service prefix, optionally narrowed to a path
 * pattern and an HTTP method, and optionally limited to the first N matching requests ("fail the
 * first N, then succeed"). Immutable; made by {@link #builder()} or {@link #on(String, Fault)}.
 *
 * <p>Path patterns are globs over the full request path: {@code *} matches within one path segment,
 * {@code **} matches across segments, {@code ?} matches one character; anything else matches itself.
 * For example {@code /c06/api/*}{@code /status} or {@code /portal/**}.
 */
public final class FaultRule {
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");

    private final String prefix;
    private final String path;
    private final Pattern pathPattern;
    private final String method;
    private final Fault fault;
    private final int failFirst;

    private FaultRule(Builder b) {
        this.prefix = b.prefix;
        this.path = b.path;
        this.pathPattern = b.path == null ? null : Glob.compile(b.path);
        this.method = b.method;
        this.fault = b.fault;
        this.failFirst = b.failFirst;
    }

    /**
     * A rule applying a fault to every request under a prefix, until removed.
     *
     * @param prefix the service prefix, for example {@code /c06}, or {@code /} for every service
     * @param fault the fault
     * @return the rule
     */
    public static FaultRule on(String prefix, Fault fault) {
        return builder().prefix(prefix).fault(fault).build();
    }

    /**
     * Starts a rule.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the prefix the rule applies under.
     *
     * @return the prefix, {@code /} for every service
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Returns the path glob, if the rule is narrowed to one.
     *
     * @return the glob
     */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Returns the HTTP method, if the rule is narrowed to one.
     *
     * @return the method, upper case
     */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /**
     * Returns the fault.
     *
     * @return the fault
     */
    public Fault fault() {
        return fault;
    }

    /**
     * Returns how many matching requests fail before the rule stops applying.
     *
     * @return the count, or empty for "every request until removed"
     */
    public OptionalInt failFirst() {
        return failFirst > 0 ? OptionalInt.of(failFirst) : OptionalInt.empty();
    }

    /**
     * Tells whether the rule's route covers a request (ignoring how many times it has applied).
     *
     * @param requestMethod the request's method
     * @param requestPath the request's path
     * @return whether prefix, path pattern and method all match
     */
    public boolean matches(String requestMethod, String requestPath) {
        if (!prefix.equals("/") && !(requestPath.equals(prefix) || requestPath.startsWith(prefix + "/"))) {
            return false;
        }
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        return pathPattern == null || pathPattern.matcher(requestPath).matches();
    }

    /**
     * Describes the rule, for example {@code GET /echo/** -> status 503 (first 2 requests)}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + (path == null ? prefix + (prefix.equals("/") ? "**" : "/**") : path)
                + " -> " + fault + (failFirst > 0 ? " (first " + failFirst + " requests)" : "");
    }

    /** Builds a {@link FaultRule}. */
    public static final class Builder {
        private String prefix;
        private String path;
        private String method;
        private Fault fault;
        private int failFirst;

        private Builder() {
        }

        /**
         * Sets the service prefix the rule applies under (required).
         *
         * @param prefix a mounted service's prefix such as {@code /c06}, or {@code /} for every
         *     service; never under {@code /__admin}
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("prefix must start with /, got " + prefix);
            }
            if (prefix.length() > 1 && prefix.endsWith("/")) {
                throw new IllegalArgumentException("prefix must not end with /, got " + prefix);
            }
            if (prefix.equals(MockGovPlatform.ADMIN_PREFIX) || prefix.startsWith(MockGovPlatform.ADMIN_PREFIX + "/")) {
                throw new IllegalArgumentException("faults cannot apply to the admin endpoints under "
                        + MockGovPlatform.ADMIN_PREFIX);
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Narrows the rule to paths matching a glob (see {@link FaultRule}).
         *
         * @param glob the pattern over the full path, starting with {@code /}; null for any path under the prefix
         * @return this builder
         */
        public Builder path(String glob) {
            if (glob != null && !glob.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /, got " + glob);
            }
            this.path = glob;
            return this;
        }

        /**
         * Narrows the rule to one HTTP method.
         *
         * @param method the method, for example {@code POST}; null for any method
         * @return this builder
         */
        public Builder method(String method) {
            if (method != null) {
                String upper = method.toUpperCase(Locale.ROOT);
                if (!METHOD.matcher(upper).matches()) {
                    throw new IllegalArgumentException("method must be an HTTP method name, got " + method);
                }
                this.method = upper;
            } else {
                this.method = null;
            }
            return this;
        }

        /**
         * Sets the fault (required).
         *
         * @param fault the fault
         * @return this builder
         */
        public Builder fault(Fault fault) {
            this.fault = Objects.requireNonNull(fault, "fault");
            return this;
        }

        /**
         * Limits the rule to the first {@code count} matching requests; later ones pass through
         * untouched. Several limited rules on the same route apply one after the other, in the order
         * they were added, which scripts sequences such as "503, then a dropped connection, then
         * success".
         *
         * @param count the number of requests to fail, positive
         * @return this builder
         */
        public Builder failFirst(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("failFirst must be positive, got " + count);
            }
            this.failFirst = count;
            return this;
        }

        /**
         * Builds the rule.
         *
         * @return the rule
         * @throws IllegalStateException if the prefix or the fault is missing
         */
        public FaultRule build() {
            if (prefix == null) {
                throw new IllegalStateException("prefix is required");
            }
            if (fault == null) {
                throw new IllegalStateException("fault is required");
            }
            return new FaultRule(this);
        }
    }
}
