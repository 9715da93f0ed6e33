package vn.govsdk.signing.xades;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.DocumentSigner;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.internal.xades.XadesEngine;

/**
 * Makes XAdES baseline B-B signatures (ETSI EN 319 132-1): an XML signature whose signed properties
 * hold the signing time (UTC), the signing certificate's digest ({@code SigningCertificateV2}) and the
 * format of the signed data ({@code DataObjectFormat}).
 *
 * <ul>
 *   <li>{@link SignaturePackaging#ENVELOPED}: the signature becomes the last child of the document's
 *       root element; the document's own bytes are kept exactly as they were (the signature is inserted
 *       before the closing tag, nothing is re-serialised), so Vietnamese text and its Unicode
 *       normalisation stay untouched. The whole document is signed, or one element by its {@code Id}
 *       ({@link Builder#signedElementId(String)}).</li>
 *   <li>{@link SignaturePackaging#ENVELOPING}: the document sits in a {@code ds:Object} of the
 *       signature (XML as elements, anything else base64-encoded).</li>
 *   <li>{@link SignaturePackaging#DETACHED}: the signature refers to the document by its name; the
 *       document is hashed as a stream, never loaded.</li>
 * </ul>
 *
 * <pre>{@code
 * XadesSigner signer = XadesSigner.builder().packaging(SignaturePackaging.ENVELOPED).build();
 * SignedDocument signed = signer.sign(Document.of(Path.of("hoso.xml")), key);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class XadesSigner implements DocumentSigner {

    private final SignaturePackaging packaging;
    private final Canonicalization canonicalization;
    private final SignatureAlgorithm algorithm;
    private final DigestAlgorithm digestAlgorithm;
    private final String signedElementId;
    private final SignatureLevel level;
    private final Clock clock;

    private XadesSigner(Builder b) {
        this.packaging = b.packaging;
        this.canonicalization = b.canonicalization;
        this.algorithm = b.algorithm;
        this.digestAlgorithm = b.digestAlgorithm;
        this.signedElementId = b.signedElementId;
        this.level = b.level;
        this.clock = b.clock;
    }

    /**
     * Returns a builder with the defaults: enveloped, exclusive canonicalization, SHA-256, level B-B,
     * algorithm chosen from the signer's key.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.XADES;
    }

    @Override
    public SignaturePackaging packaging() {
        return packaging;
    }

    /**
     * Returns the canonicalization method.
     *
     * @return the method
     */
    public Canonicalization canonicalization() {
        return canonicalization;
    }

    @Override
    public PreparedSignature prepare(Document document, List<X509Certificate> certificateChain) {
        if (document == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return new XadesEngine(packaging, canonicalization, algorithm, digestAlgorithm, signedElementId, level, clock)
                .prepare(document, certificateChain);
    }

    @Override
    public String toString() {
        return "XadesSigner[" + packaging + ", " + canonicalization + ", " + level.displayName()
                + (algorithm == null ? "" : ", " + algorithm) + "]";
    }

    /** Builds an {@link XadesSigner}. */
    public static final class Builder {
        private SignaturePackaging packaging = SignaturePackaging.ENVELOPED;
        private Canonicalization canonicalization = Canonicalization.EXCLUSIVE;
        private SignatureAlgorithm algorithm;
        private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;
        private String signedElementId;
        private SignatureLevel level = SignatureLevel.B_B;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the packaging.
         *
         * @param packaging enveloped (default), enveloping or detached
         * @return this builder
         */
        public Builder packaging(SignaturePackaging packaging) {
            this.packaging = Objects.requireNonNull(packaging, "packaging");
            return this;
        }

        /**
         * Sets the canonicalization method.
         *
         * @param canonicalization the method; exclusive by default
         * @return this builder
         */
        public Builder canonicalization(Canonicalization canonicalization) {
            this.canonicalization = Objects.requireNonNull(canonicalization, "canonicalization");
            return this;
        }

        /**
         * Sets the signature algorithm; by default it follows the key (SHA-256 with RSA PKCS#1 v1.5, or
         * ECDSA with the curve's hash).
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the digest algorithm of the references and the signing-certificate digest.
         *
         * @param digestAlgorithm the algorithm; SHA-256 by default
         * @return this builder
         */
        public Builder digestAlgorithm(DigestAlgorithm digestAlgorithm) {
            this.digestAlgorithm = Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
            return this;
        }

        /**
         * For enveloped signatures, signs only the element whose {@code Id} (or {@code ID}, {@code id})
         * attribute has this value, as e-invoices sign their data element, instead of the whole
         * document. The value must occur exactly once in the document.
         *
         * @param id the element's id
         * @return this builder
         */
        public Builder signedElementId(String id) {
            if (id == null || id.isBlank()) {
                throw new InvalidInputException("signedElementId", "must not be blank");
            }
            this.signedElementId = id;
            return this;
        }

        /**
         * Sets the level. This version makes B-B; B-T and B-LT need a timestamp authority and arrive
         * with it.
         *
         * @param level the level
         * @return this builder
         * @throws InvalidInputException for any level but B-B
         */
        public Builder level(SignatureLevel level) {
            Objects.requireNonNull(level, "level");
            if (level != SignatureLevel.B_B) {
                throw new InvalidInputException("level", "must be B-B in this version; " + level.displayName()
                        + " needs a timestamp authority, which is not supported yet");
            }
            this.level = level;
            return this;
        }

        /**
         * Sets the clock that gives the signing time.
         *
         * @param clock the clock; the system UTC clock by default
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
         * @throws InvalidInputException if the settings contradict each other
         */
        public XadesSigner build() {
            if (signedElementId != null && packaging != SignaturePackaging.ENVELOPED) {
                throw new InvalidInputException("signedElementId", "applies to enveloped signatures only");
            }
            return new XadesSigner(this);
        }
    }
}
