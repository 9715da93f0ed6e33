package vn.govsdk.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import vn.govsdk.core.InvalidInputException;

/**
 * A document to sign or verify: bytes in memory, a file, or a stream that can be opened on demand.
 * It carries a name (used as the reference of a detached XAdES signature and in file names) and a
 * media type (recorded in XAdES {@code DataObjectFormat}).
 *
 * <p>Files and streams are read as they are needed, never held whole in memory by formats that can
 * stream (detached CAdES hashes a multi-gigabyte file in constant memory). A stream source may be
 * opened more than once by formats that need two passes. Immutable and thread-safe as long as the
 * file or stream source is.
 */
public final class Document {

    /** Opens the content of a streamed document; each call returns a new stream positioned at the start. */
    @FunctionalInterface
    public interface StreamSource {
        /**
         * Opens a new stream over the whole content.
         *
         * @return a new input stream; the caller closes it
         * @throws IOException if the content cannot be opened
         */
        InputStream open() throws IOException;
    }

    /** The media type of XML documents. */
    public static final String XML = "application/xml";
    /** The media type of JSON documents. */
    public static final String JSON = "application/json";
    /** The media type of PDF documents. */
    public static final String PDF = "application/pdf";
    /** The media type of arbitrary bytes. */
    public static final String OCTET_STREAM = "application/octet-stream";

    /** The largest document read whole into memory: 2 GiB less a little, Java's array limit. */
    private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 16L;

    private final byte[] bytes;
    private final Path file;
    private final StreamSource source;
    private final String name;
    private final String mediaType;
    private final long size;

    private Document(byte[] bytes, Path file, StreamSource source, String name, String mediaType, long size) {
        this.bytes = bytes;
        this.file = file;
        this.source = source;
        this.name = name;
        this.mediaType = mediaType;
        this.size = size;
    }

    /**
     * Wraps bytes in memory, named {@code document} with a media type guessed from the content
     * (XML, JSON, PDF, otherwise {@code application/octet-stream}). The array is copied.
     *
     * @param bytes the content
     * @return the document
     * @throws InvalidInputException if {@code bytes} is null
     */
    public static Document of(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return of(bytes, "document", sniff(bytes));
    }

