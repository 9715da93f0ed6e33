package vn.govsdk.signing.internal.pades;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningException;

/**
 * A signed revision kept as the original PDF (read again from its source when written) plus the
 * incremental update PDFBox appended, which is small: the signature dictionary, the field, the
 * widget and its appearance, and a cross-reference section. The byte ranges are hashed and the
 * output written by streaming the source, so a large PDF is never held in memory; the
 * {@code /Contents} placeholder is patched as the update is written.
 */
final class IncrementalRevision {

    private static final int BUFFER = 64 * 1024;

    private final PdfSource source;
    private final byte[] increment;
    private final int gapStart;
    private final int gapEnd;

    private IncrementalRevision(PdfSource source, byte[] increment, int gapStart, int gapEnd) {
        this.source = source;
        this.increment = increment;
        this.gapStart = gapStart;
        this.gapEnd = gapEnd;
    }

    /**
     * The {@code /Contents} placeholder PDFBox is asked to write, in bytes. PDFBox writes a placeholder
     * one hexadecimal digit at a time (about 40 microseconds a kilobyte, most of the cost of a B-B
     * signature of a small PDF), so it writes one byte and {@link #save} widens the gap to the reserve.
     */
    static final int PDFBOX_PLACEHOLDER = 1;

    private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XREF = "\nxref".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STARTXREF = "startxref".getBytes(StandardCharsets.US_ASCII);

    /**
     * Saves the document (loaded from the source, with a signature added whose options asked for a
     * {@link #PDFBOX_PLACEHOLDER}-byte {@code /Contents}) as an incremental update, then widens the
     * placeholder to {@code reserved} zero bytes, moving what follows it: the byte range is rewritten in
     * its padded slot, the offsets of the classic cross-reference section and {@code startxref} are
     * moved by the same amount. Only the update is kept in memory.
     *
     * @param source the source the document was loaded from
     * @param pdf the document, with the signature added
     * @param byteRange supplies the signature's byte range once saved
     * @param reserved the bytes to reserve for the CMS
     * @return the revision
     * @throws IOException if PDFBox cannot write the update
     */
    static IncrementalRevision save(PdfSource source, PDDocument pdf, java.util.function.Supplier<int[]> byteRange,
            int reserved) throws IOException {
        TailCapture out = new TailCapture(source.length());
        ExternalSigningSupport external = pdf.saveIncrementalForExternalSigning(out);
        external.setSignature(new byte[0]);
        int[] r = byteRange.get();
        long base = source.length();
        if (out.skipped != base || r[1] < base || r[2] + r[3] != base + out.tail.size()) {
            throw new SigningException("PDFBox did not write the signature as an update appended to the PDF");
        }
        byte[] small = out.tail.toByteArray();
        int open = (int) (r[1] - base);
        int close = (int) (r[2] - base) - 1;
        if (small[open] != '<' || small[close] != '>' || close - open - 1 != 2 * PDFBOX_PLACEHOLDER) {
            throw new SigningException("PDFBox did not write the /Contents placeholder where its byte range says");
        }
        int delta = 2 * reserved - 2 * PDFBOX_PLACEHOLDER;
        byte[] tail = widen(small, open, close, delta);
        long gapStart = base + open;
        long gapEnd = gapStart + 2L * reserved + 2;
        // startxref may gain a digit, so the length is known only once the cross-references are moved.
        tail = moveCrossReferences(tail, base, open, delta);
        rewriteByteRange(tail, open, close + delta, gapStart, gapEnd, base + tail.length - gapEnd);
        return new IncrementalRevision(source, tail, (int) gapStart, (int) gapEnd);
    }

    private static byte[] widen(byte[] small, int open, int close, int delta) {
        byte[] tail = new byte[small.length + delta];
        System.arraycopy(small, 0, tail, 0, open + 1);
        Arrays.fill(tail, open + 1, close + delta, (byte) '0');
        System.arraycopy(small, close, tail, close + delta, small.length - close);
        return tail;
    }

