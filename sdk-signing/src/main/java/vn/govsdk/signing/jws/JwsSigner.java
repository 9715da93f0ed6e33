package vn.govsdk.signing.jws;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.DocumentSigner;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.internal.jws.JwsEngine;

/**
 * Makes JSON Web Signatures (RFC 7515), the format Circular 15/2025 requires for JSON data messages.
 * The protected header holds {@code alg}, the signer's chain ({@code x5c}, signer first, without a
 * self-signed root), its SHA-256 thumbprint ({@code x5t#S256}), the document's media type
 * ({@code cty}) and the signing time ({@code sigT}, as in JAdES, not marked critical).
 *
 * <ul>
 *   <li>{@link SignaturePackaging#ENVELOPING} (default): the payload is in the JWS.</li>
 *   <li>{@link SignaturePackaging#DETACHED}: the payload is left out (RFC 7515 appendix F) and given
 *       to the verifier separately.</li>
 * </ul>
 *
 * Algorithms: RS256/384/512 (RSA PKCS#1 v1.5), PS256/384/512 (RSA-PSS), ES256 on P-256, ES384 on
 * P-384, ES512 on P-521. Immutable and thread-safe.
 */
public final class JwsSigner implements DocumentSigner {

    private final JwsSerialization serialization;
    private final SignaturePackaging packaging;
    private final SignatureAlgorithm algorithm;
    private final Clock clock;

    private JwsSigner(Builder b) {
        this.serialization = b.serialization;
        this.packaging = b.packaging;
        this.algorithm = b.algorithm;
        this.clock = b.clock;
    }

    /**
     * Returns a builder with the defaults: compact serialisation, payload included, algorithm chosen
     * from the key (RS256 for RSA, ES256 for P-256).
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.JWS;
    }

    @Override
    public SignaturePackaging packaging() {
        return packaging;
    }

    /**
     * Returns the serialisation.
     *
     * @return compact or JSON
     */
    public JwsSerialization serialization() {
        return serialization;
    }

    @Override
    public PreparedSignature prepare(Document document, List<X509Certificate> certificateChain) {
        if (document == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return new JwsEngine(serialization, packaging, algorithm, clock).prepare(document, certificateChain);
    }

    @Override
    public String toString() {
        return "JwsSigner[" + serialization + ", " + packaging + (algorithm == null ? "" : ", " + algorithm.jwsName()) + "]";
    }

    /** Builds a {@link JwsSigner}. */
    public static final class Builder {
        private JwsSerialization serialization = JwsSerialization.COMPACT;
        private SignaturePackaging packaging = SignaturePackaging.ENVELOPING;
        private SignatureAlgorithm algorithm;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the serialisation.
         *
         * @param serialization compact (default) or JSON
         * @return this builder
         */
        public Builder serialization(JwsSerialization serialization) {
            this.serialization = Objects.requireNonNull(serialization, "serialization");
            return this;
        }

        /**
         * Sets the packaging: the payload inside ({@link SignaturePackaging#ENVELOPING}, default) or
         * detached ({@link SignaturePackaging#DETACHED}).
         *
         * @param packaging the packaging
         * @return this builder
         */
        public Builder packaging(SignaturePackaging packaging) {
            Objects.requireNonNull(packaging, "packaging");
            if (packaging == SignaturePackaging.ENVELOPED) {
                throw new InvalidInputException("packaging", "must be enveloping or detached for JWS");
            }
            this.packaging = packaging;
            return this;
        }

        /**
         * Sets the algorithm; by default RS256 for RSA keys and the curve's ES algorithm for EC keys.
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the clock that gives the signing time ({@code sigT}).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the signer.
         *
         * @return the signer
         */
        public JwsSigner build() {
            return new JwsSigner(this);
        }
    }
}
