package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.VerificationLimits;
import vn.govsdk.signing.verify.VerificationReport;

/** Recognises the format of a signed document and hands it to the right verifier. */
public final class VerifierEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerifierEngine.class);

    private final XmlVerifier xml;
    private final CmsVerifier cms;
    private final JwsVerifier jws;
    private final PdfVerifier pdf;
    private final Clock clock;
    private final RevocationChecking revocationChecking;
    private final VerificationLimits limits;

    /**
     * Creates the engine.
     *
     * @param validator the shared certificate checks
     * @param clock the clock
     * @param revocationChecking the revocation mode, for the report
     */
    public VerifierEngine(CertificateValidator validator, Clock clock, RevocationChecking revocationChecking) {
        this(validator, clock, revocationChecking, false);
    }

    /**
     * Creates the engine.
     *
     * @param validator the shared certificate checks
     * @param clock the clock
     * @param revocationChecking the revocation mode, for the report
     * @param dotNetEnveloped whether the .NET reading of the enveloped-signature transform is accepted
     */
    public VerifierEngine(CertificateValidator validator, Clock clock, RevocationChecking revocationChecking,
            boolean dotNetEnveloped) {
        this(validator, clock, revocationChecking, dotNetEnveloped, VerificationLimits.defaults());
    }

    /**
     * Creates the engine.
     *
     * @param validator the shared certificate checks
     * @param clock the clock
     * @param revocationChecking the revocation mode, for the report
     * @param dotNetEnveloped whether the .NET reading of the enveloped-signature transform is accepted
     * @param limits the resources one verification may use
     */
    public VerifierEngine(CertificateValidator validator, Clock clock, RevocationChecking revocationChecking,
            boolean dotNetEnveloped, VerificationLimits limits) {
        this(validator, clock, revocationChecking, dotNetEnveloped, limits, 0);
    }

    /**
     * Creates the engine.
     *
     * @param validator the shared certificate checks
     * @param clock the clock
     * @param revocationChecking the revocation mode, for the report
     * @param dotNetEnveloped whether the .NET reading of the enveloped-signature transform is accepted
     * @param limits the resources one verification may use
     * @param renderedPdfPages up to how many pages a PDF's revisions are also compared rendered; 0 for never
     */
    public VerifierEngine(CertificateValidator validator, Clock clock, RevocationChecking revocationChecking,
            boolean dotNetEnveloped, VerificationLimits limits, int renderedPdfPages) {
        this.limits = limits;
        this.xml = new XmlVerifier(validator, dotNetEnveloped);
        this.cms = new CmsVerifier(validator);
        this.jws = new JwsVerifier(validator);
        this.pdf = new PdfVerifier(cms, renderedPdfPages);
        this.clock = clock;
        this.revocationChecking = revocationChecking;
    }

    /**
     * Verifies a document.
     *
     * @param signed the signed document or detached signature
     * @param detached the detached content, or {@code null}
     * @return the report
     */
    public VerificationReport verify(Document signed, Document detached) {
        Instant now = clock.instant();
        FormatResult result;
        byte[] head;
        try (InputStream in = signed.openStream()) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            return report(signed, now, FormatResult.failed(new Reason(ReasonCode.MALFORMED,
                    "the document cannot be read: " + e.getMessage())));
        }
        Kind kind = sniff(head);
        Budget budget = Budget.start(limits);
        try {
            result = switch (kind) {
                case XML -> {
                    byte[] bytes = inMemory(signed, limits.maxXmlBytes(), "maxXmlBytes", "XML document");
                    XmlShape.check(bytes, budget);
                    yield xml.verify(bytes, detached, now);
                }
                case CMS -> cms.verify(Document.of(inMemory(signed, limits.maxCmsBytes(), "maxCmsBytes", "CMS signature"),
                        signed.name(), signed.mediaType()), watched(detached, budget), now);
                case JWS -> jws.verify(inMemory(signed, limits.maxJwsBytes(), "maxJwsBytes", "JWS"),
                        detached == null ? null : Document.of(inMemory(detached, limits.maxJwsBytes(), "maxJwsBytes",
                                "JWS payload"), detached.name(), detached.mediaType()), now);
                case PDF -> detached != null
                        ? FormatResult.failed(new Reason(ReasonCode.STRUCTURE_INVALID, "a PDF holds its signatures; "
                                + "verify it alone, without detached content"))
                        : pdf.verify(signed, now, budget);
                case UNKNOWN -> FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not a signature format "
                        + "the SDK reads (XML signature or XAdES, CMS/PKCS#7 or CAdES, JWS, PDF)"));
            };
        } catch (vn.govsdk.core.InvalidInputException e) {
            throw e;
        } catch (LimitExceededException e) {
            LOG.debug("verification of {} refused at a limit: {}", signed.name(), e.getMessage());
            result = FormatResult.failed(e.reason());
        } catch (StackOverflowError e) {
            // Last line of defence: a structure nested deeper than any check foresaw. Fail closed, with a report.
            LOG.debug("verification of {} overflowed the stack", signed.name());
            result = FormatResult.failed(new Reason(ReasonCode.LIMIT_EXCEEDED, "refused: the " + kind.name()
                    + " structure is nested too deeply to verify (the thread's stack ran out)"));
        } catch (OutOfMemoryError e) {
            // Last line of defence, for a structure a parser expands before any limit can be checked (PDFBox
            // decodes a PDF's object streams whole as it loads). The memory was this verification's; it is free again.
            LOG.warn("verification of {} ran out of memory; refused", signed.name());
            result = FormatResult.failed(new Reason(ReasonCode.LIMIT_EXCEEDED, "refused: the " + kind.name()
                    + " expands beyond the memory this JVM has (a compression bomb in a place no limit reaches first)"));
        } catch (UncheckedIOException e) {
            result = FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document cannot be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            // Malformed or hostile structures that a parser rejects deep inside: fail closed.
            LOG.debug("verification of {} failed on a malformed structure", signed.name(), e);
            result = FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the " + kind.name() + " signature cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return report(signed, now, result);
    }

    /**
     * Reads a document held in memory by its format's verifier, refusing it unread when it is larger than
     * the limit (its size when known, otherwise by reading one byte past the limit).
     */
    private static byte[] inMemory(Document d, long max, String limit, String what) {
        if (d.size().isPresent() && d.size().getAsLong() > max) {
            throw new LimitExceededException(limit, String.valueOf(max), "the " + what + " (" + d.size().getAsLong()
                    + " bytes) is larger than allowed");
        }
        if (d.size().isPresent()) {
            return d.bytes();
        }
        try (InputStream in = d.openStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new LimitExceededException(limit, String.valueOf(max), "the " + what + " is larger than allowed");
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Detached content streamed through the time budget (it has no size limit of its own). */
    private static Document watched(Document detached, Budget budget) {
        return detached == null ? null : Document.ofStream(detached.name(), detached.mediaType(),
                () -> budget.watch(detached.openStream()));
    }

    private VerificationReport report(Document signed, Instant now, FormatResult result) {
        return new VerificationReport(signed.name(), now, revocationChecking, result.signatures(), result.reasons());
    }

    enum Kind { XML, CMS, JWS, PDF, UNKNOWN }

    static Kind sniff(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        if (i >= b.length) {
            return Kind.UNKNOWN;
        }
        if (b.length - i >= 5 && b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
            return Kind.PDF;
        }
        if (b[i] == '<') {
            return Kind.XML;
        }
        if (b[i] == '{') {
            return Kind.JWS;
        }
        if ((b[i] & 0xFF) == 0x30) {
            return Kind.CMS;
        }
        if (b[i] == '-' && new String(b, i, Math.min(30, b.length - i), java.nio.charset.StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN")) {
            return Kind.CMS;
        }
        int dots = 0;
        for (int j = i; j < b.length; j++) {
            byte c = b[j];
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '\n' || c == '\r')) {
                return Kind.UNKNOWN;
            }
        }
        // A compact JWS: base64url segments and dots (a long header may hold no dot in the first bytes).
        return dots >= 1 || b.length >= 512 ? Kind.JWS : Kind.UNKNOWN;
    }

}
