package vn.govsdk.signing.internal.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The permissions a PDF's signatures set for later revisions (PDF 32000-1, 12.8.2): a certification
 * signature's DocMDP {@code /P} (1 no change, 2 form filling and signing, 3 also annotations; 2 when
 * absent) and the FieldMDP locks of a signature's {@code /Reference} and of its field's {@code /Lock}.
 */
final class PdfPermissions {

    private static final COSName TRANSFORM_METHOD = COSName.getPDFName("TransformMethod");
    private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");
    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");
    private static final COSName ACTION = COSName.getPDFName("Action");
    private static final COSName REFERENCE = COSName.getPDFName("Reference");

    private PdfPermissions() {
    }

    /**
     * One signature and what it permits.
     *
     * @param field the field's fully qualified name
     * @param end where its signed revision ends
     * @param docMdp its DocMDP permission, 1 to 3, or 0 for an approval signature
     * @param locks its FieldMDP locks
     */
    record Signed(String field, long end, int docMdp, List<PdfChanges.Lock> locks) {
    }

    /**
     * Reads the permissions of every signature of a PDF.
     *
     * @param doc the PDF
     * @return one entry per signed field
     */
    static List<Signed> read(PDDocument doc) {
        List<Signed> out = new ArrayList<>();
        for (PDSignatureField f : doc.getSignatureFields()) {
            PDSignature sig = f.getSignature();
            if (sig == null) {
                continue;
            }
            String name = f.getFullyQualifiedName();
            int[] range = sig.getByteRange();
            long end = range.length == 4 ? (long) range[2] + range[3] : Long.MAX_VALUE;
            int p = 0;
            List<PdfChanges.Lock> locks = new ArrayList<>();
            if (sig.getCOSObject().getDictionaryObject(REFERENCE) instanceof COSArray refs) {
                for (int i = 0; i < refs.size(); i++) {
                    if (!(refs.getObject(i) instanceof COSDictionary ref)) {
                        continue;
                    }
                    COSDictionary params = ref.getCOSDictionary(TRANSFORM_PARAMS);
                    if (COSName.DOCMDP.equals(ref.getCOSName(TRANSFORM_METHOD))) {
                        p = docMdp(params);
                    } else if (FIELD_MDP.equals(ref.getCOSName(TRANSFORM_METHOD)) && params != null) {
                        locks.add(lock(params, name));
                    }
                }
            }
            if (f.getCOSObject().getDictionaryObject(COSName.getPDFName("Lock")) instanceof COSDictionary lock) {
                locks.add(lock(lock, name));
            }
            out.add(new Signed(name, end, p, List.copyOf(locks)));
        }
        return out;
    }

    /** DocMDP /P: 2 when absent; anything but 1, 2 or 3 is read as 1 (fail closed). */
    private static int docMdp(COSDictionary params) {
        COSBase p = params == null ? null : params.getDictionaryObject(COSName.P);
        if (p == null) {
            return 2;
        }
        int v = p instanceof COSNumber n ? n.intValue() : 1;
        return v >= 1 && v <= 3 ? v : 1;
    }

    private static PdfChanges.Lock lock(COSDictionary d, String by) {
        String action = d.getNameAsString(ACTION);
        Set<String> fields = new HashSet<>();
        if (d.getDictionaryObject(COSName.FIELDS) instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSString s) {
                    fields.add(s.getString());
                }
            }
        }
        return new PdfChanges.Lock(action == null ? "All" : action, Set.copyOf(fields), by);
    }

    /**
     * Returns a signature's entry.
     *
     * @param all the entries
     * @param field the field name
     * @return the entry, or {@code null}
     */
    static Signed find(List<Signed> all, String field) {
        for (Signed s : all) {
            if (s.field().equals(field)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Returns the certification signature whose revision ends at or before {@code end} (its DocMDP
     * governs every later revision), the strictest if a hostile PDF has several, or {@code null}.
     *
     * @param all the entries
     * @param end where the revision of the signature being verified ends
     * @return the certification signature, or {@code null}
     */
    static Signed certification(List<Signed> all, long end) {
        Signed best = null;
        for (Signed s : all) {
            if (s.docMdp() > 0 && s.end() <= end && (best == null || s.docMdp() < best.docMdp())) {
                best = s;
            }
        }
        return best;
    }
}
