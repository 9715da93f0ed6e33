package vn.govsdk.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Generates small PDFs with Vietnamese text (the font PDFBox ships, Liberation Sans, has every Vietnamese letter). */
final class TestPdfs {

    private TestPdfs() {
    }

    static byte[] decision(int pages) {
        try (PDDocument doc = new PDDocument();
                InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                    cs.newLineAtOffset(0, -24);
                    cs.showText("Quyết định số 01/QĐ-UBND về việc cấp phép — trang " + i);
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
