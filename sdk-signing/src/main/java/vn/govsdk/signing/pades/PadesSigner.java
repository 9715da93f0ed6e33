package vn.govsdk.signing.pades;

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
import vn.govsdk.signing.internal.pades.PadesLevel;
import vn.govsdk.signing.internal.pades.PdfSignatureBuilder;
import vn.govsdk.signing.internal.pades.VisibleAppearance;
import vn.govsdk.signing.timestamp.TimestampClient;

/**
 * Signs PDF documents with PAdES baseline B-B, B-T or B-LT (ETSI EN 319 142-1): a CMS signature with
 * {@code SubFilter ETSI.CAdES.detached}, the ESS {@code signing-certificate-v2} attribute and the
 * signing time in the signature dictionary ({@code /M}). The signature is added as an incremental
 * update, so signatures already in the document stay valid; each one gets its own signature field
 * ({@code Signature1}, {@code Signature2}, ... or the name given). 32 KB are reserved for the CMS
 * (48 KB at B-T and B-LT, for the timestamp token); a CMS that does not fit fails with a
 * {@link vn.govsdk.signing.SigningException} and no PDF is produced. Levels B-T and B-LT are chosen with
 * {@link Builder#level}.
 * A signature is invisible unless {@link Builder#visibleSignature(VisibleSignature)} places it on a page.
 *
 * <p>Large PDFs: a document made from a file ({@link Document#of(java.nio.file.Path)}) is read at
 * random through its cross-reference table, never whole; the byte ranges are hashed and the signed PDF
 * written by streaming the file again, and only the appended update (a few kilobytes, plus the font and
 * image of a visible signature, plus the DSS at B-LT) is held in memory. Write the result with
 * {@link vn.govsdk.signing.SignedDocument#writeTo(java.nio.file.Path)}; {@code bytes()} would hold it whole.
 *
 * <p>The three steps work as for every format: {@code prepare} writes the new revision and gives the
 * CMS signed attributes to sign ({@code dataToSign()}, or its {@code digest()} for a hash-signing
 * service), {@code complete} writes the signature value into it. Immutable and thread-safe.
 */
public final class PadesSigner implements DocumentSigner {

    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final String fieldName;
    private final String reason;
    private final String location;
    private final PadesLevel level;
    private final VisibleSignature visibleSignature;

    private PadesSigner(Builder b) {
        this.algorithm = b.algorithm;
        this.clock = b.clock;
        this.fieldName = b.fieldName;
        this.reason = b.reason;
        this.location = b.location;
        this.level = PadesLevel.of(b.level, b.timestampClient,
                BaselineLevels.validationDataSource(b.level, b.validationDataSource));
        this.visibleSignature = b.visibleSignature;
    }

    /**
     * Returns a builder with the defaults: PAdES B-B, algorithm chosen from the key, invisible signature.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SignatureFormat format() {
        return SignatureFormat.PADES;
    }

    /**
     * Returns {@link SignaturePackaging#ENVELOPED}: the signature is inside the PDF.
     *
     * @return {@link SignaturePackaging#ENVELOPED}
     */
    @Override
    public SignaturePackaging packaging() {
        return SignaturePackaging.ENVELOPED;
    }

