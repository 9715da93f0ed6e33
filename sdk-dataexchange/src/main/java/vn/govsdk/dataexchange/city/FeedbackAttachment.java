package vn.govsdk.dataexchange.city;

import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;

/**
 * A file attached to a report (a photo, usually).
 *
 * @param fileName the file name, without a path
 * @param contentType the media type, for example {@code image/jpeg}
 * @param content the bytes, 1 byte to {@value #MAX_BYTES} bytes
 */
public record FeedbackAttachment(String fileName, String contentType, byte[] content) {

    /** The largest attachment accepted, in bytes (5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Pattern TYPE = Pattern.compile("[a-z]+/[a-z0-9.+\\-]+");

    /**
     * Validates and copies.
     *
     * @param fileName the file name
     * @param contentType the media type
     * @param content the bytes
     * @throws InvalidInputException if a part is missing or out of bounds
     */
    public FeedbackAttachment {
        if (fileName == null || fileName.isBlank() || fileName.length() > 200 || fileName.contains("/")
                || fileName.contains("\\") || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("attachment.fileName", "must be 1 to 200 characters without a path");
        }
        if (contentType == null || !TYPE.matcher(contentType).matches()) {
            throw new InvalidInputException("attachment.contentType", "must be a media type such as image/jpeg");
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw new InvalidInputException("attachment.content", "must be 1 byte to 5 MB");
        }
        content = content.clone();
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Shows the name, type and size only. */
    @Override
    public String toString() {
        return "FeedbackAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
