package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
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
        this.xml = new XmlVerifier(validator, dotNetEnveloped);
        this.cms = new CmsVerifier(validator);
        this.jws = new JwsVerifier(validator);
        this.pdf = new PdfVerifier(cms);
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
        try {
            result = switch (kind) {
                case XML -> xml.verify(signed.bytes(), detached, now);
                case CMS -> cms.verify(signed, detached, now);
                case JWS -> jws.verify(signed.bytes(), detached, now);
                case PDF -> detached != null
                        ? FormatResult.failed(new Reason(ReasonCode.STRUCTURE_INVALID, "a PDF holds its signatures; "
                                + "verify it alone, without detached content"))
                        : pdf.verify(signed, now);
                case UNKNOWN -> FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not a signature format "
                        + "the SDK reads (XML signature or XAdES, CMS/PKCS#7 or CAdES, JWS, PDF)"));
            };
        } catch (vn.govsdk.core.InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // Malformed or hostile structures that a parser rejects deep inside: fail closed.
            LOG.debug("verification of {} failed on a malformed structure", signed.name(), e);
            result = FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the " + kind.name() + " signature cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
        return report(signed, now, result);
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
