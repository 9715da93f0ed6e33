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
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.internal.BaselineLevels;
import vn.govsdk.signing.internal.xades.XadesEngine;
import vn.govsdk.signing.timestamp.TimestampClient;

/**
 * Makes XAdES baseline signatures (ETSI EN 319 132-1): an XML signature whose signed properties
 * hold the signing time (UTC), the signing certificate's digest ({@code SigningCertificateV2}) and the
 * format of the signed data ({@code DataObjectFormat}).
 *
 * <p>Levels ({@link Builder#level(SignatureLevel)}):
 * <ul>
 *   <li>B-B (default): the signed properties above.</li>
 *   <li>B-T: adds {@code xades:UnsignedProperties/xades:UnsignedSignatureProperties/xades:SignatureTimeStamp}:
 *       an RFC 3161 token (timestamp, dấu thời gian) from the {@link Builder#timestampClient(TimestampClient)
 *       timestamp client} over the hash (the signer's digest algorithm) of the {@code ds:SignatureValue}
 *       element canonicalised with the signature's canonicalization method, which the timestamp names in its
 *       {@code ds:CanonicalizationMethod}.</li>
 *   <li>B-LT: B-T plus {@code xades:CertificateValues} (every certificate of the signer's chain that is not
 *       already in {@code ds:KeyInfo}, and the timestamp authority's chain) and {@code xades:RevocationValues}
 *       (OCSP responses in {@code OCSPValues}, CRLs in {@code CRLValues}) from the
 *       {@link Builder#validationDataSource(ValidationDataSource) validation data source}, for the signer's
 *       chain and the timestamp authority's chain. The timestamp authority's validation data is folded into
 *       these same two elements; {@code xadesv141:TimeStampValidationData} is not written (the verifier
 *       reads it when others write it).</li>
 * </ul>
 * The timestamp and the validation data are obtained inside {@link PreparedSignature#complete(byte[])},
 * after the signature value has been checked, so a remote signer's value is timestamped only when it is
 * right.
 *
 * <p>Packaging ({@link Builder#packaging(SignaturePackaging)}):
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
    private final TimestampClient timestampClient;
    private final ValidationDataSource validationDataSource;

    private XadesSigner(Builder b) {
        this.packaging = b.packaging;
        this.canonicalization = b.canonicalization;
        this.algorithm = b.algorithm;
        this.digestAlgorithm = b.digestAlgorithm;
        this.signedElementId = b.signedElementId;
        this.level = b.level;
        this.clock = b.clock;
        this.timestampClient = b.timestampClient;
        this.validationDataSource = BaselineLevels.validationDataSource(b.level, b.validationDataSource);
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

    /**
     * Returns the baseline level the signer makes.
     *
     * @return the level
     */
    public SignatureLevel level() {
        return level;
    }

    @Override
    public PreparedSignature prepare(Document document, List<X509Certificate> certificateChain) {
        if (document == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return new XadesEngine(packaging, canonicalization, algorithm, digestAlgorithm, signedElementId, level, clock,
                timestampClient, validationDataSource)
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
        private TimestampClient timestampClient;
        private ValidationDataSource validationDataSource;

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
         * Sets the baseline level: B-B (default), B-T (needs a {@link #timestampClient(TimestampClient)
         * timestamp client}) or B-LT (also embeds validation data, from the
         * {@link #validationDataSource(ValidationDataSource) validation data source}).
         *
         * @param level the level
         * @return this builder
         * @throws InvalidInputException for {@link SignatureLevel#B_LTA} (archive timestamps are not made) or NONE
         *         and {@link SignatureLevel#NONE}
         */
        public Builder level(SignatureLevel level) {
            this.level = BaselineLevels.makeable(level, "a XAdES signature always has a baseline level");
            return this;
        }

        /**
         * Sets the client that obtains the signature timestamp for levels B-T and B-LT.
         *
         * @param timestampClient the client of one or more timestamp authorities (TSA)
         * @return this builder
         */
        public Builder timestampClient(TimestampClient timestampClient) {
            this.timestampClient = Objects.requireNonNull(timestampClient, "timestampClient");
            return this;
        }

        /**
         * Sets where the validation data of level B-LT comes from (the certificates and OCSP/CRL answers
         * for the signer's chain and the timestamp authority's chain). By default
         * {@link ValidationDataSource#online()}: the certificates' AIA and CRL distribution point URLs.
         *
         * @param validationDataSource the source
         * @return this builder
         */
        public Builder validationDataSource(ValidationDataSource validationDataSource) {
            this.validationDataSource = Objects.requireNonNull(validationDataSource, "validationDataSource");
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
         * @throws InvalidInputException if the settings contradict each other, or naming {@code timestampClient}
         *         when level B-T or B-LT has none
         */
        public XadesSigner build() {
            BaselineLevels.requireTimestampClient(level, timestampClient);
            if (signedElementId != null && packaging != SignaturePackaging.ENVELOPED) {
                throw new InvalidInputException("signedElementId", "applies to enveloped signatures only");
            }
            return new XadesSigner(this);
        }
    }
}
