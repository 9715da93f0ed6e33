package vn.govsdk.signing.internal.pades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import vn.govsdk.signing.Document;

/**
 * The PDF an incremental update is appended to, read at random without being held in memory: a
 * file is read through PDFBox's buffered file reader, bytes in memory are wrapped, and a streamed
 * document is first copied to a temporary file, deleted once nothing refers to this source any more.
 */
final class PdfSource {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 64 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long length;

    private PdfSource(byte[] bytes, Path file, long length) {
        this.bytes = bytes;
        this.file = file;
        this.length = length;
    }

    /**
     * Opens the source of a document.
     *
     * @param document the PDF
     * @return the source
     * @throws IOException if the document cannot be read or copied
     */
    static PdfSource of(Document document) throws IOException {
        if (document.isInMemory()) {
            byte[] b = document.bytes();
            return new PdfSource(b, null, b.length);
        }
        if (document.file().isPresent()) {
            Path f = document.file().get();
            return new PdfSource(null, f, Files.size(f));
        }
        Path tmp = Files.createTempFile("govsdk-pades-", ".pdf");
        try (InputStream in = document.openStream(); OutputStream out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        PdfSource source = new PdfSource(null, tmp, Files.size(tmp));
        CLEANER.register(source, new Delete(tmp));
        return source;
    }

    /**
     * Opens a new random-access reader over the PDF; the caller closes it.
     *
     * @return the reader
     * @throws IOException if the file cannot be opened
     */
    RandomAccessRead randomAccess() throws IOException {
        return bytes != null ? new RandomAccessReadBuffer(bytes) : new RandomAccessReadBufferedFile(file.toFile());
    }

    /**
     * Opens a new stream over the PDF; the caller closes it.
     *
     * @return the stream
     * @throws IOException if the file cannot be opened
     */
    InputStream openStream() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : new java.io.BufferedInputStream(Files.newInputStream(file), BUFFER);
    }

    /**
     * Returns the size of the PDF when it was opened.
     *
     * @return the size in bytes
     */
    long length() {
        return length;
    }

    /** Deletes a temporary copy; holds no reference to the source, so the source can become unreachable. */
    private record Delete(Path file) implements Runnable {
        @Override
        public void run() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
