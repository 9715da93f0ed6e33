package vn.govsdk.signing.internal.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.govsdk.signing.SigningException;
import vn.govsdk.signing.ValidationData;
import vn.govsdk.signing.internal.Certs;

/**
 * Adds validation data to a signed PDF as the document security store of PAdES B-LT (ETSI EN 319 142-1,
 * 5.4): an incremental update after the signature puts the certificates, OCSP responses and CRLs in the
 * catalog's {@code /DSS} ({@code /Certs}, {@code /OCSPs}, {@code /CRLs}, arrays of streams) and records
 * which of them belong to the signature in a {@code /VRI} entry keyed by the upper-case hexadecimal
 * SHA-1 of the signature's {@code /Contents}. A DSS the PDF already holds is extended: its streams are
 * kept, the same value is never stored twice, and earlier VRI entries stay.
 */
public final class DssWriter {

    /** {@code /DSS} in the catalog. */
    public static final COSName DSS = COSName.getPDFName("DSS");
    /** {@code /Certs} in the DSS. */
    public static final COSName CERTS = COSName.getPDFName("Certs");
    /** {@code /OCSPs} in the DSS. */
    public static final COSName OCSPS = COSName.getPDFName("OCSPs");
    /** {@code /CRLs} in the DSS. */
    public static final COSName CRLS = COSName.getPDFName("CRLs");
    /** {@code /VRI} in the DSS. */
    public static final COSName VRI = COSName.getPDFName("VRI");
    /** {@code /Cert} in a VRI entry. */
    public static final COSName VRI_CERT = COSName.getPDFName("Cert");
    /** {@code /OCSP} in a VRI entry. */
    public static final COSName VRI_OCSP = COSName.getPDFName("OCSP");
    /** {@code /CRL} in a VRI entry. */
    public static final COSName VRI_CRL = COSName.getPDFName("CRL");

    private DssWriter() {
    }

