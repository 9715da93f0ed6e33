package vn.govsdk.signing.internal.pades;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.govsdk.core.InvalidInputException;

/**
 * The appearance of a visible signature: a one-page template PDF holding a signature field whose
 * widget has the rectangle and a normal appearance (an optional image, then the text lines drawn with
 * an embedded Type0 TrueType font, subset when the template is saved), which PDFBox copies into the
 * signature field it adds. Immutable and thread-safe: every signature builds its own template.
 */
public final class VisibleAppearance {

    /** Where the default font lives, beside its licence (OFL.txt). */
    static final String DEFAULT_FONT = "font/NotoSans-Regular.ttf";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);
    private static final float MIN_FONT_SIZE = 3;
    private static final float LEADING = 1.25f;
    private static volatile byte[] defaultFont;

    private final int page;
    private final float[] rectangle;
    private final List<String> text;
    private final byte[] image;
    private final byte[] font;
    private final float maxFontSize;

    /**
     * Creates the appearance.
     *
     * @param page the page number from 1, or 0 for the last page
     * @param rectangle {@code [x, y, width, height]} in points, or {@code null} for the default place
     * @param text the lines, or an empty list for the default lines
     * @param image PNG or JPEG bytes, or {@code null}
     * @param font TrueType font bytes, or {@code null} for Noto Sans
     * @param maxFontSize the largest font size in points
     */
    public VisibleAppearance(int page, float[] rectangle, List<String> text, byte[] image, byte[] font, float maxFontSize) {
        this.page = page;
        this.rectangle = rectangle == null ? null : rectangle.clone();
        this.text = List.copyOf(text);
        this.image = image;
        this.font = font;
        this.maxFontSize = maxFontSize;
    }

    /**
     * Returns the default lines: signer, signing time in Vietnam time, and the reason and place when given.
     *
     * @param signer the signer's name (the certificate's common name), or {@code null}
     * @param signingTime the signing time
     * @param reason the reason, or {@code null}
     * @param location the place, or {@code null}
     * @return the lines
     */
    public static List<String> defaultLines(String signer, Instant signingTime, String reason, String location) {
        List<String> lines = new ArrayList<>();
        if (signer != null) {
            lines.add("Ký bởi: " + signer);
        }
        lines.add("Ký ngày: " + TIME.format(signingTime.atZone(VIETNAM)));
        if (reason != null && !reason.isBlank()) {
            lines.add("Lý do: " + reason);
        }
        if (location != null && !location.isBlank()) {
            lines.add("Nơi ký: " + location);
        }
        return lines;
    }

    /**
     * Checks the page and rectangle against the PDF and hands PDFBox the template of the appearance.
     *
     * @param pdf the PDF being signed
     * @param options the signature options of this signature
     * @param signer the signer's name, or {@code null}
     * @param signingTime the signing time
     * @param reason the reason, or {@code null}
     * @param location the place, or {@code null}
     * @throws InvalidInputException if the page does not exist, the rectangle leaves the page, the
     *         font lacks a letter of the text, or the image cannot be decoded
     * @throws IOException if the template cannot be built
     */
    public void apply(PDDocument pdf, SignatureOptions options, String signer, Instant signingTime, String reason,
            String location) throws IOException {
        int index = pageIndex(pdf);
        PDPage target = pdf.getPage(index);
        PDRectangle rect = rectangle(target, index);
        List<String> lines = text.isEmpty() ? defaultLines(signer, signingTime, reason, location) : text;
        byte[] template = template(target.getMediaBox(), rect, lines);
        options.setVisualSignature(new ByteArrayInputStream(template));
        options.setPage(index);
    }

    /**
     * Ties the new signature's widget to its page and makes it printable; called once PDFBox has added
     * the field.
     *
     * @param pdf the PDF being signed
     * @param field the new signature field
     */
    public void finish(PDDocument pdf, PDSignatureField field) {
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setPage(pdf.getPage(pageIndex(pdf)));
        widget.setPrinted(true);
        widget.setLocked(true);
        widget.getCOSObject().setNeedToBeUpdated(true);
    }

    private int pageIndex(PDDocument pdf) {
        int pages = pdf.getNumberOfPages();
        if (page == 0) {
            return pages - 1;
        }
        if (page > pages) {
            throw new InvalidInputException("visibleSignature.page", "must be a page of the PDF (1 to " + pages
                    + "), got " + page);
        }
        return page - 1;
    }

    private PDRectangle rectangle(PDPage target, int index) {
        PDRectangle box = target.getCropBox();
        if (rectangle == null) {
            float w = Math.min(220, box.getWidth());
            float h = Math.min(70, box.getHeight());
            float x = Math.max(box.getLowerLeftX(), box.getUpperRightX() - 36 - w);
            float y = Math.min(box.getLowerLeftY() + 36, box.getUpperRightY() - h);
            return new PDRectangle(x, y, w, h);
        }
        float x = rectangle[0];
        float y = rectangle[1];
        float w = rectangle[2];
        float h = rectangle[3];
        float eps = 0.01f;
        if (x < box.getLowerLeftX() - eps || y < box.getLowerLeftY() - eps || x + w > box.getUpperRightX() + eps
                || y + h > box.getUpperRightY() + eps) {
            throw new InvalidInputException("visibleSignature.rectangle", String.format(Locale.ROOT,
                    "must lie inside page %d, whose box is x %.1f to %.1f, y %.1f to %.1f; got x %.1f, y %.1f, "
                            + "width %.1f, height %.1f", index + 1, box.getLowerLeftX(), box.getUpperRightX(),
                    box.getLowerLeftY(), box.getUpperRightY(), x, y, w, h));
        }
        return new PDRectangle(x, y, w, h);
    }

    private byte[] template(PDRectangle mediaBox, PDRectangle rect, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage p = new PDPage(mediaBox);
            doc.addPage(p);
            PDAcroForm acroForm = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(acroForm);
            PDSignatureField field = new PDSignatureField(acroForm);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            acroForm.setSignaturesExist(true);
            acroForm.setAppendOnly(true);
            acroForm.getCOSObject().setDirect(true);
            acroForm.setFields(List.of(field));
            widget.setRectangle(rect);
            widget.setPrinted(true);

            PDFormXObject form = new PDFormXObject(new PDStream(doc));
            form.setResources(new PDResources());
            form.setFormType(1);
            form.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setDirect(true);
            PDAppearanceStream stream = new PDAppearanceStream(form.getCOSObject());
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);

            PDType0Font type0;
            try (InputStream in = new ByteArrayInputStream(font == null ? defaultFont() : font)) {
                type0 = PDType0Font.load(doc, in, true);
            }
            PDImageXObject img = null;
            if (image != null) {
                try {
                    img = PDImageXObject.createFromByteArray(doc, image, "image");
                } catch (IOException | RuntimeException e) {
                    throw new InvalidInputException("visibleSignature.image", "cannot be decoded as PNG or JPEG ("
                            + e.getMessage() + ")");
                }
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                draw(cs, type0, img, rect.getWidth(), rect.getHeight(), lines);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void draw(PDPageContentStream cs, PDType0Font type0, PDImageXObject img, float w, float h, List<String> lines)
            throws IOException {
        float pad = Math.min(4, Math.min(w, h) / 10);
        cs.setLineWidth(0.75f);
        cs.setStrokingColor(0.11f, 0.30f, 0.60f);
        cs.addRect(0.5f, 0.5f, w - 1, h - 1);
        cs.stroke();
        float textX = pad;
        if (img != null) {
            float boxW = w * 0.35f - pad;
            float boxH = h - 2 * pad;
            float scale = Math.min(boxW / img.getWidth(), boxH / img.getHeight());
            float iw = img.getWidth() * scale;
            float ih = img.getHeight() * scale;
            cs.drawImage(img, pad + (boxW - iw) / 2, (h - ih) / 2, iw, ih);
            textX = w * 0.35f + pad;
        }
        float textW = w - textX - pad;
        float textH = h - 2 * pad;
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, width(type0, line));
        }
        float size = maxFontSize;
        if (widest > 0) {
            size = Math.min(size, textW / widest);
        }
        size = Math.max(MIN_FONT_SIZE, Math.min(size, textH / (lines.size() * LEADING)));
        float leading = size * LEADING;
        float block = lines.size() * leading;
        float firstBaseline = h / 2 + block / 2 - size;
        cs.beginText();
        cs.setNonStrokingColor(0f, 0f, 0f);
        cs.setFont(type0, size);
        cs.setLeading(leading);
        cs.newLineAtOffset(textX, firstBaseline);
        for (String line : lines) {
            cs.showText(line);
            cs.newLine();
        }
        cs.endText();
    }

    /** The width of a line at size 1; a letter the font lacks is refused here, naming it. */
    private static float width(PDType0Font type0, String line) throws IOException {
        try {
            return type0.getStringWidth(line) / 1000f;
        } catch (IllegalArgumentException e) {
            int missing = line.codePoints().filter(cp -> !hasGlyph(type0, cp)).findFirst().orElse('?');
            throw new InvalidInputException("visibleSignature.font", String.format(Locale.ROOT,
                    "has no glyph for '%s' (U+%04X) in the line \"%s\"; give a font that has it with font(Path)",
                    new String(Character.toChars(missing)), missing, line));
        }
    }

    private static boolean hasGlyph(PDType0Font type0, int codePoint) {
        try {
            type0.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    static byte[] defaultFont() {
        byte[] f = defaultFont;
        if (f == null) {
            try (InputStream in = VisibleAppearance.class.getResourceAsStream(DEFAULT_FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the default font " + DEFAULT_FONT + " is missing from sdk-signing");
                }
                f = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaultFont = f;
        }
        return f;
    }
}
