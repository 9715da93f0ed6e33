package vn.govsdk.signing.verify;

import java.time.Duration;
import java.util.Objects;
import vn.govsdk.core.InvalidInputException;

/**
 * The resources one verification may use, so that no input can exhaust the verifier: sizes of the
 * inputs held in memory, the decoded size of PDF streams, the depth and element count of XML, and the
 * time one verification may take. Each limit is checked before the work it bounds; an input beyond one
 * is refused with a report ({@link SignatureStatus#INDETERMINATE}, {@link ReasonCode#LIMIT_EXCEEDED},
 * the message naming the limit and its value), never with an exception or an {@link Error}.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.builder()
 *         .limits(VerificationLimits.defaults().withMaxXmlBytes(8L << 20))
 *         .build();
 * }</pre>
 *
 * <p>Immutable; the {@code with...} methods return a copy.
 */
public final class VerificationLimits {

    private static final long MIB = 1024L * 1024;

    private static final VerificationLimits DEFAULTS = new VerificationLimits(64 * MIB, 64 * MIB, 64 * MIB,
            2048 * MIB, 64 * MIB, 512 * MIB, 256, 1_000_000, Duration.ofMinutes(2));

    private final long maxXmlBytes;
    private final long maxJwsBytes;
    private final long maxCmsBytes;
    private final long maxPdfBytes;
    private final long maxDecodedStreamBytes;
    private final long maxDecodedPdfBytes;
    private final int maxXmlDepth;
    private final long maxXmlElements;
    private final Duration maxVerificationTime;

    private VerificationLimits(long maxXmlBytes, long maxJwsBytes, long maxCmsBytes, long maxPdfBytes,
            long maxDecodedStreamBytes, long maxDecodedPdfBytes, int maxXmlDepth, long maxXmlElements,
            Duration maxVerificationTime) {
        this.maxXmlBytes = maxXmlBytes;
        this.maxJwsBytes = maxJwsBytes;
        this.maxCmsBytes = maxCmsBytes;
        this.maxPdfBytes = maxPdfBytes;
        this.maxDecodedStreamBytes = maxDecodedStreamBytes;
        this.maxDecodedPdfBytes = maxDecodedPdfBytes;
        this.maxXmlDepth = maxXmlDepth;
        this.maxXmlElements = maxXmlElements;
        this.maxVerificationTime = maxVerificationTime;
    }

