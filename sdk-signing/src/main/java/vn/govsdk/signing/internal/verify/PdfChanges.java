package vn.govsdk.signing.internal.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Compares a signed revision of a PDF with the final document object by object and classifies every
 * difference, in the manner of EU DSS's PDF modification detection: what a page shows (its content
 * streams, its resources with XObjects, fonts, ExtGState, patterns, shadings and colour spaces, walked
 * recursively; every page box; its annotations and their appearance streams), the catalogue (optional
 * content, OpenAction, Names and JavaScript, everything but the page tree, the form, the DSS and its
 * extension), the form's fields and their values, and the signature dictionaries already signed.
 *
 * <p>Allowed, as the permissions say: a new signature in a new or empty signature field and its widget,
 * a document timestamp, the DSS and VRI (PAdES B-LT), form filling (not under DocMDP P=1 nor for a field
 * a FieldMDP lock names), annotations added, changed or removed (only with no DocMDP or P=3), provided
 * no new or changed appearance covers text of the signed page and no removed one uncovers it. Anything
 * else is a modification, described with the object, the page and what changed.
 */
final class PdfChanges {

    /** What a later revision found: modifications (the signature is INVALID) and allowed changes (a warning). */
    record Outcome(List<String> modifications, List<String> allowed) {
    }

