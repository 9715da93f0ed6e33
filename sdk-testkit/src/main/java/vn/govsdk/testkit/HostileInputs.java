package vn.govsdk.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Inputs made to exhaust a verifier or a parser, for tests of their limits: a zlib (FlateDecode) bomb,
 * deeply nested XML, huge sparse files. Each is made in milliseconds and takes no disk space to speak of.
 */
public final class HostileInputs {

    private HostileInputs() {
    }

    /**
     * A zlib stream of {@code mebibytes} MiB of zeros, about 1 KB per MiB: the same fully flushed block
     * repeated, so that a 3 GiB bomb is written in milliseconds.
     *
     * @param mebibytes the decoded size in MiB
     * @return the zlib bytes
     */
    public static byte[] flateBomb(int mebibytes) {
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x9C);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(zeros);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) {
            block.write(buf, 0, n);
        }
        byte[] one = block.toByteArray();
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(one);
        }
        d.setInput(new byte[0]);
        d.finish();
        while ((n = d.deflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        d.end();
        // The Adler-32 of the decoded data is not computed (a bomb need not be honest); a decoder stops earlier.
        out.writeBytes(new byte[] {0, 0, 0, 1});
        return out.toByteArray();
    }

    /**
     * XML nested {@code depth} elements deep.
     *
     * @param depth the depth
     * @return the document
     */
    public static byte[] deepXml(int depth) {
        StringBuilder s = new StringBuilder(depth * 7 + 64).append("<?xml version=\"1.0\"?>");
        s.append("<a>".repeat(depth)).append("x").append("</a>".repeat(depth));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A sparse file of {@code size} bytes beginning with {@code head}: gigabytes that take no disk.
     *
     * @param file the file
     * @param head the first bytes
     * @param size the size
     * @return the file
     */
    public static Path sparse(Path file, byte[] head, long size) {
        try {
            Files.write(file, head);
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(size);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
