package vn.govsdk.core.http;

import java.util.UUID;
import java.util.function.Supplier;
import vn.govsdk.core.InvalidInputException;

/**
 * The correlation id (request id) sent with every call: one id per call, the same on every attempt
 * of it, and carried by every exception the call ends in, so a failure can be matched with the
 * remote system's own logs.
 *
 * <p>Defaults: header {@code X-Request-Id}, a random UUID per call. A request that already carries
 * the header keeps its own value. Immutable and thread-safe.
 */
public final class CorrelationIdOptions {

    private static final CorrelationIdOptions DEFAULTS = builder().build();

    private final String headerName;
    private final Supplier<String> generator;

    private CorrelationIdOptions(Builder b) {
        this.headerName = b.headerName;
        this.generator = b.generator;
    }

    /**
     * Returns the defaults: header {@code X-Request-Id}, random UUIDs.
     *
     * @return the default options
     */
    public static CorrelationIdOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the header that carries the id.
     *
     * @return the header name
     */
    public String headerName() {
        return headerName;
    }

    /**
     * Returns a new id for a call.
     *
     * @return a fresh id
     */
    public String newId() {
        String id = generator.get();
        if (id == null || id.isEmpty() || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException("correlation id", "must be non-empty visible ASCII");
        }
        return id;
    }

    @Override
    public String toString() {
        return "CorrelationIdOptions[headerName=" + headerName + "]";
    }

    /** Builds {@link CorrelationIdOptions}. */
    public static final class Builder {
        private String headerName = "X-Request-Id";
        private Supplier<String> generator = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /**
         * Sets the header that carries the id.
         *
         * @param headerName an HTTP header name (token characters only)
         * @return this builder
         */
        public Builder headerName(String headerName) {
            if (headerName == null || !headerName.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new InvalidInputException("correlation headerName", "must be an HTTP header name");
            }
            this.headerName = headerName;
            return this;
        }

        /**
         * Sets how ids are made, for example to reuse an id from the caller's own tracing.
         *
         * @param generator called once per call; must return non-empty visible ASCII
         * @return this builder
         */
        public Builder generator(Supplier<String> generator) {
            if (generator == null) {
                throw new InvalidInputException("correlation generator", "must not be null");
            }
            this.generator = generator;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public CorrelationIdOptions build() {
            return new CorrelationIdOptions(this);
        }
    }
}