    /**
     * Returns the safe defaults: XML, JWS and CMS signatures up to 64 MiB (held in memory), PDFs up to
     * 2 GiB (read at random, never held whole), 64 MiB per decoded PDF stream and 512 MiB decoded per PDF,
     * XML nested at most 256 elements deep with at most 1,000,000 elements, 2 minutes per verification.
     * Detached content (the document a {@code .p7s} signs) is streamed and has no size limit but the time.
     *
     * @return the defaults
     */
    public static VerificationLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with another limit on the size of an XML document (XML Signature, XAdES), which is
     * parsed in memory.
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxXmlBytes(long bytes) {
        return new VerificationLimits(positive("maxXmlBytes", bytes), maxJwsBytes, maxCmsBytes, maxPdfBytes,
                maxDecodedStreamBytes, maxDecodedPdfBytes, maxXmlDepth, maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the size of a JWS (and of its detached payload), held in memory.
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxJwsBytes(long bytes) {
        return new VerificationLimits(maxXmlBytes, positive("maxJwsBytes", bytes), maxCmsBytes, maxPdfBytes,
                maxDecodedStreamBytes, maxDecodedPdfBytes, maxXmlDepth, maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the size of a CMS signature document ({@code .p7s}, or an
     * attached CMS with its content), which is parsed in memory; detached content is streamed.
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxCmsBytes(long bytes) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, positive("maxCmsBytes", bytes), maxPdfBytes,
                maxDecodedStreamBytes, maxDecodedPdfBytes, maxXmlDepth, maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the size of a PDF.
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxPdfBytes(long bytes) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, positive("maxPdfBytes", bytes),
                maxDecodedStreamBytes, maxDecodedPdfBytes, maxXmlDepth, maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the decoded size of one PDF stream (a FlateDecode bomb expands
     * a few MB into GBs).
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxDecodedStreamBytes(long bytes) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, maxPdfBytes,
                positive("maxDecodedStreamBytes", bytes), maxDecodedPdfBytes, maxXmlDepth, maxXmlElements,
                maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the bytes decoded from all the streams of one PDF.
     *
     * @param bytes at least 1
     * @return the copy
     */
    public VerificationLimits withMaxDecodedPdfBytes(long bytes) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, maxPdfBytes, maxDecodedStreamBytes,
                positive("maxDecodedPdfBytes", bytes), maxXmlDepth, maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on how deep XML elements may be nested.
     *
     * @param depth at least 1
     * @return the copy
     */
    public VerificationLimits withMaxXmlDepth(int depth) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, maxPdfBytes, maxDecodedStreamBytes,
                maxDecodedPdfBytes, (int) positive("maxXmlDepth", depth), maxXmlElements, maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the number of elements of an XML document.
     *
     * @param elements at least 1
     * @return the copy
     */
    public VerificationLimits withMaxXmlElements(long elements) {
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, maxPdfBytes, maxDecodedStreamBytes,
                maxDecodedPdfBytes, maxXmlDepth, positive("maxXmlElements", elements), maxVerificationTime);
    }

    /**
     * Returns a copy with another limit on the time one verification may take (checked between steps:
     * while content is hashed, PDF revisions compared and XML scanned; network waits are bounded by the
     * verifier's timeouts).
     *
     * @param time positive
     * @return the copy
     */
    public VerificationLimits withMaxVerificationTime(Duration time) {
        Objects.requireNonNull(time, "maxVerificationTime");
        if (time.isZero() || time.isNegative()) {
            throw new InvalidInputException("maxVerificationTime", "must be positive, got " + time);
        }
        return new VerificationLimits(maxXmlBytes, maxJwsBytes, maxCmsBytes, maxPdfBytes, maxDecodedStreamBytes,
                maxDecodedPdfBytes, maxXmlDepth, maxXmlElements, time);
    }

    /**
     * Returns the most bytes of an XML document.
     *
     * @return the limit
     */
    public long maxXmlBytes() {
        return maxXmlBytes;
    }

    /**
     * Returns the most bytes of a JWS or its detached payload.
     *
     * @return the limit
     */
    public long maxJwsBytes() {
        return maxJwsBytes;
    }

    /**
     * Returns the most bytes of a CMS signature document.
     *
     * @return the limit
     */
    public long maxCmsBytes() {
        return maxCmsBytes;
    }

    /**
     * Returns the most bytes of a PDF.
     *
     * @return the limit
     */
    public long maxPdfBytes() {
        return maxPdfBytes;
    }

    /**
     * Returns the most bytes one decoded PDF stream may have.
     *
     * @return the limit
     */
    public long maxDecodedStreamBytes() {
        return maxDecodedStreamBytes;
    }

    /**
     * Returns the most bytes decoded from the streams of one PDF in all.
     *
     * @return the limit
     */
    public long maxDecodedPdfBytes() {
        return maxDecodedPdfBytes;
    }

    /**
     * Returns the deepest nesting of XML elements.
     *
     * @return the limit
     */
    public int maxXmlDepth() {
        return maxXmlDepth;
    }

    /**
     * Returns the most elements of an XML document.
     *
     * @return the limit
     */
    public long maxXmlElements() {
        return maxXmlElements;
    }

    /**
     * Returns the most time one verification may take.
     *
     * @return the limit
     */
    public Duration maxVerificationTime() {
        return maxVerificationTime;
    }

    private static long positive(String name, long value) {
        if (value < 1) {
            throw new InvalidInputException(name, "must be at least 1, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "VerificationLimits[xml " + maxXmlBytes + " B, jws " + maxJwsBytes + " B, cms " + maxCmsBytes
                + " B, pdf " + maxPdfBytes + " B, decoded stream " + maxDecodedStreamBytes + " B, decoded per PDF "
                + maxDecodedPdfBytes + " B, xml depth " + maxXmlDepth + ", xml elements " + maxXmlElements + ", time "
                + maxVerificationTime + "]";
    }
}
