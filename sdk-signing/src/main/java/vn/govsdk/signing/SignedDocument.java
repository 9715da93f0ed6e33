package vn.govsdk.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import vn.govsdk.signing.internal.SigningAccess;

/**
 * The result of signing: the signed document (enveloped or enveloping formats) or the detached
 * signature, with the parameters it was made with. Large outputs (attached CAdES of a big file) are
 * written by streaming the input again, never held whole in memory; use {@link #writeTo(Path)} or
 * {@link #writeTo(OutputStream)} for them.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignedDocument {

    private final SigningAccess.PreparedData data;
    private final String mediaType;
    private final String fileName;
    private final long size;
    private final SigningAccess.ContentWriter writer;

    SignedDocument(SigningAccess.PreparedData data, String mediaType, String fileName, long size,
            SigningAccess.ContentWriter writer) {
        this.data = Objects.requireNonNull(data, "data");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.size = size;
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Returns the format.
     *
     * @return the format
     */
    public SignatureFormat format() {
        return data.format();
    }

    /**
     * Returns the packaging.
     *
     * @return the packaging
     */
    public SignaturePackaging packaging() {
        return data.packaging();
    }

    /**
     * Returns the baseline level.
     *
     * @return the level
     */
    public SignatureLevel level() {
        return data.level();
    }

    /**
     * Returns the signature algorithm.
     *
     * @return the algorithm
     */
    public SignatureAlgorithm algorithm() {
        return data.algorithm();
    }

    /**
     * Returns the signing time written into the signature.
     *
     * @return the signing time (UTC)
     */
    public Instant signingTime() {
        return data.signingTime();
    }

    /**
     * Returns the signer's certificate.
     *
     * @return the certificate
     */
    public X509Certificate signerCertificate() {
        return data.certificateChain().get(0);
    }

    /**
     * Returns the media type of the output, for example {@code application/xml},
     * {@code application/pkcs7-signature} or {@code application/jose}.
     *
     * @return the media type
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Returns a suggested file name for the output, derived from the document's name (for example
     * {@code hoso-signed.xml}, {@code hoso.pdf.p7s}).
     *
     * @return the file name
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Returns the size of the output in bytes, when known without writing it.
     *
     * @return the size
     */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * Returns the output as bytes. For large attached signatures prefer {@link #writeTo(Path)}.
     *
     * @return the bytes of the signed document or detached signature
     * @throws SigningException if a streamed input cannot be read again
     */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 && size < Integer.MAX_VALUE ? (int) size : 8192);
        try {
            writer.writeTo(out);
        } catch (IOException | UncheckedIOException e) {
            throw new SigningException("the signed document could not be produced: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the output to a stream, which is not closed.
     *
     * @param out the stream
     * @throws IOException if writing fails or a streamed input cannot be read again
     */
    public void writeTo(OutputStream out) throws IOException {
        writer.writeTo(Objects.requireNonNull(out, "out"));
    }

    /**
     * Writes the output to a file, replacing it atomically when the file system allows (written to a
     * temporary file beside it first).
     *
     * @param file the target file
     * @throws IOException if writing fails
     */
    public void writeTo(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".govsdk-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "SignedDocument[" + data.format().displayName() + " " + data.packaging() + " "
                + data.level().displayName() + ", " + data.algorithm() + ", signer "
                + signerCertificate().getSubjectX500Principal().getName() + ", at " + data.signingTime()
                + ", " + fileName + (size >= 0 ? ", " + size + " bytes" : "") + "]";
    }
}