    @Override
    public PreparedSignature prepare(Document document, List<X509Certificate> certificateChain) {
        if (document == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        if (certificateChain == null || certificateChain.isEmpty()) {
            throw new InvalidInputException("certificateChain", "must hold the signer's certificate");
        }
        return new PdfSignatureBuilder(algorithm, clock, fieldName, reason, location).visible(appearance()).level(level)
                .prepare(document, certificateChain);
    }

    private VisibleAppearance appearance() {
        VisibleSignature v = visibleSignature;
        return v == null ? null : new VisibleAppearance(v.page().orElse(0), v.rectangleOrNull(), v.text(),
                v.imageBytes(), v.fontBytes(), v.fontSize());
    }

    @Override
    public String toString() {
        return "PadesSigner[PAdES " + level.level().displayName() + (algorithm == null ? "" : ", " + algorithm)
                + (fieldName == null ? "" : ", field " + fieldName)
                + (visibleSignature == null ? "" : ", visible on page " + (visibleSignature.page().isPresent()
                        ? String.valueOf(visibleSignature.page().getAsInt()) : "last")) + "]";
    }

    /** Builds a {@link PadesSigner}. */
    public static final class Builder {
        private SignatureAlgorithm algorithm;
        private Clock clock = Clock.systemUTC();
        private String fieldName;
        private String reason;
        private String location;
        private SignatureLevel level = SignatureLevel.B_B;
        private TimestampClient timestampClient;
        private ValidationDataSource validationDataSource;
        private VisibleSignature visibleSignature;

        private Builder() {
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
         * Sets the level (ETSI EN 319 142-1): {@link SignatureLevel#B_B} (the default),
         * {@link SignatureLevel#B_T} (a signature timestamp (dấu thời gian) from the
         * {@linkplain #timestampClient timestamp client} in the CMS's unsigned attributes) or
         * {@link SignatureLevel#B_LT} (B-T, then an incremental update adding the document security store,
         * {@code /DSS}, with the certificates and OCSP/CRL answers of the signer's and the timestamp
         * authority's chains, so the signature can be verified without the network).
         *
         * @param level the level
         * @return this builder
         * @throws InvalidInputException naming {@code level} for B-LTA and for a non-baseline level
         */
        public Builder level(SignatureLevel level) {
            this.level = BaselineLevels.makeable(level, "a PAdES signature is always a baseline one");
            return this;
        }

        /**
         * Sets the timestamp client that timestamps the signature value; required for B-T and B-LT. The
         * timestamp is requested in {@code complete}, once the signature value is checked.
         *
         * @param timestampClient the client, for example {@code TimestampClient.builder()...build()}
         * @return this builder
         */
        public Builder timestampClient(TimestampClient timestampClient) {
            this.timestampClient = Objects.requireNonNull(timestampClient, "timestampClient");
            return this;
        }

        /**
         * Sets where the validation data of level B-LT comes from (certificates, OCSP responses, CRLs of
         * the signer's chain and of the timestamp authority's chain); it is asked in {@code complete},
         * after the timestamp. Ignored for B-B and B-T. By default {@link ValidationDataSource#online()}: the
         * certificates' AIA, OCSP and CRL addresses over the default transport.
         *
         * @param validationDataSource the source
         * @return this builder
         */
        public Builder validationDataSource(ValidationDataSource validationDataSource) {
            this.validationDataSource = Objects.requireNonNull(validationDataSource, "validationDataSource");
            return this;
        }

        /**
         * Names the new signature field; by default the first free name of {@code Signature1},
         * {@code Signature2}, ... A name the PDF already uses is refused when signing.
         *
         * @param fieldName the field name
         * @return this builder
         */
        public Builder fieldName(String fieldName) {
            if (fieldName == null || fieldName.isBlank() || fieldName.contains(".")) {
                throw new InvalidInputException("fieldName", "must be a non-blank name without '.'");
            }
            this.fieldName = fieldName;
            return this;
        }

        /**
         * Sets the reason written in the signature dictionary ({@code /Reason}), for example
         * "Phê duyệt hồ sơ" (approval of the dossier).
         *
         * @param reason the reason
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * Sets the place written in the signature dictionary ({@code /Location}).
         *
         * @param location the place, for example "Hà Nội"
         * @return this builder
         */
        public Builder location(String location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        /**
         * Makes the signature visible: a rectangle on one page showing the signer, the signing time,
         * the reason and the place (or the text given), with an optional image, drawn with an embedded
         * font that renders Vietnamese. By default the signature is invisible.
         *
         * @param visibleSignature what to show and where
         * @return this builder
         */
        public Builder visibleSignature(VisibleSignature visibleSignature) {
            this.visibleSignature = Objects.requireNonNull(visibleSignature, "visibleSignature");
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
         * @throws InvalidInputException naming {@code timestampClient} when B-T or B-LT has none
         */
        public PadesSigner build() {
            BaselineLevels.requireTimestampClient(level, timestampClient);
            return new PadesSigner(this);
        }
    }
}
