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

    /**
     * Appends a hand-written incremental update whose cross-reference stream is a FlateDecode bomb: a
     * parser decodes it before it reads any object.
     *
     * @param signedPdf a signed PDF
     * @param mebibytes the bomb's decoded size in MiB
     * @return the updated PDF
     */
    static byte[] withBombedXrefStream(byte[] signedPdf, int mebibytes) {
        try (PDDocument doc = Loader.loadPDF(signedPdf)) {
            var trailer = doc.getDocument().getTrailer();
            var root = ((org.apache.pdfbox.cos.COSObject) trailer.getItem(COSName.ROOT)).getKey();
            long size = trailer.getLong(COSName.SIZE);
            long prev = doc.getDocument().getStartXref();
            byte[] bomb = HostileInputs.flateBomb(mebibytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(signedPdf);
            long offset = out.size() + 1;
            String dict = "\n" + size + " 0 obj\n<< /Type /XRef /Size " + (size + 1) + " /W [1 4 2] /Index [" + size
                    + " 1] /Root " + root.getNumber() + " " + root.getGeneration() + " R /Prev " + prev
                    + " /Filter /FlateDecode /Length " + bomb.length + " >>\nstream\n";
            out.writeBytes(dict.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(bomb);
            out.writeBytes(("\nendstream\nendobj\nstartxref\n" + offset + "\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a hand-written update with an object stream that is a FlateDecode bomb and a plain
     * cross-reference stream that lists one object as compressed in it: the catalog itself when
     * {@code holdsCatalog} (a parser must decode the bomb to load the document), else a new object nothing
     * refers to.
     *
     * @param signedPdf a signed PDF
     * @param mebibytes the bomb's decoded size in MiB
     * @param holdsCatalog whether the catalog is said to be in the object stream
     * @return the updated PDF
     */
    static byte[] withBombedObjectStream(byte[] signedPdf, int mebibytes, boolean holdsCatalog) {
        try (PDDocument doc = Loader.loadPDF(signedPdf)) {
            var trailer = doc.getDocument().getTrailer();
            var root = ((org.apache.pdfbox.cos.COSObject) trailer.getItem(COSName.ROOT)).getKey();
            long size = trailer.getLong(COSName.SIZE);
            long prev = doc.getDocument().getStartXref();
            long objStm = size;
            long compressed = holdsCatalog ? root.getNumber() : size + 1;
            long xref = size + 2;
            byte[] bomb = HostileInputs.flateBomb(mebibytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(signedPdf);
            long objStmOffset = out.size() + 1;
            out.writeBytes(("\n" + objStm + " 0 obj\n<< /Type /ObjStm /N 1 /First 8 /Filter /FlateDecode /Length "
                    + bomb.length + " >>\nstream\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(bomb);
            out.writeBytes("\nendstream\nendobj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            long xrefOffset = out.size();
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            entry(entries, 1, objStmOffset, 0);
            entry(entries, 2, objStm, 0);
            entry(entries, 1, xrefOffset, 0);
            long[] index = {objStm, 1, compressed, 1, xref, 1};
            if (!holdsCatalog) {
                index = new long[] {objStm, 2, xref, 1};
            }
            StringBuilder ix = new StringBuilder();
            for (long v : index) {
                ix.append(v).append(' ');
            }
            out.writeBytes((xref + " 0 obj\n<< /Type /XRef /Size " + (xref + 1) + " /W [1 4 2] /Index [" + ix.toString().trim()
                    + "] /Root " + root.getNumber() + " " + root.getGeneration() + " R /Prev " + prev + " /Length "
                    + entries.size() + " >>\nstream\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(entries.toByteArray());
            out.writeBytes(("\nendstream\nendobj\nstartxref\n" + xrefOffset + "\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (field2 >> shift) & 0xFF);
        }
        out.write(field3 >> 8 & 0xFF);
        out.write(field3 & 0xFF);
    }
}
