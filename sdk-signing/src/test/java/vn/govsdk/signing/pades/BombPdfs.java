package vn.govsdk.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.govsdk.testkit.HostileInputs;

/** PDFs with a FlateDecode bomb, made with PDFBox from the testkit's {@link HostileInputs#flateBomb(int)}. */
final class BombPdfs {

    private BombPdfs() {
    }

    /**
     * Appends an incremental update that replaces the first page's content stream with a FlateDecode bomb.
     *
     * @param signedPdf a signed PDF
     * @param mebibytes the bomb's decoded size in MiB
     * @return the updated PDF
     */
    static byte[] withBombedPage(byte[] signedPdf, int mebibytes) {
        try (PDDocument doc = Loader.loadPDF(signedPdf)) {
            COSStream s = bomb(doc, mebibytes);
            doc.getPage(0).getCOSObject().setItem(COSName.CONTENTS, s);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /**
     * Appends an incremental update that adds a document security store whose one certificate stream is a
     * FlateDecode bomb.
     *
     * @param signedPdf a signed PDF
     * @param mebibytes the bomb's decoded size in MiB
     * @return the updated PDF
     */
    static byte[] withBombInDss(byte[] signedPdf, int mebibytes) {
        try (PDDocument doc = Loader.loadPDF(signedPdf)) {
            COSStream s = bomb(doc, mebibytes);
            org.apache.pdfbox.cos.COSDictionary dss = new org.apache.pdfbox.cos.COSDictionary();
            org.apache.pdfbox.cos.COSArray certs = new org.apache.pdfbox.cos.COSArray();
            certs.add(s);
            dss.setItem(COSName.getPDFName("Certs"), certs);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static COSStream bomb(PDDocument doc, int mebibytes) throws IOException {
        COSStream s = doc.getDocument().createCOSStream();
        try (OutputStream raw = s.createRawOutputStream()) {
            raw.write(HostileInputs.flateBomb(mebibytes));
        }
        s.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return s;
    }
}
