package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import vn.govsdk.signing.DigestAlgorithm;

/**
 * Decodes PDF streams with their sizes bounded: each filter writes into an output that refuses the
 * byte past {@link vn.govsdk.signing.verify.VerificationLimits#maxDecodedStreamBytes()} and counts
 * against the PDF's total, so a FlateDecode bomb stops after the limit instead of filling the heap
 * (PDFBox's own {@code createInputStream} decodes a stream whole into memory first).
 */
final class PdfStreams {

    private PdfStreams() {
    }

    /**
     * Returns the SHA-256 of a stream's decoded data; the last filter's output is hashed as it is written.
     *
     * @param s the stream
     * @param budget the verification's budget
     * @return the digest
     * @throws IOException if the stream cannot be decoded
     */
    static byte[] digest(COSStream s, Budget budget) throws IOException {
        MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
        decode(s, budget, budget.limits().maxDecodedStreamBytes(), new OutputStream() {
            @Override
            public void write(int b) {
                md.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                md.update(b, off, len);
            }
        });
        return md.digest();
    }

    /**
     * Returns a stream's decoded data, at most {@code max} bytes (and the stream limit).
     *
     * @param s the stream
     * @param budget the verification's budget
     * @param max the most bytes wanted here
     * @return the data
     * @throws IOException if the stream cannot be decoded
     */
    static byte[] bytes(COSStream s, Budget budget, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decode(s, budget, Math.min(max, budget.limits().maxDecodedStreamBytes()), out);
        return out.toByteArray();
    }

    /**
     * Measures a stream: decodes it, discarding the data, so that its size is known to be within the
     * limits before a PDFBox component decodes it whole.
     *
     * @param s the stream
     * @param budget the verification's budget
     * @throws IOException if the stream cannot be decoded
     */
    static void measure(COSStream s, Budget budget) throws IOException {
        decode(s, budget, budget.limits().maxDecodedStreamBytes(), OutputStream.nullOutputStream());
    }

    /**
     * Measures every stream an object reaches (a page's content, its resources with their XObjects,
     * fonts and images, recursively), before a PDFBox component (text extraction, rendering) decodes
     * them whole.
     *
     * @param b the object
     * @param budget the verification's budget
     * @throws IOException if a stream cannot be decoded
     */
    static void measureAll(COSBase b, Budget budget) throws IOException {
        measureAll(b, budget, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void measureAll(COSBase b, Budget budget, java.util.Set<COSBase> seen) throws IOException {
        COSBase v = b instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : b;
        if (v == null || !seen.add(v)) {
            return;
        }
        if (v instanceof COSStream s) {
            measure(s, budget);
        }
        if (v instanceof org.apache.pdfbox.cos.COSDictionary d) {
            for (COSName k : d.keySet()) {
                if (!k.equals(COSName.PARENT) && !k.equals(COSName.P)) {
                    measureAll(d.getItem(k), budget, seen);
                }
            }
        } else if (v instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                measureAll(a.get(i), budget, seen);
            }
        }
    }

    private static void decode(COSStream s, Budget budget, long max, OutputStream sink) throws IOException {
        List<COSName> filters = filters(s);
        byte[] intermediate = null;
        for (int i = 0; i < filters.size(); i++) {
            boolean last = i == filters.size() - 1;
            Filter f = FilterFactory.INSTANCE.getFilter(filters.get(i));
            ByteArrayOutputStream buffer = last ? null : new ByteArrayOutputStream();
            Bounded out = new Bounded(last ? sink : buffer, max, budget);
            try (InputStream in = intermediate == null ? s.createRawInputStream() : new ByteArrayInputStream(intermediate)) {
                f.decode(in, out, s, i); // a filter reads its /DecodeParms at this index from the stream dictionary
            }
            out.flush();
            intermediate = last ? null : buffer.toByteArray();
        }
        if (filters.isEmpty()) {
            Bounded out = new Bounded(sink, max, budget);
            try (InputStream in = s.createRawInputStream()) {
                in.transferTo(out);
            }
        }
    }

    private static List<COSName> filters(COSStream s) {
        List<COSName> out = new ArrayList<>();
        COSBase f = s.getDictionaryObject(COSName.FILTER, COSName.F);
        if (f instanceof COSName n) {
            out.add(n);
        } else if (f instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSName n) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** An output that refuses the byte past a limit and counts every byte against the budget. */
    private static final class Bounded extends OutputStream {
        private final OutputStream out;
        private final long max;
        private final Budget budget;
        private long n;

        Bounded(OutputStream out, long max, Budget budget) {
            this.out = out;
            this.max = max;
            this.budget = budget;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int len) {
            n += len;
            if (n > max) {
                throw new LimitExceededException("maxDecodedStreamBytes", String.valueOf(max),
                        "a stream of the PDF decodes to more bytes than allowed");
            }
            budget.decoded(len);
            if ((n & 0xFFFFF) < len) {
                budget.checkTime();
            }
        }
    }
}
