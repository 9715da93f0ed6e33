package vn.govsdk.signing.remote;

import java.util.Arrays;
import java.util.HexFormat;
import vn.govsdk.core.InvalidInputException;

/**
 * One digest to be signed remotely: the hash of what the key signs (a
 * {@link vn.govsdk.signing.PreparedSignature#digest()}), with the id the result is matched back by
 * and a name the citizen sees on the phone.
 *
 * @param documentId an id unique within the request: 1 to 64 characters from {@code [A-Za-z0-9_.-]}
 * @param documentName the name shown to the citizen, 1 to 200 characters without control characters
 * @param digest the digest (32, 48 or 64 bytes); copied on the way in and out
 */
public record DigestToSign(String documentId, String documentName, byte[] digest) {

    /**
     * Checks and copies the parts.
     *
     * @param documentId the id
     * @param documentName the displayed name
     * @param digest the digest
     * @throws InvalidInputException naming the field and the rule
     */
    public DigestToSign {
        if (documentId == null || !documentId.matches("[A-Za-z0-9_.\\-]{1,64}")) {
            throw new InvalidInputException("documentId", "must be 1 to 64 characters from [A-Za-z0-9_.-]");
        }
        if (documentName == null || documentName.isBlank() || documentName.length() > 200
                || documentName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("documentName", "must be 1 to 200 characters without control characters");
        }
        if (digest == null || (digest.length != 32 && digest.length != 48 && digest.length != 64)) {
            throw new InvalidInputException("digest", "must be a SHA-256, SHA-384 or SHA-512 digest (32, 48 or 64 bytes), got "
                    + (digest == null ? "null" : digest.length + " bytes"));
        }
        digest = digest.clone();
    }

    /**
     * Returns a copy of the digest.
     *
     * @return the digest bytes
     */
    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestToSign d && d.documentId.equals(documentId) && d.documentName.equals(documentName)
                && Arrays.equals(d.digest, digest);
    }

    @Override
    public int hashCode() {
        return documentId.hashCode() * 31 + Arrays.hashCode(digest);
    }

    /** Shows the id, name and digest in hex. */
    @Override
    public String toString() {
        return "DigestToSign[" + documentId + ", " + documentName + ", " + HexFormat.of().formatHex(digest) + "]";
    }
}
