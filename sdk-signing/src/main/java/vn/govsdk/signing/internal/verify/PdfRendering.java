package vn.govsdk.signing.internal.verify;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The optional visual comparison: the signed revision and the final document rendered with PDFBox page
 * by page (without annotations, which the object comparison judges), pixel for pixel. A defence in depth
 * behind the object comparison, for documents of few pages.
 */
final class PdfRendering {

    /** Resolution of the comparison: enough to show a changed word, cheap enough for a few pages. */
    private static final float DPI = 36;

    private PdfRendering() {
    }

    /**
     * Returns the first page that renders differently, described, or {@code null}.
     *
     * @param signed the signed revision
     * @param current the final document
     * @param budget the verification's budget (every stream a page reaches is measured before rendering)
     * @return the difference, or {@code null}
     * @throws IOException if a page cannot be rendered
     */
    static String firstDifference(PDDocument signed, PDDocument current, Budget budget) throws IOException {
        PDFRenderer a = renderer(signed);
        PDFRenderer b = renderer(current);
        for (int i = 0; i < Math.min(signed.getNumberOfPages(), current.getNumberOfPages()); i++) {
            budget.checkTime();
            measure(signed.getPage(i), budget);
            measure(current.getPage(i), budget);
            BufferedImage x = a.renderImageWithDPI(i, DPI, ImageType.RGB);
            BufferedImage y = b.renderImageWithDPI(i, DPI, ImageType.RGB);
            long differ = differing(x, y);
            if (differ != 0) {
                return "page " + (i + 1) + " renders differently from the signed revision (" + (differ < 0 ? "another size"
                        : differ + " pixels differ at " + (int) DPI + " dpi") + ", annotations left out)";
            }
        }
        return null;
    }

    private static PDFRenderer renderer(PDDocument doc) {
        PDFRenderer r = new PDFRenderer(doc);
        r.setAnnotationsFilter(annotation -> false);
        return r;
    }

    private static void measure(PDPage page, Budget budget) throws IOException {
        PdfStreams.measureAll(page.getCOSObject().getDictionaryObject(COSName.CONTENTS), budget);
        PdfStreams.measureAll(page.getResources() == null ? null : page.getResources().getCOSObject(), budget);
    }

    /** The number of pixels that differ, or -1 when the sizes differ. */
    private static long differing(BufferedImage x, BufferedImage y) {
        if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
            return -1;
        }
        long n = 0;
        int[] rx = new int[x.getWidth()];
        int[] ry = new int[y.getWidth()];
        for (int row = 0; row < x.getHeight(); row++) {
            x.getRGB(0, row, rx.length, 1, rx, 0, rx.length);
            y.getRGB(0, row, ry.length, 1, ry, 0, ry.length);
            for (int c = 0; c < rx.length; c++) {
                if (rx[c] != ry[c]) {
                    n++;
                }
            }
        }
        return n;
    }
}