    /**
     * Returns the key of a signature's VRI entry.
     *
     * @param contents the bytes of the signature's {@code /Contents} string (the CMS and its zero padding)
     * @return the upper-case hexadecimal SHA-1 of those bytes
     */
    public static String vriKey(byte[] contents) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(contents));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from the JDK", e);
        }
    }

    /**
     * Appends the DSS update to a signed PDF.
     *
     * @param signedPdf the PDF, its last revision holding the signature
     * @param contents the bytes of the signature's {@code /Contents} string
     * @param data the validation data of the signature (signer's and timestamp authority's chains)
     * @param name the document's name, for messages
     * @return the PDF with one more revision
     * @throws SigningException if the PDF cannot be read or updated
     */
    public static byte[] append(byte[] signedPdf, byte[] contents, ValidationData data, String name) {
        byte[] update = update(new RandomAccessReadBuffer(signedPdf), contents, data, name);
        byte[] out = java.util.Arrays.copyOf(signedPdf, signedPdf.length + update.length);
        System.arraycopy(update, 0, out, signedPdf.length, update.length);
        return out;
    }

    /**
     * Returns only the incremental update that adds the DSS, to be written after the signed PDF's bytes.
     * The PDF is read at random (through its cross-reference table) and never copied: a large file can be
     * given as a file or a sequence of parts ({@code SequenceRandomAccessRead}).
     *
     * @param signedPdf the PDF, its last revision holding the signature; closed when done
     * @param contents the bytes of the signature's {@code /Contents} string
     * @param data the validation data of the signature (signer's and timestamp authority's chains)
     * @param name the document's name, for messages
     * @return the bytes to append
     * @throws SigningException if the PDF cannot be read or updated
     */
    public static byte[] update(RandomAccessRead signedPdf, byte[] contents, ValidationData data, String name) {
        SkipOutputStream out;
        try {
            out = new SkipOutputStream(signedPdf.length());
        } catch (IOException e) {
            throw new SigningException("the signed PDF " + name + " cannot be read: " + e.getMessage(), e);
        }
        try (PDDocument pdf = Loader.loadPDF(signedPdf)) {
            COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(DSS);
            if (dss == null) {
                dss = new COSDictionary();
                dss.setItem(COSName.TYPE, DSS);
                catalog.setItem(DSS, dss);
            }
            List<COSBase> certs = new ArrayList<>();
            for (X509Certificate c : data.certificates()) {
                certs.add(stream(pdf, dss, CERTS, Certs.encoded(c)));
            }
            List<COSBase> ocsps = new ArrayList<>();
            for (byte[] o : data.ocspResponses()) {
                ocsps.add(stream(pdf, dss, OCSPS, o));
            }
            List<COSBase> crls = new ArrayList<>();
            for (byte[] c : data.crls()) {
                crls.add(stream(pdf, dss, CRLS, c));
            }
            COSDictionary vri = dss.getCOSDictionary(VRI);
            if (vri == null) {
                vri = new COSDictionary();
                dss.setItem(VRI, vri);
            }
            COSDictionary entry = new COSDictionary();
            entry.setItem(VRI_CERT, refs(certs));
            entry.setItem(VRI_OCSP, refs(ocsps));
            entry.setItem(VRI_CRL, refs(crls));
            vri.setItem(COSName.getPDFName(vriKey(contents)), entry);
            catalog.setNeedToBeUpdated(true);
            dss.setNeedToBeUpdated(true);
            vri.setNeedToBeUpdated(true);
            entry.setNeedToBeUpdated(true);
            for (COSName key : List.of(CERTS, OCSPS, CRLS)) {
                if (dss.getCOSArray(key) != null) {
                    dss.getCOSArray(key).setNeedToBeUpdated(true);
                }
            }
            // A classic cross-reference table like the signature's revision (qpdf checks its /Size).
            pdf.getDocument().setIsXRefStream(false);
            pdf.saveIncremental(out);
            return out.kept();
        } catch (IOException e) {
            throw new SigningException("the validation data (DSS) cannot be added to the PDF " + name + ": "
                    + e.getMessage(), e);
        }
    }

    /** Drops the first bytes written (PDFBox copies the original before the update) and keeps the rest. */
    private static final class SkipOutputStream extends OutputStream {
        private long skip;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream(16 * 1024);

        SkipOutputStream(long skip) {
            this.skip = skip;
        }

        @Override
        public void write(int b) {
            if (skip > 0) {
                skip--;
            } else {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int dropped = (int) Math.min(skip, len);
            skip -= dropped;
            kept.write(b, off + dropped, len - dropped);
        }

        byte[] kept() throws IOException {
            if (skip > 0) {
                throw new IOException("the update was shorter than the PDF it extends");
            }
            return kept.toByteArray();
        }
    }

    /**
     * Returns the stream holding {@code value} in the DSS array {@code key}, adding one if none holds it. An
     * existing stream is returned as the reference the array holds, so the update refers to it without
     * writing it again.
     */
    private static COSBase stream(PDDocument pdf, COSDictionary dss, COSName key, byte[] value) throws IOException {
        COSArray array = dss.getCOSArray(key);
        if (array == null) {
            array = new COSArray();
            dss.setItem(key, array);
        }
        COSBase found = existing(array).get(ByteBuffer.wrap(value));
        if (found != null) {
            return found;
        }
        COSStream s = pdf.getDocument().createCOSStream();
        try (OutputStream o = s.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(value);
        }
        s.setNeedToBeUpdated(true);
        array.add(s);
        array.setNeedToBeUpdated(true);
        return s;
    }

    private static Map<ByteBuffer, COSBase> existing(COSArray array) throws IOException {
        Map<ByteBuffer, COSBase> out = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getObject(i) instanceof COSStream s) {
                try (InputStream in = s.createInputStream()) {
                    out.putIfAbsent(ByteBuffer.wrap(in.readAllBytes()), array.get(i));
                }
            }
        }
        return out;
    }

    private static COSArray refs(List<COSBase> streams) {
        COSArray a = new COSArray();
        java.util.Set<COSBase> added = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (COSBase s : streams) {
            if (added.add(s)) {
                a.add(s);
            }
        }
        a.setNeedToBeUpdated(true);
        return a;
    }
}
