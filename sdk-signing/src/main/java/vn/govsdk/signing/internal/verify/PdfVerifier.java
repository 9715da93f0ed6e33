package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
 * bytes, and later incremental updates are compared page by page with the signed revision. A PDF
 * file is read at random (PDFBox) and its byte ranges streamed, so a large file is not held in memory.
 */
public final class PdfVerifier {

    /** PDFs in memory or streamed above this size are refused; a file is read at random and by ranges, never whole. */
    static final long MAX_SIZE = 512L * 1024 * 1024;

    private final CmsVerifier cms;

    /**
     * Creates the verifier.
     *
     * @param cms the CMS verifier
     */
    public PdfVerifier(CmsVerifier cms) {
        this.cms = cms;
    }

    /**
     * Verifies every signature of a PDF.
     *
     * @param signed the PDF
     * @param validationTime now
     * @return the reports, in the order of the signature fields
     */
    public FormatResult verify(Document signed, Instant validationTime) {
        if (signed.file().isEmpty() && signed.size().orElse(0) > MAX_SIZE) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the PDF is larger than "
                    + (MAX_SIZE >> 20) + " MB, the most the verifier reads"));
        }
        List<SignatureReport> reports = new ArrayList<>();
        PdfBytes pdf;
        try {
            pdf = PdfBytes.of(signed);
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the PDF cannot be read: " + e.getMessage()));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.open())) {
            PdfDss dss = PdfDss.read(doc);
            int index = 0;
            for (PDSignatureField field : doc.getSignatureFields()) {
                PDSignature sig = field.getSignature();
                if (sig == null) {
                    continue; // an empty field waiting for a signature
                }
                index++;
                reports.add(withLevel(verifyOne(signed.name(), pdf, doc, sig, field.getFullyQualifiedName(), index,
                        validationTime, dss), dss));
            }
            if (reports.isEmpty()) {
                return FormatResult.failed(new Reason(ReasonCode.NO_SIGNATURE, "the PDF holds no signature"));
            }
        } catch (IOException e) {
            return FormatResult.failed(new Reason(ReasonCode.MALFORMED, "the PDF cannot be read: " + e.getMessage()));
        }
        return new FormatResult(reports, List.of());
    }

    private SignatureReport verifyOne(String name, PdfBytes pdf, PDDocument doc, PDSignature sig, String fieldName, int index,
            Instant validationTime, PdfDss dss) throws IOException {
        String subFilter = sig.getSubFilter();
        String label = "signature " + index + " (field '" + fieldName + "')";
        COSBase brBase = sig.getCOSObject().getDictionaryObject(COSName.BYTERANGE);
        COSBase contentsBase = sig.getCOSObject().getDictionaryObject(COSName.CONTENTS);
        if (!(brBase instanceof COSArray br) || br.size() != 4 || !(contentsBase instanceof COSString contents)) {
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
        byte[] cmsBytes = contents.getBytes();
        byte[] trimmed = trimDer(cmsBytes);
        Calendar m = sig.getSignDate();
        Instant claimed = m == null ? null : m.toInstant();
        FormatResult fr = cms.verify(Document.of(trimmed, name + ".sig" + index + ".p7s", "application/pkcs7-signature"),
                pdf.signedRanges(name + " (revision signed by signature " + index + ")", r[1], r[2], r[3]),
                validationTime, new CmsVerifier.Embedding(subFilter == null ? "(none)" : subFilter, claimed),
                // The DSS (PAdES B-LT) and Adobe's revocation archive: used for chains and revocation without the network.
                PdfDss.toEmbedded(dss.data().merge(PdfDss.fromAdobeArchive(trimmed))));
        if (fr.signatures().isEmpty()) {
            Reason reason = fr.reasons().isEmpty() ? new Reason(ReasonCode.MALFORMED, "unreadable") : fr.reasons().get(0);
            return fail(reason.code(), label + ": " + reason.message());
        }
        SignatureReport.Builder report = fr.signatures().get(0).toBuilder().signatureId(fieldName);
        if (end == pdf.length()) {
            return report.build();
        }
        // An incremental update after the signature: compare the signed revision's pages with the current ones.
        String change = changedPages(pdf, end, doc);
        if (change == null && onlyValidationDataAdded(pdf.revision(end), doc)) {
            // PAdES B-LT: the document security store added after signing is not a modification (EN 319 142-1, 5.4).
            return report.build();
        }
        if (change != null) {
            return report.intact(false).invalid(ReasonCode.CONTENT_ALTERED, "the PDF was changed after " + label
                    + " by an incremental update: " + change).build();
        }
        return report.warning(ReasonCode.MODIFIED_AFTER_SIGNING, "the PDF was updated after " + label + " ("
                + (pdf.length() - end) + " bytes appended: a later signature, form data or annotations); the signed "
                + "pages are unchanged").build();
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

    /** Returns a description of the first page that differs, or {@code null} when the pages are the same. */
    private static String changedPages(PdfBytes pdf, long end, PDDocument current) {
        try (PDDocument old = Loader.loadPDF(pdf.revision(end))) {
            if (old.getNumberOfPages() != current.getNumberOfPages()) {
                return "it had " + old.getNumberOfPages() + " pages and now has " + current.getNumberOfPages();
            }
            for (int i = 0; i < old.getNumberOfPages(); i++) {
                if (!Arrays.equals(pageDigest(old.getPage(i)), pageDigest(current.getPage(i)))) {
                    return "the content of page " + (i + 1) + " changed";
                }
            }
            return null;
        } catch (IOException e) {
            return "the signed revision cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * Whether the updates after the signed revision did nothing but add validation data: no object of
     * the signed revision was redefined but the catalog, whose entries other than {@code /DSS} (and the
     * {@code /Extensions} that may announce it) are the same, so every new object hangs below the DSS.
     */
    static boolean onlyValidationDataAdded(org.apache.pdfbox.io.RandomAccessRead revision, PDDocument current) {
        try (PDDocument old = Loader.loadPDF(revision)) {
            COSDictionary oldTrailer = old.getDocument().getTrailer();
            COSDictionary curTrailer = current.getDocument().getTrailer();
            COSObjectKey root = key(oldTrailer.getItem(COSName.ROOT));
            if (root == null || !root.equals(key(curTrailer.getItem(COSName.ROOT)))
                    || !same(oldTrailer.getItem(COSName.INFO), curTrailer.getItem(COSName.INFO))
                    || !same(oldTrailer.getItem(COSName.ENCRYPT), curTrailer.getItem(COSName.ENCRYPT))) {
                return false;
            }
            COSDictionary oldCatalog = old.getDocumentCatalog().getCOSObject();
            Set<COSObjectKey> mayChange = dssStructure(oldCatalog.getItem(DSS));
            mayChange.add(root);
            Map<COSObjectKey, Long> before = old.getDocument().getXrefTable();
            Map<COSObjectKey, Long> after = current.getDocument().getXrefTable();
            for (Map.Entry<COSObjectKey, Long> e : before.entrySet()) {
                if (!e.getValue().equals(after.get(e.getKey()))
                        && (!mayChange.contains(e.getKey()) || !e.getKey().equals(root) && !stillDssLike(current, e.getKey()))) {
                    return false;
                }
            }
            COSDictionary curCatalog = current.getDocumentCatalog().getCOSObject();
            if (curCatalog.getCOSDictionary(DSS) == null) {
                return false;
            }
            Set<COSName> keys = new HashSet<>(oldCatalog.keySet());
            keys.addAll(curCatalog.keySet());
            keys.removeAll(Set.of(DSS, EXTENSIONS));
            for (COSName k : keys) {
                if (!same(oldCatalog.getItem(k), curCatalog.getItem(k))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The indirect objects of an existing DSS that a later DSS update redefines to extend it: the DSS, its
     * arrays, the VRI dictionary, its entries and their arrays (never the streams holding the data, and
     * never a dictionary typed as anything else, such as a page).
     */
    private static Set<COSObjectKey> dssStructure(COSBase dss) {
        Set<COSObjectKey> out = new HashSet<>();
        COSDictionary d = dssDictionary(dss, out);
        if (d == null) {
            return out;
        }
        for (COSName k : List.of(COSName.getPDFName("Certs"), COSName.getPDFName("OCSPs"), COSName.getPDFName("CRLs"))) {
            addKey(d.getItem(k), out, COSArray.class);
        }
        COSDictionary vri = dssDictionary(d.getItem(COSName.getPDFName("VRI")), out);
        if (vri != null) {
            for (COSName k : vri.keySet()) {
                COSDictionary entry = dssDictionary(vri.getItem(k), out);
                if (entry != null) {
                    for (COSName a : entry.keySet()) {
                        addKey(entry.getItem(a), out, COSArray.class);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a redefined object of the old DSS is still DSS structure: an array of streams (not, say, a
     * page's annotation array the DSS happened to share) or a dictionary typed DSS or VRI, or untyped.
     */
    private static boolean stillDssLike(PDDocument current, COSObjectKey key) {
        COSObject o = current.getDocument().getObjectFromPool(key);
        COSBase v = o == null ? null : o.getObject();
        if (v instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (!(a.getObject(i) instanceof COSStream)) {
                    return false;
                }
            }
            return true;
        }
        return v instanceof COSDictionary && !(v instanceof COSStream) && dssDictionary(v, new HashSet<>()) != null;
    }

    private static COSDictionary dssDictionary(COSBase b, Set<COSObjectKey> keys) {
        COSBase v = b instanceof COSObject o ? o.getObject() : b;
        if (!(v instanceof COSDictionary d) || v instanceof COSStream) {
            return null;
        }
        COSName type = d.getCOSName(COSName.TYPE);
        if (type != null && !type.getName().equals("DSS") && !type.getName().equals("VRI")) {
            return null;
        }
        if (b instanceof COSObject o && o.getKey() != null) {
            keys.add(o.getKey());
        }
        return d;
    }

    private static void addKey(COSBase b, Set<COSObjectKey> keys, Class<? extends COSBase> kind) {
        if (b instanceof COSObject o && o.getKey() != null && kind.isInstance(o.getObject())) {
            keys.add(o.getKey());
        }
    }

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");

    private static COSObjectKey key(COSBase b) {
        return b instanceof COSObject o ? o.getKey() : null;
    }

    /** Structural equality of direct objects; indirect references are equal when they name the same object. */
    private static boolean same(COSBase a, COSBase b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject oa && b instanceof COSObject ob && oa.getKey() != null
                    && oa.getKey().equals(ob.getKey());
        }
        if (a instanceof COSStream || b instanceof COSStream) {
            return false; // a direct stream cannot be compared safely here
        }
        if (a instanceof COSDictionary da && b instanceof COSDictionary db) {
            if (!da.keySet().equals(db.keySet())) {
                return false;
            }
            for (COSName k : da.keySet()) {
                if (!same(da.getItem(k), db.getItem(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray aa && b instanceof COSArray ab) {
            if (aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i), ab.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static byte[] pageDigest(PDPage page) throws IOException {
        MessageDigest md = vn.govsdk.signing.DigestAlgorithm.SHA256.newMessageDigest();
        try (InputStream in = page.getContents()) {
            if (in != null) {
                md.update(in.readAllBytes());
            }
        }
        md.update(String.valueOf(page.getMediaBox()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        md.update(String.valueOf(page.getRotation()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return md.digest();
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