    /**
     * A FieldMDP lock of a signature (PDF 32000-1, 12.8.2.4).
     *
     * @param action {@code All}, {@code Include} or {@code Exclude}
     * @param fields the fully qualified field names
     * @param by the signature field that locks them
     */
    record Lock(String action, Set<String> fields, String by) {
        boolean locks(String field) {
            return switch (action) {
                case "All" -> true;
                case "Include" -> fields.contains(field);
                case "Exclude" -> !fields.contains(field);
                default -> true; // an unknown action locks: fail closed
            };
        }
    }

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName EXTENSIONS = COSName.getPDFName("Extensions");
    private static final Set<COSName> CATALOG_COMPARED_ELSEWHERE = Set.of(COSName.PAGES, COSName.ACRO_FORM, DSS, EXTENSIONS);
    /** Catalogue entries that set how a viewer opens the document or describe it, not what a page shows. */
    private static final Set<COSName> VIEWER_SETTINGS = Set.of(COSName.PAGE_MODE, COSName.PAGE_LAYOUT,
            COSName.VIEWER_PREFERENCES, COSName.METADATA, COSName.LANG, COSName.MARK_INFO, COSName.STRUCT_TREE_ROOT,
            COSName.OUTLINES, COSName.getPDFName("Threads"), COSName.PIECE_INFO, COSName.getPDFName("SpiderInfo"));
    private static final Set<COSName> ACROFORM_ALLOWED = Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR, COSName.DA,
            COSName.NEED_APPEARANCES);
    private static final Set<COSName> FIELD_VALUE_KEYS = Set.of(COSName.V, COSName.AP, COSName.AS, COSName.KIDS,
            COSName.PARENT, COSName.P);
    private static final Set<COSName> STREAM_ENCODING = Set.of(COSName.LENGTH, COSName.FILTER, COSName.DECODE_PARMS,
            COSName.DL, COSName.F, COSName.DP);
    private static final Set<COSName> PAGE_COMPARED_ELSEWHERE = Set.of(COSName.ANNOTS, COSName.PARENT);
    /** Page entries that describe the page (tab order, structure, private data), not what it shows. */
    private static final Set<COSName> PAGE_DESCRIPTIONS = Set.of(COSName.getPDFName("Tabs"), COSName.STRUCT_PARENTS,
            COSName.PIECE_INFO, COSName.LAST_MODIFIED, COSName.METADATA);
    private static final int HIDDEN = 1 << 1;
    private static final int NO_VIEW = 1 << 5;

    private final PDDocument old;
    private final PDDocument cur;
    private final int docMdp;
    private final String certifiedBy;
    private final List<Lock> locks;
    private final Budget budget;
    private final Set<COSObjectKey> redefined = new HashSet<>();
    private final Map<String, String> compared = new HashMap<>();
    private final Map<Integer, List<float[]>> textBoxes = new HashMap<>();
    private final List<String> modifications = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();
    private final Set<String> filled = new HashSet<>();
    private final Set<String> newlySigned = new HashSet<>();

    private PdfChanges(PDDocument old, PDDocument cur, int docMdp, String certifiedBy, List<Lock> locks, Budget budget) {
        this.old = old;
        this.cur = cur;
        this.docMdp = docMdp;
        this.certifiedBy = certifiedBy;
        this.locks = locks;
        this.budget = budget;
    }

    /**
     * Compares a signed revision with the final document.
     *
     * @param signed the signed revision
     * @param current the final document
     * @param docMdp the DocMDP permission of a certification signature at or before this one (1 to 3), 0 if none
     * @param certifiedBy the certification signature's field, for the messages
     * @param locks the FieldMDP locks of this signature
     * @param budget the verification's budget
     * @return the modifications and allowed changes
     * @throws IOException if an object cannot be read
     */
    static Outcome compare(PDDocument signed, PDDocument current, int docMdp, String certifiedBy, List<Lock> locks,
            Budget budget) throws IOException {
        PdfChanges c = new PdfChanges(signed, current, docMdp, certifiedBy, locks, budget);
        c.run();
        return new Outcome(List.copyOf(c.modifications), List.copyOf(c.allowed));
    }

    private void run() throws IOException {
        findRedefined();
        COSDictionary ot = old.getDocument().getTrailer();
        COSDictionary nt = cur.getDocument().getTrailer();
        modification(diff(ot.getItem(COSName.ENCRYPT), nt.getItem(COSName.ENCRYPT), "the encryption dictionary"));
        COSDictionary oc = old.getDocumentCatalog().getCOSObject();
        COSDictionary nc = cur.getDocumentCatalog().getCOSObject();
        if (!same(key(ot.getItem(COSName.ROOT)), key(nt.getItem(COSName.ROOT)))) {
            modification("the catalog was replaced by another object");
        }
        Set<COSName> ignored = new HashSet<>(CATALOG_COMPARED_ELSEWHERE);
        ignored.addAll(VIEWER_SETTINGS);
        modification(diffDict(oc, nc, ignored, "the catalog"));
        for (COSName k : VIEWER_SETTINGS) {
            String d = diff(oc.getItem(k), nc.getItem(k), "the catalog /" + k.getName());
            if (d != null) {
                allowed.add(d + " (how a viewer opens or describes the document, not what a page shows)");
            }
        }
        pages();
        fields();
        for (int i = 0; i < Math.min(old.getNumberOfPages(), cur.getNumberOfPages()); i++) {
            annotations(i);
        }
    }

    /** The objects redefined or added after the signed revision: the only ones whose stream data can differ. */
    private void findRedefined() {
        Map<COSObjectKey, Long> before = old.getDocument().getXrefTable();
        Map<COSObjectKey, Long> after = cur.getDocument().getXrefTable();
        for (Map.Entry<COSObjectKey, Long> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                redefined.add(e.getKey());
            }
        }
        for (Map.Entry<COSObjectKey, Long> e : after.entrySet()) {
            // A compressed object (negative entry: its object stream) changes with its object stream.
            if (e.getValue() < 0 && redefined.contains(new COSObjectKey(-e.getValue(), 0))) {
                redefined.add(e.getKey());
            }
        }
    }

    private void pages() throws IOException {
        int n = old.getNumberOfPages();
        int m = cur.getNumberOfPages();
        if (n != m) {
            modification("it had " + n + " pages and now has " + m);
        }
        for (int i = 0; i < Math.min(n, m); i++) {
            budget.checkTime();
            PDPage op = old.getPage(i);
            PDPage np = cur.getPage(i);
            String where = "page " + (i + 1);
            Set<COSName> ignored = new HashSet<>(PAGE_COMPARED_ELSEWHERE);
            ignored.addAll(PAGE_DESCRIPTIONS);
            modification(diffDict(op.getCOSObject(), np.getCOSObject(), ignored, where));
            for (COSName k : PAGE_DESCRIPTIONS) {
                String d = diff(op.getCOSObject().getItem(k), np.getCOSObject().getItem(k), where + " /" + k.getName());
                if (d != null) {
                    allowed.add(d + " (it describes the page, it does not change what the page shows)");
                }
            }
            // Inheritable attributes that both pages take from the page tree, as each page resolves them
            // (an attribute set on one page only is a difference of the page dictionaries, reported above).
            if (inheritedByBoth(op, np, COSName.RESOURCES)) {
                modification(diff(resources(op), resources(np), where + " /Resources (inherited)"));
            }
            if (inheritedByBoth(op, np, COSName.MEDIA_BOX)) {
                box(where + " /MediaBox (inherited)", op.getMediaBox(), np.getMediaBox());
            }
            if (inheritedByBoth(op, np, COSName.CROP_BOX)) {
                box(where + " /CropBox (inherited)", op.getCropBox(), np.getCropBox());
            }
            if (inheritedByBoth(op, np, COSName.ROTATE) && op.getRotation() != np.getRotation()) {
                modification(where + " /Rotate (inherited): " + op.getRotation() + " became " + np.getRotation());
            }
        }
    }

    private static boolean inheritedByBoth(PDPage a, PDPage b, COSName key) {
        return !a.getCOSObject().containsKey(key) && !b.getCOSObject().containsKey(key);
    }

    private static COSBase resources(PDPage p) {
        PDResources r = p.getResources();
        return r == null ? null : r.getCOSObject();
    }

    private void box(String where, PDRectangle a, PDRectangle b) {
        if (!Arrays.equals(corners(a), corners(b))) {
            modification(where + ": " + a + " became " + b);
        }
    }

    private static float[] corners(PDRectangle r) {
        return r == null ? new float[0] : new float[] {r.getLowerLeftX(), r.getLowerLeftY(), r.getUpperRightX(), r.getUpperRightY()};
    }

    private void fields() throws IOException {
        Map<String, PDField> before = fields(old);
        Map<String, PDField> after = fields(cur);
        PDAcroForm of = old.getDocumentCatalog().getAcroForm(null);
        PDAcroForm nf = cur.getDocumentCatalog().getAcroForm(null);
        if (of != null && nf == null) {
            modification("the form (/AcroForm) was removed");
        } else if (of != null) {
            modification(diffDict(of.getCOSObject(), nf.getCOSObject(), ACROFORM_ALLOWED, "the form (/AcroForm)"));
        }
        for (Map.Entry<String, PDField> e : before.entrySet()) {
            String name = e.getKey();
            PDField o = e.getValue();
            PDField n = after.get(name);
            if (n == null) {
                modification("form field '" + name + "' was removed");
                continue;
            }
            String what = "form field '" + name + "'";
            modification(diffDict(o.getCOSObject(), n.getCOSObject(), FIELD_VALUE_KEYS, what));
            if (!(o instanceof PDTerminalField) || !(n instanceof PDTerminalField)) {
                continue; // a field with kids: its own entries compared, its values are its terminal fields'
            }
            COSBase ov = o.getCOSObject().getItem(COSName.V);
            COSBase nv = n.getCOSObject().getItem(COSName.V);
            boolean signature = "Sig".equals(o.getFieldType());
            if (signature && resolve(ov) != null) {
                modification(diff(ov, nv, "the signature dictionary of field '" + name + "'"));
            } else if (signature && resolve(nv) != null) {
                newSignature(name, nv);
            } else if (!signature && diff(ov, nv, what + " /V") != null) {
                fill(name);
            }
        }
        for (Map.Entry<String, PDField> e : after.entrySet()) {
            if (before.containsKey(e.getKey())) {
                continue;
            }
            PDField n = e.getValue();
            if (!(n instanceof PDTerminalField)) {
                continue; // a new parent: its terminal fields are judged
            }
            if ("Sig".equals(n.getFieldType())) {
                newSignature(e.getKey(), n.getCOSObject().getItem(COSName.V));
            } else {
                modification("form field '" + e.getKey() + "' was added (" + n.getFieldType() + "), which only a form "
                        + "designer does: not a signature, form filling or an annotation");
            }
        }
    }

    private void newSignature(String name, COSBase value) {
        newlySigned.add(name);
        COSBase v = resolve(value);
        boolean timestamp = v instanceof COSDictionary d && (COSName.DOC_TIME_STAMP.equals(d.getCOSName(COSName.TYPE))
                || "ETSI.RFC3161".equals(d.getNameAsString(COSName.SUB_FILTER)));
        if (timestamp) {
            allowed.add("document timestamp in field '" + name + "'");
        } else if (docMdp == 1) {
            modification("signature field '" + name + "' was " + (v == null ? "added" : "signed") + ", which the "
                    + "certification signature '" + certifiedBy + "' does not permit (DocMDP P=1: no change at all)");
        } else {
            allowed.add((v == null ? "empty signature field '" : "signature in field '") + name + "'");
        }
    }

    private void fill(String name) {
        filled.add(name);
        if (docMdp == 1) {
            modification("form field '" + name + "' was filled in, which the certification signature '" + certifiedBy
                    + "' does not permit (DocMDP P=1: no change at all)");
            return;
        }
        for (Lock l : locks) {
            if (l.locks(name)) {
                modification("form field '" + name + "' was filled in although signature '" + l.by()
                        + "' locks it (FieldMDP " + l.action() + ")");
                return;
            }
        }
        allowed.add("form field '" + name + "' filled in");
    }

    private static Map<String, PDField> fields(PDDocument doc) {
        Map<String, PDField> out = new LinkedHashMap<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return out;
        }
        for (PDField f : form.getFieldTree()) {
            String name = f.getFullyQualifiedName();
            // Two fields of one name: the later ones keep their own entries, so that none hides behind another.
            for (int i = 2; out.containsKey(name); i++) {
                name = f.getFullyQualifiedName() + " (#" + i + ")";
            }
            out.put(name, f);
        }
        return out;
    }

    /** The widgets' fields of a document, by the widget's object. */
    private static Map<COSObjectKey, PDTerminalField> widgets(PDDocument doc) {
        Map<COSObjectKey, PDTerminalField> out = new HashMap<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return out;
        }
        for (PDField f : form.getFieldTree()) {
            if (f instanceof PDTerminalField t) {
                COSBase kids = t.getCOSObject().getItem(COSName.KIDS);
                if (resolve(kids) instanceof COSArray a) {
                    for (int i = 0; i < a.size(); i++) {
                        COSObjectKey k = key(a.get(i));
                        if (k != null) {
                            out.put(k, t);
                        }
                    }
                } else {
                    COSObjectKey k = t.getCOSObject().getKey();
                    if (k != null) {
                        out.put(k, t);
                    }
                }
            }
        }
        return out;
    }

    private Map<COSObjectKey, PDTerminalField> oldWidgets;
    private Map<COSObjectKey, PDTerminalField> newWidgets;

    private void annotations(int page) throws IOException {
        if (oldWidgets == null) {
            oldWidgets = widgets(old);
            newWidgets = widgets(cur);
        }
        String where = "page " + (page + 1);
        Map<Object, COSBase> before = annots(old.getPage(page));
        Map<Object, COSBase> after = annots(cur.getPage(page));
        for (Map.Entry<Object, COSBase> e : before.entrySet()) {
            COSDictionary o = (COSDictionary) resolve(e.getValue());
            COSBase nb = after.get(e.getKey());
            String what = describe(o, e.getKey(), oldWidgets, where);
            if (nb == null) {
                annotationChange(page, o, what + " was removed", "uncovers");
                continue;
            }
            COSDictionary n = (COSDictionary) resolve(nb);
            PDTerminalField field = e.getKey() instanceof COSObjectKey k ? newWidgets.get(k) : null;
            if (field != null) {
                String name = field.getFullyQualifiedName();
                modification(diffDict(o, n, FIELD_VALUE_KEYS, what));
                String ap = diffAppearance(o, n, what);
                if (ap != null && !filled.contains(name) && !newlySigned.contains(name)) {
                    modification(ap + " although the field's value did not change");
                }
            } else if (diffDict(o, n, Set.of(COSName.P, COSName.PARENT), what) != null) {
                annotationChange(page, n, what + " was changed", "covers");
            }
        }
        for (Map.Entry<Object, COSBase> e : after.entrySet()) {
            if (before.containsKey(e.getKey())) {
                continue;
            }
            COSDictionary n = (COSDictionary) resolve(e.getValue());
            String what = describe(n, e.getKey(), newWidgets, where);
            PDTerminalField field = e.getKey() instanceof COSObjectKey k ? newWidgets.get(k) : null;
            if (field != null) {
                // The field itself (a signature, or a field no rule allows) is judged with the form.
                if (coversText(page, n)) {
                    modification(what + " at " + rect(n) + " covers text of the signed page");
                }
            } else {
                annotationChange(page, n, what + " was added", "covers");
            }
        }
    }

    private String diffAppearance(COSDictionary o, COSDictionary n, String what) throws IOException {
        String d = diff(o.getItem(COSName.AP), n.getItem(COSName.AP), what + " /AP");
        return d != null ? d : diff(o.getItem(COSName.AS), n.getItem(COSName.AS), what + " /AS");
    }

    /** An annotation added, changed or removed: allowed only with no DocMDP or P=3, and only away from the signed text. */
    private void annotationChange(int page, COSDictionary annotation, String what, String verb) throws IOException {
        if (docMdp == 1 || docMdp == 2) {
            modification("an annotation " + what.substring(what.indexOf(' ') + 1) + ", which the certification signature '"
                    + certifiedBy + "' does not permit (DocMDP P=" + docMdp + ")");
        } else if (coversText(page, annotation)) {
            modification("an annotation " + what.substring(what.indexOf(' ') + 1) + "; at " + rect(annotation) + " it "
                    + verb + " text of the signed page");
        } else {
            allowed.add(what);
        }
    }

    private static String describe(COSDictionary a, Object key, Map<COSObjectKey, PDTerminalField> widgets, String where) {
        String subtype = a.getNameAsString(COSName.SUBTYPE);
        PDTerminalField f = key instanceof COSObjectKey k ? widgets.get(k) : null;
        String obj = key instanceof COSObjectKey k ? " (object " + k.getNumber() + ")" : "";
        return f != null ? "the widget of form field '" + f.getFullyQualifiedName() + "' on " + where + obj
                : "annotation /" + subtype + " on " + where + obj;
    }

    private static Map<Object, COSBase> annots(PDPage page) {
        Map<Object, COSBase> out = new LinkedHashMap<>();
        if (!(page.getCOSObject().getDictionaryObject(COSName.ANNOTS) instanceof COSArray a)) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            COSBase b = a.get(i);
            if (resolve(b) instanceof COSDictionary) {
                COSObjectKey k = key(b);
                out.put(k != null ? k : "direct " + i, b);
            }
        }
        return out;
    }

    private static String rect(COSDictionary a) {
        COSArray r = a.getCOSArray(COSName.RECT);
        return r == null ? "(no /Rect)" : r.toFloatArray().length == 4 ? Arrays.toString(r.toFloatArray()) : "(a bad /Rect)";
    }

    /** Whether a visible annotation's rectangle meets a glyph of the signed revision's page. */
    private boolean coversText(int page, COSDictionary annotation) throws IOException {
        int flags = annotation.getInt(COSName.F, 0);
        COSArray r = annotation.getCOSArray(COSName.RECT);
        if ((flags & (HIDDEN | NO_VIEW)) != 0 || r == null || r.size() != 4) {
            return false;
        }
        float[] f = r.toFloatArray();
        float x0 = Math.min(f[0], f[2]);
        float x1 = Math.max(f[0], f[2]);
        float y0 = Math.min(f[1], f[3]);
        float y1 = Math.max(f[1], f[3]);
        if (x1 - x0 <= 0 || y1 - y0 <= 0) {
            return false;
        }
        for (float[] g : textBoxes(page)) {
            if (g[0] < x1 && g[2] > x0 && g[1] < y1 && g[3] > y0) {
                return true;
            }
        }
        return false;
    }

    /** The glyph boxes of a page of the signed revision, in user space; its streams measured first. */
    private List<float[]> textBoxes(int page) throws IOException {
        List<float[]> cached = textBoxes.get(page);
        if (cached != null) {
            return cached;
        }
        PDPage p = old.getPage(page);
        PdfStreams.measureAll(p.getCOSObject().getDictionaryObject(COSName.CONTENTS), budget);
        PdfStreams.measureAll(resources(p), budget);
        List<float[]> boxes = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                float x = t.getTextMatrix().getTranslateX();
                float y = t.getTextMatrix().getTranslateY();
                float h = Math.max(t.getFontSizeInPt(), 1);
                float w = Math.max(t.getWidth(), h / 4);
                boxes.add(new float[] {x, y - h * 0.25f, x + w, y + h * 0.8f});
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(old);
        textBoxes.put(page, boxes);
        return boxes;
    }

    private void modification(String what) {
        if (what != null) {
            modifications.add(what);
        }
    }

    /** Compares two dictionaries' entries but the ignored ones; the first difference, or {@code null}. */
    private String diffDict(COSDictionary a, COSDictionary b, Set<COSName> ignored, String path) throws IOException {
        Set<COSName> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(COSName::getName));
        keys.addAll(a.keySet());
        keys.addAll(b.keySet());
        for (COSName k : keys) {
            if (ignored.contains(k)) {
                continue;
            }
            String d = diff(a.getItem(k), b.getItem(k), path + " /" + k.getName());
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * The first difference between two objects, resolved through indirect references, or {@code null}. A
     * pair of indirect objects is compared once (cycles end there); a stream's data is decoded (within the
     * limits) only when its object was redefined after the signed revision.
     */
    private String diff(COSBase a, COSBase b, String path) throws IOException {
        COSObjectKey ka = key(a);
        COSObjectKey kb = key(b);
        String at = path;
        if (kb != null) {
            at += ka != null && !ka.equals(kb) ? " (now object " + kb.getNumber() + ", was object " + ka.getNumber() + ")"
                    : " (object " + kb.getNumber() + ")";
        }
        String pair = ka != null && kb != null ? ka + ">" + kb : null;
        if (pair != null) {
            if (compared.containsKey(pair)) {
                return compared.get(pair);
            }
            compared.put(pair, null); // in progress: a cycle back here adds nothing
        }
        String d = diffResolved(resolve(a), resolve(b), at, ka != null && ka.equals(kb) && !redefined.contains(ka));
        if (pair != null) {
            compared.put(pair, d);
        }
        return d;
    }

    private String diffResolved(COSBase a, COSBase b, String at, boolean sameBytes) throws IOException {
        if (a == null || b == null) {
            return a == b ? null : a == null ? at + ": added" : at + ": removed";
        }
        if (a instanceof COSStream sa) {
            if (!(b instanceof COSStream sb)) {
                return at + ": a stream became " + kind(b);
            }
            String d = diffDict(sa, sb, STREAM_ENCODING, at);
            if (d != null || sameBytes) {
                return d;
            }
            budget.checkTime();
            return Arrays.equals(PdfStreams.digest(sa, budget), PdfStreams.digest(sb, budget)) ? null
                    : at + ": its content changed";
        }
        if (a instanceof COSDictionary da) {
            return b instanceof COSDictionary db && !(b instanceof COSStream) ? diffDict(da, db, Set.of(COSName.PARENT), at)
                    : at + ": a dictionary became " + kind(b);
        }
        if (a instanceof COSArray aa) {
            if (!(b instanceof COSArray ab)) {
                return at + ": an array became " + kind(b);
            }
            for (int i = 0; i < Math.max(aa.size(), ab.size()); i++) {
                String d = diff(i < aa.size() ? aa.get(i) : null, i < ab.size() ? ab.get(i) : null, at + " [" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return sameScalar(a, b) ? null : at + ": " + show(a) + " became " + show(b);
    }

    private static boolean sameScalar(COSBase a, COSBase b) {
        if (a instanceof COSNumber na && b instanceof COSNumber nb) {
            return Float.compare(na.floatValue(), nb.floatValue()) == 0;
        }
        if (a instanceof COSString sa && b instanceof COSString sb) {
            return Arrays.equals(sa.getBytes(), sb.getBytes());
        }
        if (a instanceof COSBoolean || a instanceof COSName) {
            return a.equals(b);
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static String show(COSBase v) {
        if (v instanceof COSString s) {
            String t = s.getString();
            return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
        }
        if (v instanceof COSName n) {
            return "/" + n.getName();
        }
        if (v instanceof COSNumber n) {
            return String.valueOf(n.floatValue());
        }
        return kind(v);
    }

    private static String kind(COSBase v) {
        return v instanceof COSStream ? "a stream" : v instanceof COSDictionary ? "a dictionary"
                : v instanceof COSArray ? "an array" : String.valueOf(v);
    }

    static COSBase resolve(COSBase b) {
        COSBase v = b instanceof COSObject o ? o.getObject() : b;
        return v instanceof COSNull ? null : v;
    }

    static COSObjectKey key(COSBase b) {
        return b instanceof COSObject o ? o.getKey() : null;
    }

    private static boolean same(COSObjectKey a, COSObjectKey b) {
        return a == null ? b == null : a.equals(b);
    }
}