    /**
     * Wraps bytes in memory with a name and media type. The array is copied.
     *
     * @param bytes the content
     * @param name the document's name, for example {@code hoso-001.xml}
     * @param mediaType the media type, for example {@code application/xml}
     * @return the document
     * @throws InvalidInputException if an argument is null or blank
     */
    public static Document of(byte[] bytes, String name, String mediaType) {
        if (bytes == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        return new Document(bytes.clone(), null, null, checkName(name), checkMediaType(mediaType), bytes.length);
    }

    /**
     * Wraps a UTF-8 string, for example a small XML or JSON document.
     *
     * @param text the content, encoded as UTF-8
     * @param name the document's name
     * @param mediaType the media type
     * @return the document
     */
    public static Document ofText(String text, String name, String mediaType) {
        if (text == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new Document(b, null, null, checkName(name), checkMediaType(mediaType), b.length);
    }

    /**
     * Refers to a file, named after it, with a media type guessed from its extension
     * ({@code .xml}, {@code .json}, {@code .pdf}, {@code .txt}; otherwise {@code application/octet-stream}).
     * The file is read when needed.
     *
     * @param file the file
     * @return the document
     * @throws InvalidInputException if the file does not exist or is not a readable regular file
     */
    public static Document of(Path file) {
        if (file == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        Path name = file.getFileName();
        return of(file, guessFromName(name == null ? "" : name.toString()));
    }

    /**
     * Refers to a file with the given media type. The file is read when needed.
     *
     * @param file the file
     * @param mediaType the media type
     * @return the document
     * @throws InvalidInputException if the file does not exist or is not a readable regular file
     */
    public static Document of(Path file, String mediaType) {
        if (file == null) {
            throw new InvalidInputException("document", "must not be null");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("document", "file " + file + " does not exist or is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("document", "file " + file + " cannot be read");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException("document", "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Path fn = file.getFileName();
        return new Document(null, file, null, checkName(fn == null ? "document" : fn.toString()),
                checkMediaType(mediaType), size);
    }

    /**
     * Refers to content produced on demand, for example a download or a generated stream; it is
     * never held whole in memory by formats that can stream.
     *
     * @param name the document's name
     * @param mediaType the media type
     * @param source opens the content; may be called more than once
     * @return the document
     */
    public static Document ofStream(String name, String mediaType, StreamSource source) {
        if (source == null) {
            throw new InvalidInputException("source", "must not be null");
        }
        return new Document(null, null, source, checkName(name), checkMediaType(mediaType), -1);
    }

    /**
     * Returns a copy of this document with another name.
     *
     * @param newName the name
     * @return the renamed document
     */
    public Document withName(String newName) {
        return new Document(bytes, file, source, checkName(newName), mediaType, size);
    }

    /**
     * Returns a copy of this document with another media type.
     *
     * @param newMediaType the media type
     * @return the document
     */
    public Document withMediaType(String newMediaType) {
        return new Document(bytes, file, source, name, checkMediaType(newMediaType), size);
    }

    /**
     * Returns the document's name.
     *
     * @return the name, for example a file name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the media type.
     *
     * @return for example {@code application/xml}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Returns the size in bytes, when known without reading (always for bytes and files).
     *
     * @return the size, or empty for a stream
     */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * Returns the file this document refers to, for formats that read it at random (a PDF is read
     * through its cross-reference table rather than whole).
     *
     * @return the file, or empty for documents in memory or streamed
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Tells whether the content is held in memory.
     *
     * @return {@code true} for documents made from bytes or text
     */
    public boolean isInMemory() {
        return bytes != null;
    }

    /**
     * Opens a new stream over the content.
     *
     * @return an input stream the caller closes
     * @throws IOException if the file or source cannot be opened
     */
    public InputStream openStream() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (file != null) {
            return Files.newInputStream(file);
        }
        InputStream in = source.open();
        if (in == null) {
            throw new IOException("the stream source of document " + name + " returned no stream");
        }
        return in;
    }

    /**
     * Reads the whole content into memory. Prefer {@link #openStream()} for large documents.
     *
     * @return a copy of the content
     * @throws SigningException if the content cannot be read or is larger than 2 GiB
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        return readAll();
    }

    private byte[] readAll() {
        if (size > MAX_IN_MEMORY) {
            throw new SigningException("document " + name + " is " + size + " bytes, too large to hold in memory; "
                    + "use a format that streams (detached CAdES)");
        }
        try (InputStream in = openStream()) {
            byte[] all = in.readNBytes((int) MAX_IN_MEMORY);
            if (in.read() != -1) {
                throw new SigningException("document " + name + " is too large to hold in memory");
            }
            return all;
        } catch (IOException e) {
            throw new SigningException("document " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Document[" + name + ", " + mediaType + (size >= 0 ? ", " + size + " bytes" : ", streamed")
                + (file != null ? ", file" : "") + "]";
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        return name;
    }

    private static String checkMediaType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            throw new InvalidInputException("mediaType", "must not be blank");
        }
        if (!mediaType.contains("/")) {
            throw new InvalidInputException("mediaType", "must look like type/subtype, got " + mediaType);
        }
        return mediaType.trim();
    }

    static String guessFromName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml")) {
            return XML;
        }
        if (n.endsWith(".json") || n.endsWith(".jws")) {
            return JSON;
        }
        if (n.endsWith(".pdf")) {
            return PDF;
        }
        if (n.endsWith(".txt")) {
            return "text/plain";
        }
        if (n.endsWith(".p7s") || n.endsWith(".p7m")) {
            return "application/pkcs7-signature";
        }
        return OCTET_STREAM;
    }

    static String sniff(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        if (i < b.length) {
            if (b[i] == '<') {
                return XML;
            }
            if (b[i] == '{' || b[i] == '[') {
                return JSON;
            }
            if (b.length - i >= 5 && b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F') {
                return PDF;
            }
        }
        return OCTET_STREAM;
    }
}
