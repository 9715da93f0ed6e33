package vn.govsdk.signing.internal.pades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
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
     * Saves the document (loaded from the source, with a signature added) as an incremental update
     * with a zero-filled {@code /Contents}, keeping only the update in memory.
     *
     * @param source the source the document was loaded from
     * @param pdf the document, with the signature added
     * @param byteRange supplies the signature's byte range once saved
     * @return the revision
     * @throws IOException if PDFBox cannot write the update
     */
    static IncrementalRevision save(PdfSource source, PDDocument pdf, java.util.function.Supplier<int[]> byteRange)
            throws IOException {
        TailCapture out = new TailCapture(source.length());
        ExternalSigningSupport external = pdf.saveIncrementalForExternalSigning(out);
        external.setSignature(new byte[0]);
        int[] r = byteRange.get();
        if (out.skipped != source.length() || r[1] < source.length() || r[2] + r[3] != source.length() + out.tail.size()) {
            throw new SigningException("PDFBox did not write the signature as an update appended to the PDF");
        }
        return new IncrementalRevision(source, out.tail.toByteArray(), r[1], r[2]);
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
        int gapInIncrement = (int) (gapStart - source.length());
        md.update(increment, 0, gapInIncrement);
        int afterGap = (int) (gapEnd - source.length());
        md.update(increment, afterGap, increment.length - afterGap);
        if (copied != source.length() || !MessageDigest.isEqual(md.digest(), expected)) {
            throw new IOException("the PDF changed after the signature was prepared");
        }
        byte[] patched = increment.clone();
        System.arraycopy(hex, 0, patched, gapInIncrement + 1, hex.length);
        out.write(patched);
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

    /**
     * Drops the copy of the original PDF that PDFBox writes first, and keeps the update. Not synchronized:
     * PDFBox writes the reserved {@code /Contents} one hexadecimal digit at a time, and a
     * {@code ByteArrayOutputStream} (whose every write takes a lock) made that most of the signing time.
     */
    private static final class TailCapture extends OutputStream {
        private final long skip;
        private long skipped;
        private final Tail tail = new Tail();

        TailCapture(long skip) {
            this.skip = skip;
        }

        @Override
        public void write(int b) {
            if (skipped < skip) {
                skipped++;
            } else {
                tail.add(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int drop = (int) Math.min(len, skip - skipped);
            skipped += drop;
            tail.add(b, off + drop, len - drop);
        }
    }

    /** A growable byte buffer without locks, for the single thread that saves one revision. */
    private static final class Tail {
        private byte[] bytes = new byte[128 * 1024];
        private int size;

        void add(int b) {
            if (size == bytes.length) {
                grow(1);
            }
            bytes[size++] = (byte) b;
        }

        void add(byte[] b, int off, int len) {
            if (len > bytes.length - size) {
                grow(len);
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void grow(int more) {
            long wanted = Math.max((long) size + more, 2L * bytes.length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new SigningException("the PDF update is larger than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
