package vn.govsdk.testkit.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic PDF documents of any size by streaming, for signing and verification tests and
 * benchmarks: A4 pages, each with a line of text in Helvetica and an uncompressed content stream
 * padded with comment lines to the size asked for. A 100 MB document is written in constant memory.
 * The output is a plain PDF 1.7 file with a classic cross-reference table that qpdf and poppler accept.
 */
public final class SyntheticPdf {

    private SyntheticPdf() {
    }

    /**
     * Writes a PDF to a file.
     *
     * @param file the file to write (replaced)
     * @param pages the number of pages, at least 1
     * @param bytesPerPage the approximate size of each page's content stream, at least 100
     * @return the size of the file in bytes
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if a count is out of range
     */
    public static long write(Path file, int pages, int bytesPerPage) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(out, pages, bytesPerPage);
        }
    }

    /**
     * Writes a PDF to a stream, which is not closed.
     *
     * @param target where to write
     * @param pages the number of pages, at least 1
     * @param bytesPerPage the approximate size of each page's content stream, at least 100
     * @return the number of bytes written
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a count is out of range
     */
    public static long write(OutputStream target, int pages, int bytesPerPage) throws IOException {
        if (pages < 1 || bytesPerPage < 100) {
            throw new IllegalArgumentException("pages must be at least 1 and bytesPerPage at least 100");
        }
        Counting out = new Counting(new BufferedOutputStream(target, 64 * 1024));
        List<Long> offsets = new ArrayList<>();
        out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int objects = 1 + 3 + 2 * pages; // entries of the cross-reference table, object 0 included
        offsets.add(out.count);
        out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(out.count);
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(4 + 2 * i).append(" 0 R ");
        }
        out.ascii("2 0 obj\n<< /Type /Pages /Count " + pages + " /Kids [ " + kids + "] >>\nendobj\n");
        offsets.add(out.count);
        out.ascii("3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
        byte[] filler = "% synthetic filler line of a large test document, not real data\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < pages; i++) {
            int page = 4 + 2 * i;
            offsets.add(out.count);
            out.ascii(page + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                    + (page + 1) + " 0 R >>\nendobj\n");
            byte[] text = ("BT /F1 14 Tf 72 780 Td (Tai lieu thu nghiem - trang " + (i + 1) + " / " + pages + ") Tj ET\n")
                    .getBytes(StandardCharsets.US_ASCII);
            int lines = Math.max(0, (bytesPerPage - text.length) / filler.length);
            long length = text.length + (long) lines * filler.length;
            offsets.add(out.count);
            out.ascii((page + 1) + " 0 obj\n<< /Length " + length + " >>\nstream\n");
            out.write(text);
            for (int l = 0; l < lines; l++) {
                out.write(filler);
            }
            out.ascii("\nendstream\nendobj\n");
        }
        long xref = out.count;
        out.ascii("xref\n0 " + objects + "\n0000000000 65535 f \n");
        for (long o : offsets) {
            out.ascii(String.format("%010d 00000 n \n", o));
        }
        out.ascii("trailer\n<< /Size " + objects + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        out.flush();
        return out.count;
    }

    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
