package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.SignatureReport;

/**
 * Verifies the signatures of a PDF (PAdES and PKCS#7 in PDF): each signature's byte range must
 * cover the whole revision it signed but its own {@code /Contents}, the CMS is verified over those
 * bytes, and the revision it signed is compared object by object with the final document
 * ({@link PdfChanges}, under the permissions of {@link PdfPermissions}). A PDF file is read at random
 * (PDFBox) and its byte ranges streamed, so a large file is not held in memory.
 */
public final class PdfVerifier {

    private final CmsVerifier cms;
    private final int renderedPages;

    /**
     * Creates the verifier.
     *
     * @param cms the CMS verifier
     */
    public PdfVerifier(CmsVerifier cms) {
        this(cms, 0);
    }

    /**
     * Creates the verifier.
     *
     * @param cms the CMS verifier
     * @param renderedPages up to how many pages a PDF may have for its revisions also to be rendered and
     *     compared pixel for pixel; 0 for never
     */
    public PdfVerifier(CmsVerifier cms, int renderedPages) {
        this.cms = cms;
        this.renderedPages = renderedPages;
    }

    /**
     * Verifies every signature of a PDF.
     *
     * @param signed the PDF
     * @param validationTime now
     * @return the reports, in the order of the signature fields
     */
    public FormatResult verify(Document signed, Instant validationTime) {
        return verify(signed, validationTime, Budget.unlimitedTime());
    }

    /**
     * Verifies every signature of a PDF within a verification's budget.
     *
     * @param signed the PDF
     * @param validationTime now
     * @param budget the limits and what is left of them
     * @return the reports, in the order of the signature fields
     * @throws LimitExceededException when the PDF is beyond a limit
     */
    FormatResult verify(Document signed, Instant validationTime, Budget budget) {
        long max = budget.limits().maxPdfBytes();
        List<SignatureReport> reports = new ArrayList<>();
        PdfBytes pdf;
        try {
            if (signed.file().isEmpty() && signed.size().orElse(0) > max
                    || signed.file().isPresent() && java.nio.file.Files.size(signed.file().get()) > max) {
                throw new LimitExceededException("maxPdfBytes", String.valueOf(max), "the PDF is larger than allowed");
            }
            pdf = PdfBytes.of(signed, max);
            String tail = PdfXrefChain.check(pdf, budget);
            if (tail != null) {
                return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the document is not a readable PDF: " + tail));
            }
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the PDF cannot be read: " + e.getMessage()));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.open())) {
            measureObjectStreams(doc, budget);
            PdfDss dss = PdfDss.read(doc, budget);
            List<PdfPermissions.Signed> signatures = PdfPermissions.read(doc);
            int index = 0;
            for (PDSignatureField field : doc.getSignatureFields()) {
                PDSignature sig = field.getSignature();
                if (sig == null) {
                    continue; // an empty field waiting for a signature
                }
                index++;
                budget.checkTime();
                reports.add(withLevel(verifyOne(signed.name(), pdf, doc, sig, field.getFullyQualifiedName(), index,
                        validationTime, dss, signatures, budget), dss));
            }
            if (reports.isEmpty()) {
                return FormatResult.failed(new Reason(ReasonCode.NO_SIGNATURE, "the PDF holds no signature"));
            }
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the PDF cannot be read: " + e.getMessage()));
        }
        return new FormatResult(reports, List.of());
    }

    /**
     * Decodes, within the limits, every object stream the cross-reference table names, before any object
     * in one is read (PDFBox would decode it whole into memory).
     */
    private static void measureObjectStreams(PDDocument doc, Budget budget) throws IOException {
        java.util.Set<Long> streams = new java.util.TreeSet<>();
        for (Long v : doc.getDocument().getXrefTable().values()) {
            if (v != null && v < 0) {
                streams.add(-v);
            }
        }
        for (long n : streams) {
            org.apache.pdfbox.cos.COSObject o = doc.getDocument().getObjectFromPool(new org.apache.pdfbox.cos.COSObjectKey(n, 0));
            if (o != null && o.getObject() instanceof org.apache.pdfbox.cos.COSStream s) {
                PdfStreams.measure(s, budget);
            }
        }
    }

