package vn.govsdk.signing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import vn.govsdk.signing.DigestAlgorithm;
import vn.govsdk.signing.PreparedSignature;
import vn.govsdk.signing.SignatureAlgorithm;
import vn.govsdk.signing.SignatureFormat;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignaturePackaging;
import vn.govsdk.signing.SignedDocument;

/**
 * Lets the format implementations create {@link PreparedSignature} and {@link SignedDocument}
 * instances, whose constructors are not public.
 */
public abstract class SigningAccess {

    private static volatile SigningAccess instance;

    /**
     * Every parameter of a prepared signature.
     *
     * @param format the format
     * @param packaging the packaging
     * @param level the level
     * @param algorithm the signature algorithm
     * @param contentDigest the digest algorithm for the content and references
     * @param certificateChain the chain, signer first
     * @param signingTime the signing time written into the signature
     * @param documentName the signed document's name
     * @param documentMediaType the signed document's media type
     * @param dataToSign the exact bytes the key signs
     */
    public record PreparedData(SignatureFormat format, SignaturePackaging packaging, SignatureLevel level,
            SignatureAlgorithm algorithm, DigestAlgorithm contentDigest, List<X509Certificate> certificateChain,
            Instant signingTime, String documentName, String documentMediaType, byte[] dataToSign) {
    }

    /** Turns a checked signature value into the signed document. */
    @FunctionalInterface
    public interface Completion {
        /**
         * Builds the signed document.
         *
         * @param signatureValue the value, already checked against the certificate (JCA encoding)
         * @return the signed document
         */
        SignedDocument complete(byte[] signatureValue);
    }

    /** Writes the bytes of a signed document. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the whole signed document.
         *
         * @param out where to write; not closed
         * @throws IOException if writing (or reading a streamed input) fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Installs the bridge; called once by {@link PreparedSignature}'s static initialiser.
     *
     * @param access the bridge
     */
    public static void install(SigningAccess access) {
        instance = access;
    }

    /**
     * Returns the bridge.
     *
     * @return the bridge
     */
    public static SigningAccess get() {
        SigningAccess a = instance;
        if (a == null) {
            try {
                Class.forName(PreparedSignature.class.getName(), true, PreparedSignature.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = instance;
        }
        return a;
    }

    /**
     * Creates a prepared signature.
     *
     * @param data its parameters
     * @param completion what {@code complete} does after checking the value
     * @return the prepared signature
     */
    public abstract PreparedSignature prepared(PreparedData data, Completion completion);

    /**
     * Creates a signed document.
     *
     * @param data the parameters it was prepared with
     * @param mediaType the media type of the output
     * @param fileName the suggested file name of the output
     * @param size the size when known, or -1
     * @param writer writes the output
     * @return the signed document
     */
    public abstract SignedDocument signed(PreparedData data, String mediaType, String fileName, long size,
            ContentWriter writer);
}