    /**
     * Writes the real byte range into the signature dictionary's padded {@code /ByteRange [...]} slot,
     * which PDFBox writes next to {@code /Contents} (after it, in the versions we use).
     */
    private static void rewriteByteRange(byte[] tail, int contentsOpen, int contentsClose, long gapStart, long gapEnd,
            long rest) {
        int key = indexOf(tail, BYTE_RANGE, contentsClose);
        if (key < 0 || key - contentsClose > 256) {
            key = lastIndexOf(tail, BYTE_RANGE, contentsOpen);
            if (key < 0 || contentsOpen - key > 256) {
                throw new SigningException("PDFBox wrote no /ByteRange beside the signature's /Contents");
            }
        }
        // PDFBox writes "[0 a b c]" followed by the spaces left of its placeholder for four 10-digit numbers.
        int from = indexOf(tail, (byte) '[', key);
        int to = indexOf(tail, (byte) ']', from);
        int slotEnd = to + 1;
        while (slotEnd < tail.length && tail[slotEnd] == ' ') {
            slotEnd++;
        }
        byte[] value = ("[0 " + gapStart + " " + gapEnd + " " + rest + "]").getBytes(StandardCharsets.US_ASCII);
        if (from < 0 || to < 0 || to - key > 128 || value.length > slotEnd - from) {
            throw new SigningException("the /ByteRange slot PDFBox wrote is too small for the widened signature");
        }
        Arrays.fill(tail, from, slotEnd, (byte) ' ');
        System.arraycopy(value, 0, tail, from, value.length);
    }

    /**
     * Moves by {@code delta} every in-use offset of the update's cross-reference table that points
     * after the placeholder, and {@code startxref}.
     */
    private static byte[] moveCrossReferences(byte[] tail, long base, int contentsOpen, int delta) {
        int xref = lastIndexOf(tail, XREF, tail.length) + 1;
        int startxref = lastIndexOf(tail, STARTXREF, tail.length);
        if (xref <= contentsOpen || startxref < xref) {
            throw new SigningException("PDFBox wrote no classic cross-reference section after the signature");
        }
        long limit = base + contentsOpen;
        int p = skipLine(tail, xref);
        while (p < startxref && tail[p] >= '0' && tail[p] <= '9') {
            int lineEnd = skipLine(tail, p);
            String[] header = new String(tail, p, lineEnd - p, StandardCharsets.US_ASCII).trim().split(" ");
            if (header.length != 2) {
                break;
            }
            int count = Integer.parseInt(header[1]);
            p = lineEnd;
            for (int i = 0; i < count; i++) {
                if (tail[p + 17] == 'n') {
                    long offset = Long.parseLong(new String(tail, p, 10, StandardCharsets.US_ASCII));
                    if (offset > limit) {
                        byte[] moved = String.format(java.util.Locale.ROOT, "%010d", offset + delta)
                                .getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(moved, 0, tail, p, 10);
                    }
                }
                p += 20;
            }
        }
        int number = startxref + STARTXREF.length;
        while (tail[number] == '\r' || tail[number] == '\n' || tail[number] == ' ') {
            number++;
        }
        int numberEnd = number;
        while (tail[numberEnd] >= '0' && tail[numberEnd] <= '9') {
            numberEnd++;
        }
        long old = Long.parseLong(new String(tail, number, numberEnd - number, StandardCharsets.US_ASCII));
        if (old != base + xref - delta) {
            throw new SigningException("PDFBox's startxref does not point at its cross-reference section");
        }
        byte[] moved = Long.toString(old + delta).getBytes(StandardCharsets.US_ASCII);
        byte[] result = new byte[tail.length - (numberEnd - number) + moved.length];
        System.arraycopy(tail, 0, result, 0, number);
        System.arraycopy(moved, 0, result, number, moved.length);
        System.arraycopy(tail, numberEnd, result, number + moved.length, tail.length - numberEnd);
        return result;
    }