    private SignatureReport verifyOne(String name, PdfBytes pdf, PDDocument doc, PDSignature sig, String fieldName, int index,
            Instant validationTime, PdfDss dss, List<PdfPermissions.Signed> signatures, Budget budget) throws IOException {
        String label = "signature " + index + " (field '" + fieldName + "')";
        COSBase brBase = sig.getCOSObject().getDictionaryObject(COSName.BYTERANGE);
        COSBase contentsBase = sig.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (!(brBase instanceof COSArray br) || br.size() != 4 || !(contentsBase instanceof COSString)) {
            return fail(ReasonCode.STRUCTURE_INVALID, label + " has no valid /ByteRange or /Contents");
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(br.getObject(i) instanceof org.apache.pdfbox.cos.COSInteger n)) {
                return fail(ReasonCode.STRUCTURE_INVALID, label + " has a /ByteRange that is not four integers");
            }
            r[i] = n.longValue();
        }
        long gapStart = r[0] + r[1];
        long end = r[2] + r[3];
        if (r[0] != 0 || r[1] < 0 || r[3] < 0 || r[2] <= gapStart || end > pdf.length()) {
            return fail(ReasonCode.STRUCTURE_INVALID, label + " has a /ByteRange " + Arrays.toString(r)
                    + " that does not start at the beginning of the file or lies outside it");
        }
        // The gap must be exactly the hex string of /Contents: '<' hex '>' and nothing else left unsigned.
        String gap = gapProblem(pdf, gapStart, r[2]);
        if (gap != null) {
            return fail(ReasonCode.STRUCTURE_INVALID, label + ": the bytes its /ByteRange leaves out are " + gap);
        }
        if (end == pdf.length()) {
            FormatResult fr = verifyCms(name, pdf, sig, r, index, validationTime, dss, budget);
            return fr.signatures().isEmpty() ? unreadable(fr, label) : fr.signatures().get(0).toBuilder().signatureId(fieldName).build();
        }
        // An incremental update after the signature: the signed revision is read on its own, the claimed
        // time (/M) taken from it, and its objects compared with the final document's.
        try (PDDocument signedRevision = Loader.loadPDF(pdf.revision(end))) {
            PDSignature original = signatureIn(signedRevision, fieldName);
            if (original == null) {
                return fail(ReasonCode.STRUCTURE_INVALID, label + " is not in the revision its /ByteRange covers");
            }
            FormatResult fr = verifyCms(name, pdf, original, r, index, validationTime, dss, budget);
            if (fr.signatures().isEmpty()) {
                return unreadable(fr, label);
            }
            SignatureReport.Builder report = fr.signatures().get(0).toBuilder().signatureId(fieldName);
            PdfPermissions.Signed self = PdfPermissions.find(signatures, fieldName);
            PdfPermissions.Signed certification = PdfPermissions.certification(signatures, end);
            PdfChanges.Outcome changes = PdfChanges.compare(signedRevision, doc,
                    certification == null ? 0 : certification.docMdp(), certification == null ? null : certification.field(),
                    self == null ? List.of() : self.locks(), budget);
            List<String> m = new java.util.ArrayList<>(changes.modifications());
            if (renderedPages > 0 && doc.getNumberOfPages() <= renderedPages) {
                try {
                    String looks = PdfRendering.firstDifference(signedRevision, doc, budget);
                    if (looks != null) {
                        m.add(looks);
                    }
                } catch (IOException | RuntimeException e) {
                    if (e instanceof LimitExceededException l) {
                        throw l;
                    }
                    report.indeterminate(ReasonCode.MODIFIED_AFTER_SIGNING, "the rendered comparison of the PDF's "
                            + "revisions could not be made (" + e.getMessage() + ")");
                }
            }
            if (!m.isEmpty()) {
                return report.intact(false).invalid(ReasonCode.CONTENT_ALTERED, "the PDF was changed after " + label
                        + " by an incremental update: " + String.join("; ", m.subList(0, Math.min(5, m.size())))
                        + (m.size() > 5 ? "; and " + (m.size() - 5) + " more changes" : "")).build();
            }
            if (changes.allowed().isEmpty()) {
                return report.build(); // validation data (DSS, PAdES B-LT), or nothing a reader sees
            }
            return report.warning(ReasonCode.MODIFIED_AFTER_SIGNING, "the PDF was updated after " + label + " ("
                    + (pdf.length() - end) + " bytes appended) with changes the rules allow: "
                    + String.join("; ", changes.allowed())).build();
        }
    }

    /** Verifies the CMS of a signature over its byte ranges, with the claimed time of the given dictionary. */
    private FormatResult verifyCms(String name, PdfBytes pdf, PDSignature sig, long[] r, int index,
            Instant validationTime, PdfDss dss, Budget budget) {
        String subFilter = sig.getSubFilter();
        byte[] cmsBytes = sig.getContents();
        byte[] trimmed = trimDer(cmsBytes);
        Calendar m = sig.getSignDate();
        Instant claimed = m == null ? null : m.toInstant();
        return cms.verify(Document.of(trimmed, name + ".sig" + index + ".p7s", "application/pkcs7-signature"),
                pdf.signedRanges(name + " (revision signed by signature " + index + ")", r[1], r[2], r[3], budget),
                validationTime, new CmsVerifier.Embedding(subFilter == null ? "(none)" : subFilter, claimed),
                // The DSS (PAdES B-LT) and Adobe's revocation archive: used for chains and revocation without the network.
                PdfDss.toEmbedded(dss.data().merge(PdfDss.fromAdobeArchive(trimmed))));
    }

    private static SignatureReport unreadable(FormatResult fr, String label) {
        Reason reason = fr.reasons().isEmpty() ? new Reason(ReasonCode.MALFORMED, "unreadable") : fr.reasons().get(0);
        return fail(reason.code(), label + ": " + reason.message());
    }

    private static PDSignature signatureIn(PDDocument doc, String fieldName) throws IOException {
        for (PDSignatureField f : doc.getSignatureFields()) {
            if (fieldName.equals(f.getFullyQualifiedName())) {
                return f.getSignature();
            }
        }
        return null;
    }

    /**
     * Names the baseline level the PDF shows for a signature: B-T with a signature timestamp, B-LT when the
     * document security store also holds validation data (ETSI EN 319 142-1, 6.3).
     */
    private static SignatureReport withLevel(SignatureReport report, PdfDss dss) {
        if (report.level() != SignatureLevel.B_B && report.level() != SignatureLevel.B_T || report.timestamp().isEmpty()) {
            return report;
        }
        return report.toBuilder().level(dss.isEmpty() ? SignatureLevel.B_T : SignatureLevel.B_LT).build();
    }

    /**
     * Checks that the gap between the byte ranges is exactly the hexadecimal string of /Contents,
     * {@code '<' hex '>'}, and nothing else left unsigned; read as a stream, since the file says how long it is.
     */
    private static String gapProblem(PdfBytes pdf, long from, long to) throws IOException {
        try (InputStream in = pdf.range(from, to - from)) {
            byte[] buf = new byte[8192];
            long at = from;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++, at++) {
                    int c = buf[i];
                    boolean ok = at == from ? c == '<' : at == to - 1 ? c == '>'
                            : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
                    if (!ok) {
                        return at == from || at == to - 1 ? "not its /Contents; unsigned bytes could be changed unnoticed"
                                : "not only the hexadecimal /Contents";
                    }
                }
            }
            return at == to ? null : "beyond the end of the file";
        }
    }

    /** /Contents is zero-padded after the DER value; keep only the DER value. */
    static byte[] trimDer(byte[] b) {
        if (b.length < 2 || b[0] != 0x30) {
            return b;
        }
        int lenByte = b[1] & 0xFF;
        long len;
        int header;
        if (lenByte < 0x80) {
            len = lenByte;
            header = 2;
        } else {
            int n = lenByte & 0x7F;
            if (n == 0 || n > 4 || b.length < 2 + n) {
                return b;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[2 + i] & 0xFF);
            }
            header = 2 + n;
        }
        long total = header + len;
        if (total > b.length) {
            return b;
        }
        for (long i = total; i < b.length; i++) {
            if (b[(int) i] != 0) {
                return b; // something other than padding follows: let the strict CMS parser refuse it
            }
        }
        return Arrays.copyOf(b, (int) total);
    }

    private static SignatureReport fail(ReasonCode code, String message) {
        return SignatureReport.builder(SignatureFormat.PADES).invalid(code, message).build();
    }
}
