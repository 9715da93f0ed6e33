package vn.govsdk.signing.cades;

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
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.internal.BaselineLevels;
import vn.govsdk.signing.internal.cades.CmsEngine;
import vn.govsdk.signing.timestamp.TimestampClient;

/**
 * Makes CMS signed data: CAdES baseline B-B, B-T or B-LT (ETSI EN 319 122-1; B-B has content type, signing time, message digest and the ESS
 * {@code signing-certificate-v2} attribute naming the signer's certificate and its chain) or plain
 * PKCS#7 (the same without {@code signing-certificate-v2}).
 *
 * <ul>
 *   <li>{@link SignaturePackaging#DETACHED} (the default): a {@code .p7s} holding only the signature;
 *       the document is hashed as a stream in constant memory, whatever its size.</li>
 *   <li>{@link SignaturePackaging#ENVELOPING}: the content is inside the signature (attached,
 *       {@code .p7m}); it is streamed into the output, not held in memory when it comes from a file.</li>
 * </ul>
 *
 * The certificate chain is embedded, without self-signed roots (the verifier holds those). RSA
 * signatures use {@code rsaEncryption} with explicit NULL parameters (RFC 3370), as Adobe and
 * OpenSSL expect. Immutable and thread-safe.
 */
public final class CadesSigner implements DocumentSigner {

    private final SignaturePackaging packaging;
    private final SignatureFormat format;
    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final SignatureLevel level;
    private final TimestampClient timestampClient;
    private final ValidationDataSource validationDataSource;

    private CadesSigner(Builder b) {
        this.packaging = b.packaging;
        this.format = b.format;
        this.algorithm = b.algorithm;
        this.clock = b.clock;
        this.level = b.format == SignatureFormat.PKCS7 ? SignatureLevel.NONE : b.level;
        this.timestampClient = b.timestampClient;
        this.validationDataSource = BaselineLevels.validationDataSource(b.level, b.validationDataSource);
    }

    /**
     * Returns a builder with the defaults: CAdES B-B, detached, algorithm chosen from the key.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SignatureFormat format() {
        return format;
    }

    @Override
    public SignaturePackaging packaging() {
        return packaging;
    }

    @Override
    public PreparedSignature prepare(Document document, List<X509Certificate> certificateChain) {
        if (document == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return new CmsEngine(packaging, format, algorithm, clock, level, timestampClient, validationDataSource)
                .prepare(document, certificateChain);
    }

    @Override
    public String toString() {
        return "CadesSigner[" + format.displayName() + " " + level.displayName() + ", " + packaging
                + (algorithm == null ? "" : ", " + algorithm) + "]";
    }

    /** Builds a {@link CadesSigner}. */
    public static final class Builder {
        private SignaturePackaging packaging = SignaturePackaging.DETACHED;
        private SignatureFormat format = SignatureFormat.CADES;
        private SignatureAlgorithm algorithm;
        private Clock clock = Clock.systemUTC();
        private SignatureLevel level = SignatureLevel.B_B;
        private TimestampClient timestampClient;
        private ValidationDataSource validationDataSource;

        private Builder() {
        }

        /**
         * Sets the packaging: {@link SignaturePackaging#DETACHED} (default) or
         * {@link SignaturePackaging#ENVELOPING} (attached content).
         *
         * @param packaging the packaging
         * @return this builder
         * @throws InvalidInputException for {@link SignaturePackaging#ENVELOPED}, which CMS does not have
         */
        public Builder packaging(SignaturePackaging packaging) {
            Objects.requireNonNull(packaging, "packaging");
            if (packaging == SignaturePackaging.ENVELOPED) {
                throw new InvalidInputException("packaging", "must be detached or enveloping (attached) for CMS; "
                        + "enveloped signatures exist for XML and PDF only");
            }
            this.packaging = packaging;
            return this;
        }

        /**
         * Chooses CAdES (default) or plain PKCS#7.
         *
         * @param format {@link SignatureFormat#CADES} or {@link SignatureFormat#PKCS7}
         * @return this builder
         */
        public Builder format(SignatureFormat format) {
            Objects.requireNonNull(format, "format");
            if (format != SignatureFormat.CADES && format != SignatureFormat.PKCS7) {
                throw new InvalidInputException("format", "must be CADES or PKCS7, got " + format);
            }
            this.format = format;
            return this;
        }

        /**
         * Sets the signature algorithm; by default it follows the key.
         *
         * @param algorithm the algorithm
         * @return this builder
         */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * Sets the baseline level (ETSI EN 319 122-1): {@link SignatureLevel#B_B} (default),
         * {@link SignatureLevel#B_T} (a signature timestamp from {@link #timestampClient(TimestampClient)} in
         * the unsigned attributes) or {@link SignatureLevel#B_LT} (B-T plus the certificates and OCSP/CRL
         * answers of the signer's and the timestamp authority's chains, from
         * {@link #validationDataSource(ValidationDataSource)}, so the signature verifies without the network).
         * The timestamp and the validation data are fetched in {@link PreparedSignature#complete(byte[])},
         * after the signature value was checked.
         *
         * @param level the level
         * @return this builder
         * @throws InvalidInputException naming {@code level} for B-LTA (not supported) or NONE (use
         *         {@link #format(SignatureFormat)} with PKCS7)
         */
        public Builder level(SignatureLevel level) {
            this.level = BaselineLevels.makeable(level, "for a plain PKCS#7 signature use format(SignatureFormat.PKCS7)");
            return this;
        }

        /**
         * Sets the timestamp client; required for {@link SignatureLevel#B_T} and {@link SignatureLevel#B_LT}.
         *
         * @param timestampClient the client, for example {@code TimestampClient.builder().authority(url).build()}
         * @return this builder
         */
        public Builder timestampClient(TimestampClient timestampClient) {
            this.timestampClient = Objects.requireNonNull(timestampClient, "timestampClient");
            return this;
        }

        /**
         * Sets where B-LT validation data comes from; default {@link ValidationDataSource#online()}.
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
         * @throws InvalidInputException naming {@code timestampClient} if B-T or B-LT was asked for without
         *         one, or {@code level} for B-T or B-LT with the PKCS#7 format
         */
        public CadesSigner build() {
            if ((level == SignatureLevel.B_T || level == SignatureLevel.B_LT) && format == SignatureFormat.PKCS7) {
                throw new InvalidInputException("level", level.displayName() + " is a CAdES level; use format CADES "
                        + "(the default) for a timestamped signature");
            }
            BaselineLevels.requireTimestampClient(level, timestampClient);
            return new CadesSigner(this);
        }
    }
}