    private static int skipLine(byte[] b, int p) {
        while (p < b.length && b[p] != '\n' && b[p] != '\r') {
            p++;
        }
        while (p < b.length && (b[p] == '\n' || b[p] == '\r')) {
            p++;
        }
        return p;
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        for (int i = Math.max(0, from); i <= b.length - what.length; i++) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = Math.max(0, from); i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte[] what, int before) {
        for (int i = Math.min(before, b.length) - what.length; i >= 0; i--) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the bytes the signature covers (all but {@code /Contents}) as a stream, read from the
     * source again each time it is opened.
     *
     * @param name the document's name
     * @return the content to hash
     */
    Document signedContent(String name) {
        byte[] rest = signedIncrement();
        return Document.ofStream(name, Document.PDF,
                () -> new SequenceInputStream(source.openStream(), new ByteArrayInputStream(rest)));
    }

    /**
     * Returns the offset of the first hexadecimal digit of {@code /Contents}.
     *
     * @return the offset in the output
     */
    long contentsOffset() {
        return gapStart + 1L;
    }

    /**
     * Returns the bytes reserved for the CMS: the gap between the byte ranges less its brackets, halved
     * (each byte is two hexadecimal digits).
     *
     * @return the reserved size in bytes
     */
    int reserved() {
        return (gapEnd - gapStart - 2) / 2;
    }

    /**
     * Returns the size of the signed PDF.
     *
     * @return the size in bytes
     */
    long length() {
        return source.length() + increment.length;
    }

    /**
     * Writes the signed PDF: the source copied, then the update with the hexadecimal CMS in place of
     * the zeros. The signed bytes are hashed on the way and compared with the digest the signature
     * was made over, so a source file changed since {@code prepare} is refused.
     *
     * @param out where to write; not closed
     * @param hex the CMS in upper-case hexadecimal, at most as long as the placeholder
     * @param digest the content digest algorithm
     * @param expected the digest of the signed bytes computed at {@code prepare}
     * @throws IOException if writing fails or the source changed
     */
    void writeTo(OutputStream out, byte[] hex, DigestAlgorithm digest, byte[] expected) throws IOException {
        int gapInIncrement = (int) (gapStart - source.length());
        byte[] inMemory = source.bytesInMemory();
        if (inMemory != null) {
            // A private copy taken before hashing: it cannot have changed, so no second pass.
            out.write(inMemory);
            writePatched(out, hex, gapInIncrement);
            return;
        }
        MessageDigest md = digest.newMessageDigest();
        long copied = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = source.openStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                md.update(buf, 0, n);
                copied += n;
            }
        }
        md.update(increment, 0, gapInIncrement);
        int afterGap = (int) (gapEnd - source.length());
        md.update(increment, afterGap, increment.length - afterGap);
        if (copied != source.length() || !MessageDigest.isEqual(md.digest(), expected)) {
            throw new IOException("the PDF changed after the signature was prepared");
        }
        writePatched(out, hex, gapInIncrement);
    }

    private void writePatched(OutputStream out, byte[] hex, int gapInIncrement) throws IOException {
        out.write(increment, 0, gapInIncrement + 1);
        out.write(hex);
        out.write(increment, gapInIncrement + 1 + hex.length, increment.length - gapInIncrement - 1 - hex.length);
    }

    /**
     * Returns the signed PDF for random reading (what the B-LT DSS update is computed from): the source,
     * then the update with the hexadecimal CMS in place of the zeros. Only the update is in memory.
     *
     * @param hex the CMS in upper-case hexadecimal, at most as long as the placeholder
     * @return the signed PDF; the caller closes it
     * @throws SigningException if the source cannot be opened
     */
    org.apache.pdfbox.io.RandomAccessRead signedRandomAccess(byte[] hex) {
        byte[] patched = increment.clone();
        System.arraycopy(hex, 0, patched, (int) (gapStart - source.length()) + 1, hex.length);
        try {
            return new org.apache.pdfbox.io.SequenceRandomAccessRead(List.of(source.randomAccess(),
                    new org.apache.pdfbox.io.RandomAccessReadBuffer(patched))) {
                @Override
                public org.apache.pdfbox.io.RandomAccessReadView createView(long startPosition, long streamLength) {
                    // PDFBox's sequence offers no views; the parser needs them for streams (as the buffer's do).
                    return new org.apache.pdfbox.io.RandomAccessReadView(this, startPosition, streamLength);
                }
            };
        } catch (IOException e) {
            throw new SigningException("the PDF cannot be read again to add its validation data: " + e.getMessage(), e);
        }
    }

    private byte[] signedIncrement() {
        int gapInIncrement = (int) (gapStart - source.length());
        int afterGap = (int) (gapEnd - source.length());
        byte[] rest = Arrays.copyOf(increment, gapInIncrement + increment.length - afterGap);
        System.arraycopy(increment, afterGap, rest, gapInIncrement, increment.length - afterGap);
        return rest;
    }

    /** Drops the copy of the original PDF that PDFBox writes first, and keeps the update. */
    private static final class TailCapture extends OutputStream {
        private final long skip;
        private long skipped;
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream(64 * 1024);

        TailCapture(long skip) {
            this.skip = skip;
        }

        @Override
        public void write(int b) {
            if (skipped < skip) {
                skipped++;
            } else {
                tail.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int drop = (int) Math.min(len, skip - skipped);
            skipped += drop;
            tail.write(b, off + drop, len - drop);
        }
    }
}
