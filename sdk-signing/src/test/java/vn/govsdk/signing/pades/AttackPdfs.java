package vn.govsdk.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.cades.CadesSigner;

/**
 * A payment decision with the constructs the known PDF signature attacks abuse (a form XObject drawing
 * the amount, a hidden second XObject, a font resource, an optional content group holding a clause, a
 * text form field), and the hostile incremental updates themselves, written with PDFBox.
 */
final class AttackPdfs {

    static final String AMOUNT = "So tien: 1.000.000 VND";
    static final String FORGED = "So tien: 999.999.999 VND";
    static final String CLAUSE = "Dieu 3: Hieu luc 30 ngay";

    private AttackPdfs() {
    }

    /** The document before signing: the amount in form XObject Fm1, the forged amount in the unused Fm2. */
    static byte[] decision() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDResources res = new PDResources();
            COSName f1 = res.add(font);
            PDFormXObject amount = form(doc, font, AMOUNT);
            PDFormXObject forged = form(doc, font, FORGED);
            res.put(COSName.getPDFName("Fm1"), amount);
            res.put(COSName.getPDFName("Fm2"), forged);
            PDOptionalContentProperties oc = new PDOptionalContentProperties();
            PDOptionalContentGroup clause = new PDOptionalContentGroup("Dieu3");
            oc.addGroup(clause);
            doc.getDocumentCatalog().setOCProperties(oc);
            COSName oc1 = res.add(clause);
            page.setResources(res);
            String content = "BT /" + f1.getName() + " 14 Tf 72 760 Td (QUYET DINH so 01/QD-UBND) Tj ET\n"
                    + "q 1 0 0 1 72 700 cm /Fm1 Do Q\n"
                    + "/OC /" + oc1.getName() + " BDC BT /" + f1.getName() + " 12 Tf 72 660 Td (" + CLAUSE + ") Tj ET EMC\n";
            COSStream cs = doc.getDocument().createCOSStream();
            try (OutputStream out = cs.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(content.getBytes(StandardCharsets.US_ASCII));
            }
            page.getCOSObject().setItem(COSName.CONTENTS, cs);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            form.setDefaultResources(new PDResources());
            form.getDefaultResources().put(COSName.getPDFName("Helv"), font);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDTextField note = new PDTextField(form);
            note.setPartialName("GhiChu");
            form.getFields().add(note);
            var widget = note.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 100, 300, 20));
            widget.setPage(page);
            widget.setPrinted(true);
            page.getAnnotations().add(widget);
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PDFormXObject form(PDDocument doc, PDFont font, String text) throws IOException {
        PDFormXObject form = new PDFormXObject(doc);
        form.setBBox(new PDRectangle(0, 0, 300, 20));
        PDResources r = new PDResources();
        COSName f = r.add(font);
        form.setResources(r);
        try (OutputStream out = form.getCOSObject().createOutputStream(COSName.FLATE_DECODE)) {
            out.write(("BT /" + f.getName() + " 12 Tf 0 5 Td (" + text + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
        }
        return form;
    }

    /** The text a reader extracts from the first page (what {@code pdftotext} shows). */
    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hostile incremental update. */
    interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    /** Applies a change and appends it as an incremental update; the signed bytes stay as they are. */
    static byte[] update(byte[] signed, Change change) {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            change.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PDPage page(PDDocument doc) {
        return doc.getPage(0);
    }

    /** Shadow replace: the form XObject the page draws is given new content. */
    static Change replaceFormXObject() {
        return doc -> {
            COSStream fm1 = (COSStream) page(doc).getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT)
                    .getDictionaryObject(COSName.getPDFName("Fm1"));
            COSDictionary fontRes = ((COSDictionary) fm1.getDictionaryObject(COSName.RESOURCES)).getCOSDictionary(COSName.FONT);
            String f = fontRes.keySet().iterator().next().getName();
            try (OutputStream out = fm1.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(("BT /" + f + " 12 Tf 0 5 Td (" + FORGED + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
            }
            fm1.setNeedToBeUpdated(true);
        };
    }

    /** Shadow hide-and-replace: the page's XObject resources now name the hidden Fm2 as Fm1. */
    static Change swapResources() {
        return doc -> {
            COSDictionary xobjects = page(doc).getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
            var fm2 = xobjects.getItem(COSName.getPDFName("Fm2"));
            xobjects.setItem(COSName.getPDFName("Fm1"), fm2);
            markChain(doc);
        };
    }

    /** The font the page uses replaced by another (other glyphs for the same codes). */
    static Change replaceFont() {
        return doc -> {
            COSDictionary fonts = page(doc).getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            COSName name = fonts.keySet().iterator().next();
            fonts.setItem(name, new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS).getCOSObject());
            markChain(doc);
        };
    }

    /** A crop box that leaves the amount outside the visible page. */
    static Change cropBoxHidingTheAmount() {
        return doc -> {
            page(doc).setCropBox(new PDRectangle(0, 740, 595, 102));
            page(doc).getCOSObject().setNeedToBeUpdated(true);
        };
    }

    /** The optional content group holding a clause switched off. */
    static Change optionalContentOff() {
        return doc -> {
            PDOptionalContentProperties oc = doc.getDocumentCatalog().getOCProperties();
            oc.setGroupEnabled("Dieu3", false);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            oc.getCOSObject().setNeedToBeUpdated(true);
            COSDictionary d = oc.getCOSObject().getCOSDictionary(COSName.D);
            if (d != null) {
                d.setNeedToBeUpdated(true);
            }
        };
    }

    /** A square annotation whose appearance paints white over the amount and writes the forged one. */
    static Change annotationOverTheAmount() {
        return doc -> {
            var square = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare();
            PDRectangle rect = new PDRectangle(70, 698, 300, 24);
            square.setRectangle(rect);
            square.setPrinted(true);
            square.setAppearance(coverAppearance(doc, rect));
            page(doc).getAnnotations().add(square);
            page(doc).getCOSObject().setNeedToBeUpdated(true);
        };
    }

    /** A new text field whose widget appearance paints over the amount. */
    static Change widgetOverTheAmount() {
        return doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDTextField field = new PDTextField(form);
            field.setPartialName("SoTien");
            var widget = field.getWidgets().get(0);
            PDRectangle rect = new PDRectangle(70, 698, 300, 24);
            widget.setRectangle(rect);
            widget.setPage(page(doc));
            widget.setPrinted(true);
            widget.setAppearance(coverAppearance(doc, rect));
            form.getFields().add(field);
            page(doc).getAnnotations().add(widget);
            page(doc).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        };
    }

    /** The signing time {@code /M} of the first signature rewritten. */
    static Change rewriteSigningTime(Calendar when) {
        return doc -> {
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            sig.setSignDate(when);
            sig.getCOSObject().setNeedToBeUpdated(true);
        };
    }

    /** Fills the text field, as a form filler would. */
    static Change fillField(String value) {
        return doc -> {
            PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("GhiChu");
            f.setValue(value);
            f.getCOSObject().setNeedToBeUpdated(true);
            for (var w : f.getWidgets()) {
                w.getCOSObject().setNeedToBeUpdated(true);
            }
        };
    }

    private static PDAppearanceDictionary coverAppearance(PDDocument doc, PDRectangle rect) throws IOException {
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(0, 0, rect.getWidth(), rect.getHeight()));
        PDResources r = new PDResources();
        COSName f = r.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        ap.setResources(r);
        try (OutputStream out = ap.getCOSObject().createOutputStream()) {
            out.write(("1 g 0 0 " + rect.getWidth() + " " + rect.getHeight() + " re f 0 g BT /" + f.getName()
                    + " 12 Tf 2 7 Td (" + FORGED + ") Tj ET").getBytes(StandardCharsets.US_ASCII));
        }
        PDAppearanceDictionary d = new PDAppearanceDictionary();
        d.setNormalAppearance(ap);
        return d;
    }

    /** Marks the page and its resources for the incremental save (PDFBox writes only what is marked). */
    private static void markChain(PDDocument doc) {
        PDPage p = page(doc);
        p.getCOSObject().setNeedToBeUpdated(true);
        COSDictionary res = p.getResources().getCOSObject();
        res.setNeedToBeUpdated(true);
        for (COSName k : List.of(COSName.XOBJECT, COSName.FONT)) {
            COSDictionary d = res.getCOSDictionary(k);
            if (d != null) {
                d.setNeedToBeUpdated(true);
            }
        }
    }

    /**
     * Signs with PDFBox's own signing support and our CAdES signer for the CMS, optionally as a
     * certification signature (DocMDP with permission {@code p}, 1 to 3; 0 for an approval signature),
     * since {@link PadesSigner} makes approval signatures only.
     */
    static byte[] signWithPdfBox(byte[] pdf, SigningKey key, int docMdp, String field) {
        return signWithPdfBox(pdf, key, docMdp, field, List.of());
    }

    /** As {@link #signWithPdfBox(byte[], SigningKey, int, String)}, locking the named fields (FieldMDP, Action Include). */
    static byte[] signWithPdfBox(byte[] pdf, SigningKey key, int docMdp, String field, List<String> locked) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            sig.setName(field);
            sig.setSignDate(Calendar.getInstance());
            if (docMdp > 0) {
                docMdp(doc, sig, docMdp);
            }
            if (!locked.isEmpty()) {
                fieldMdp(sig, locked);
            }
            SignatureInterface cms = content -> CadesSigner.builder().build()
                    .sign(Document.of(content.readAllBytes(), "range", Document.OCTET_STREAM), key).bytes();
            var options = new org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions();
            options.setPreferredSignatureSize(32 * 1024);
            doc.addSignature(sig, cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DocMDP transform (PDF 32000-1, 12.8.2.2) and the catalog's /Perms, as PDFBox's examples write them. */
    private static void docMdp(PDDocument doc, PDSignature sig, int p) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, p);
        params.setName(COSName.V, "1.2");
        params.setDirect(true);
        COSDictionary ref = new COSDictionary();
        ref.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        ref.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
        ref.setItem(COSName.DIGEST_METHOD, COSName.getPDFName("SHA256"));
        ref.setItem(COSName.getPDFName("TransformParams"), params);
        ref.setDirect(true);
        COSArray refs = new COSArray();
        refs.add(ref);
        refs.setDirect(true);
        sig.getCOSObject().setItem(COSName.getPDFName("Reference"), refs);
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, sig);
        perms.setDirect(true);
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

    private static void fieldMdp(PDSignature sig, List<String> fields) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setName(COSName.getPDFName("Action"), "Include");
        COSArray names = new COSArray();
        for (String f : fields) {
            names.add(new org.apache.pdfbox.cos.COSString(f));
        }
        params.setItem(COSName.FIELDS, names);
        params.setName(COSName.V, "1.2");
        COSDictionary ref = new COSDictionary();
        ref.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        ref.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("FieldMDP"));
        ref.setItem(COSName.getPDFName("TransformParams"), params);
        COSArray refs = sig.getCOSObject().getCOSArray(COSName.getPDFName("Reference"));
        if (refs == null) {
            refs = new COSArray();
            sig.getCOSObject().setItem(COSName.getPDFName("Reference"), refs);
        }
        refs.add(ref);
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
