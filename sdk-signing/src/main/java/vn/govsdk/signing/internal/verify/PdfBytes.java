package vn.govsdk.signing.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;
import vn.govsdk.signing.Document;

/**
 * The bytes of a PDF being verified: an array for documents in memory, or a file read at random
 * and by ranges, so that a large signed PDF is verified without being read into memory.
 */
abstract class PdfBytes {

    private PdfBytes() {
    }

    /**
     * Returns the bytes of a document: its file when it has one, otherwise its content in memory.
     *
     * @param document the PDF
     * @return the bytes
     * @throws IOException if the file cannot be read
     */
    static PdfBytes of(Document document) throws IOException {
        return of(document, Long.MAX_VALUE);
    }

    /**
     * Returns the bytes of a document, refusing one in memory or streamed beyond {@code max} bytes
     * before it is read whole.
     *
     * @param document the PDF
     * @param max the most bytes (VerificationLimits.maxPdfBytes)
     * @return the bytes
     * @throws IOException if the file cannot be read
     * @throws LimitExceededException beyond the limit
     */
    static PdfBytes of(Document document, long max) throws IOException {
        if (document.file().isPresent()) {
            Path f = document.file().get();
            return new FileBytes(f, Files.size(f));
        }
        if (document.size().isPresent()) {
            return new ArrayBytes(document.bytes());
        }
        try (InputStream in = document.openStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new LimitExceededException("maxPdfBytes", String.valueOf(max), "the PDF is larger than allowed");
            }
            return new ArrayBytes(b);
        }
    }

    /** The size in bytes. */
    abstract long length();

    /** A new random-access reader over the whole PDF; the caller (or the PDDocument loaded from it) closes it. */
    abstract RandomAccessRead open() throws IOException;

    /** A new stream over {@code length} bytes from {@code from}. */
    abstract InputStream range(long from, long length) throws IOException;

    /** A new random-access reader over the first {@code end} bytes: an earlier revision. */
    abstract RandomAccessRead revision(long end) throws IOException;

    /** The bytes a signature's two byte ranges cover, streamed from the PDF when opened, within the time budget. */
    Document signedRanges(String name, long length1, long offset2, long length2, Budget budget) {
        return Document.ofStream(name, Document.PDF,
                () -> budget.watch(new SequenceInputStream(range(0, length1), range(offset2, length2))));
    }

    private static final class ArrayBytes extends PdfBytes {
        private final byte[] b;

        ArrayBytes(byte[] b) {
            this.b = b;
        }

        @Override
        long length() {
            return b.length;
        }

        @Override
        RandomAccessRead open() {
            return new RandomAccessReadBuffer(b);
        }

        @Override
        InputStream range(long from, long length) {
            return new ByteArrayInputStream(b, (int) from, (int) length);
        }

        @Override
        RandomAccessRead revision(long end) {
            return new RandomAccessReadBuffer(java.util.Arrays.copyOf(b, (int) end));
        }
    }

    private static final class FileBytes extends PdfBytes {
        private final Path file;
        private final long length;

        FileBytes(Path file, long length) {
            this.file = file;
            this.length = length;
        }

        @Override
        long length() {
            return length;
        }

        @Override
        RandomAccessRead open() throws IOException {
            return new RandomAccessReadBufferedFile(file.toFile());
        }

        @Override
        InputStream range(long from, long count) throws IOException {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(from);
            return new java.io.BufferedInputStream(new Limited(Channels.newInputStream(ch), count), 64 * 1024);
        }

        @Override
        RandomAccessRead revision(long end) throws IOException {
            return new FilePrefix(FileChannel.open(file, StandardOpenOption.READ), end);
        }
    }

    /** The first bytes of a file, read at random through a 64 KB buffer. */
    private static final class FilePrefix implements RandomAccessRead {
        private final FileChannel ch;
        private final long length;
        private final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(64 * 1024);
        private long bufStart = -1;
        private int bufLen;
        private long pos;
        private boolean closed;

        FilePrefix(FileChannel ch, long length) {
            this.ch = ch;
            this.length = length;
        }

        private boolean fill() throws IOException {
            if (pos >= length) {
                return false;
            }
            if (bufStart < 0 || pos < bufStart || pos >= bufStart + bufLen) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), length - pos));
                bufStart = pos;
                bufLen = 0;
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos + buf.position());
                    if (n < 0) {
                        break;
                    }
                }
                bufLen = buf.position();
            }
            return bufLen > 0 && pos < bufStart + bufLen;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buf.get((int) (pos++ - bufStart)) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = (int) Math.min(len, bufStart + bufLen - pos);
            buf.get((int) (pos - bufStart), b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long getPosition() {
            return pos;
        }

        @Override
        public void seek(long position) throws IOException {
            if (position < 0) {
                throw new IOException("invalid position " + position);
            }
            pos = Math.min(position, length);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return pos >= length;
        }

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) {
            return new RandomAccessReadView(this, startPosition, streamLength);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            ch.close();
        }
    }

    /** Reads at most a given number of bytes. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = super.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
