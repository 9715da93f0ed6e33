package vn.govsdk.signing.pades;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import vn.govsdk.core.InvalidInputException;

/**
 * What a visible PAdES signature shows and where: a rectangle on one page of the PDF holding text
 * lines (by default the signer's name from the certificate's common name, the signing time in
 * Vietnam time as {@code dd/MM/yyyy HH:mm:ss}, and the reason and place when the signer has them)
 * and optionally an image (a seal or a handwritten signature, PNG or JPEG) on its left.
 *
 * <p>The text is drawn with an embedded TrueType font (a Type0 font, subset to the letters used,
 * with a ToUnicode map, so the text can be searched and copied): by default Noto Sans, shipped with
 * the SDK under the SIL Open Font License 1.1, which has every Vietnamese letter (for example
 * "Ký bởi: Nguyễn Thị Hằng, Sở Tư pháp TP. Hồ Chí Minh"). The font size shrinks from
 * {@link Builder#fontSize(float)} until the longest line and all the lines fit.
 *
 * <p>Coordinates are PDF points (1/72 inch) in the page's user space, origin at the bottom-left
 * corner of the page, not rotated with {@code /Rotate}. Immutable and thread-safe.
 *
 * <pre>{@code
 * VisibleSignature visible = VisibleSignature.builder()
 *         .lastPage()
 *         .rectangle(350, 60, 220, 70)
 *         .image(Files.readAllBytes(Path.of("con-dau.png")))
 *         .build();
 * PadesSigner signer = PadesSigner.builder().reason("Phê duyệt hồ sơ").location("TP. Hồ Chí Minh")
 *         .visibleSignature(visible).build();
 * }</pre>
 */
public final class VisibleSignature {

    /** The default width of the rectangle, in points. */
    public static final float DEFAULT_WIDTH = 220;
    /** The default height of the rectangle, in points. */
    public static final float DEFAULT_HEIGHT = 70;
    /** The default (largest) font size, in points. */
    public static final float DEFAULT_FONT_SIZE = 10;

    private static final int MAX_IMAGE = 10 * 1024 * 1024;
    private static final int MAX_FONT = 32 * 1024 * 1024;
    private static final int MAX_LINES = 20;

    private final int page;
    private final float[] rectangle;
    private final List<String> text;
    private final byte[] image;
    private final byte[] font;
    private final String fontName;
    private final float fontSize;

    private VisibleSignature(Builder b) {
        this.page = b.page;
        this.rectangle = b.rectangle == null ? null : b.rectangle.clone();
        this.text = List.copyOf(b.text);
        this.image = b.image;
        this.font = b.font;
        this.fontName = b.fontName;
        this.fontSize = b.fontSize;
    }

    /**
     * Returns a builder: page 1, a {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} point rectangle
     * 36 points from the bottom-right corner of the page, the default text, no image, Noto Sans.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the page the signature is shown on.
     *
     * @return the page number, from 1, or empty for the last page
     */
    public OptionalInt page() {
        return page == 0 ? OptionalInt.empty() : OptionalInt.of(page);
    }

    /**
     * Returns the rectangle, when one was given.
     *
     * @return {@code [x, y, width, height]} in points, or empty for the default placement
     */
    public Optional<float[]> rectangle() {
        return rectangle == null ? Optional.empty() : Optional.of(rectangle.clone());
    }

    /**
     * Returns the text lines given to the builder.
     *
     * @return the lines, or an empty list for the default lines (signer, time, reason, place)
     */
    public List<String> text() {
        return text;
    }

    /**
     * Returns the image shown beside the text.
     *
     * @return a copy of the PNG or JPEG bytes, or empty
     */
    public Optional<byte[]> image() {
        return image == null ? Optional.empty() : Optional.of(image.clone());
    }

    /**
     * Returns the name of the font the text is drawn with.
     *
     * @return {@code Noto Sans} or the name of the font given
     */
    public String fontName() {
        return fontName;
    }

    /**
     * Returns the largest font size.
     *
     * @return the size in points
     */
    public float fontSize() {
        return fontSize;
    }

    /** The TrueType font bytes, or {@code null} for the default font. */
    byte[] fontBytes() {
        return font;
    }

    /** The image bytes, not copied, or {@code null}. */
    byte[] imageBytes() {
        return image;
    }

    /** The rectangle, not copied, or {@code null}. */
    float[] rectangleOrNull() {
        return rectangle;
    }

    @Override
    public String toString() {
        return "VisibleSignature[page " + (page == 0 ? "last" : String.valueOf(page))
                + (rectangle == null ? ", default place" : String.format(Locale.ROOT, ", %.1f %.1f %.1f x %.1f",
                        rectangle[0], rectangle[1], rectangle[2], rectangle[3]))
                + (text.isEmpty() ? ", default text" : ", " + text.size() + " lines")
                + (image == null ? "" : ", image " + image.length + " bytes") + ", " + fontName + "]";
    }

    /** Builds a {@link VisibleSignature}. */
    public static final class Builder {
        private int page = 1;
        private float[] rectangle;
        private List<String> text = List.of();
        private byte[] image;
        private byte[] font;
        private String fontName = "Noto Sans";
        private float fontSize = DEFAULT_FONT_SIZE;

        private Builder() {
        }

        /**
         * Shows the signature on a page.
         *
         * @param page the page number, from 1; a page the PDF does not have is refused when signing
         * @return this builder
         * @throws InvalidInputException if the number is below 1
         */
        public Builder page(int page) {
            if (page < 1) {
                throw new InvalidInputException("page", "must be 1 or more (pages are numbered from 1), got " + page);
            }
            this.page = page;
            return this;
        }

        /**
         * Shows the signature on the last page, whatever the number of pages.
         *
         * @return this builder
         */
        public Builder lastPage() {
            this.page = 0;
            return this;
        }

        /**
         * Places the signature. The rectangle must lie inside the page's visible box (its crop box),
         * which is checked when signing.
         *
         * @param x the left edge, in points from the left of the page
         * @param y the bottom edge, in points from the bottom of the page
         * @param width the width in points
         * @param height the height in points
         * @return this builder
         * @throws InvalidInputException if a value is not finite, x or y is negative, or the size is not positive
         */
        public Builder rectangle(float x, float y, float width, float height) {
            if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(width) || !Float.isFinite(height)) {
                throw new InvalidInputException("rectangle", "must be four finite numbers (x, y, width, height)");
            }
            if (x < 0 || y < 0) {
                throw new InvalidInputException("rectangle", "x and y must not be negative, got " + x + ", " + y);
            }
            if (width < 8 || height < 8) {
                throw new InvalidInputException("rectangle", "width and height must be at least 8 points, got "
                        + width + " x " + height);
            }
            this.rectangle = new float[] {x, y, width, height};
            return this;
        }

        /**
         * Replaces the default text with these lines.
         *
         * @param lines the lines, at most 20, each without control characters
         * @return this builder
         * @throws InvalidInputException if there are no lines, too many, or a line holds a control character
         */
        public Builder text(List<String> lines) {
            if (lines == null || lines.isEmpty()) {
                throw new InvalidInputException("text", "must hold at least one line");
            }
            if (lines.size() > MAX_LINES) {
                throw new InvalidInputException("text", "must hold at most " + MAX_LINES + " lines, got " + lines.size());
            }
            List<String> copy = new ArrayList<>();
            for (String line : lines) {
                if (line == null) {
                    throw new InvalidInputException("text", "must not hold a null line");
                }
                if (line.chars().anyMatch(Character::isISOControl)) {
                    throw new InvalidInputException("text", "a line must not hold control characters (one line per element)");
                }
                copy.add(line);
            }
            this.text = List.copyOf(copy);
            return this;
        }

        /**
         * Replaces the default text with these lines.
         *
         * @param lines the lines
         * @return this builder
         */
        public Builder text(String... lines) {
            return text(lines == null ? null : java.util.Arrays.asList(lines));
        }

        /**
         * Shows an image (a seal or a handwritten signature) on the left of the rectangle, scaled to fit.
         *
         * @param pngOrJpeg the image, PNG or JPEG, at most 10 MB
         * @return this builder
         * @throws InvalidInputException if the bytes are not a PNG or JPEG image or are too large
         */
        public Builder image(byte[] pngOrJpeg) {
            if (pngOrJpeg == null || pngOrJpeg.length == 0) {
                throw new InvalidInputException("image", "must not be empty");
            }
            if (pngOrJpeg.length > MAX_IMAGE) {
                throw new InvalidInputException("image", "must be at most " + (MAX_IMAGE >> 20) + " MB, got "
                        + pngOrJpeg.length + " bytes");
            }
            if (!isPng(pngOrJpeg) && !isJpeg(pngOrJpeg)) {
                throw new InvalidInputException("image", "must be a PNG or JPEG image");
            }
            this.image = pngOrJpeg.clone();
            return this;
        }

        /**
         * Draws the text with another TrueType font instead of Noto Sans; it is read now and must
         * have a glyph for every letter of the text (checked when signing).
         *
         * @param trueTypeFile a TrueType font file ({@code .ttf}); OpenType CFF ({@code .otf}) and
         *        collections ({@code .ttc}) are not supported
         * @return this builder
         * @throws InvalidInputException if the file cannot be read or is not a TrueType font
         */
        public Builder font(Path trueTypeFile) {
            if (trueTypeFile == null) {
                throw new InvalidInputException("font", "must not be null");
            }
            byte[] b;
            try {
                if (!Files.isRegularFile(trueTypeFile)) {
                    throw new InvalidInputException("font", "file " + trueTypeFile + " does not exist or is not a regular file");
                }
                if (Files.size(trueTypeFile) > MAX_FONT) {
                    throw new InvalidInputException("font", "must be at most " + (MAX_FONT >> 20) + " MB");
                }
                b = Files.readAllBytes(trueTypeFile);
            } catch (IOException e) {
                throw new InvalidInputException("font", "file " + trueTypeFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (b.length >= 4 && b[0] == 'O' && b[1] == 'T' && b[2] == 'T' && b[3] == 'O') {
                throw new InvalidInputException("font", "must be a TrueType font (.ttf); " + trueTypeFile
                        + " is OpenType with CFF outlines (.otf), which is not supported");
            }
            if (b.length >= 4 && b[0] == 't' && b[1] == 't' && b[2] == 'c' && b[3] == 'f') {
                throw new InvalidInputException("font", "must be a single TrueType font (.ttf); " + trueTypeFile
                        + " is a collection (.ttc)");
            }
            boolean trueType = b.length >= 4 && (b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0
                    || b[0] == 't' && b[1] == 'r' && b[2] == 'u' && b[3] == 'e');
            if (!trueType) {
                throw new InvalidInputException("font", "must be a TrueType font (.ttf); " + trueTypeFile + " is not one");
            }
            String name;
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(b))) {
                if (ttf.getUnicodeCmapLookup(false) == null) {
                    throw new InvalidInputException("font", trueTypeFile + " has no Unicode character map");
                }
                name = ttf.getName() == null ? String.valueOf(trueTypeFile.getFileName()) : ttf.getName();
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidInputException iie) {
                    throw iie;
                }
                throw new InvalidInputException("font", trueTypeFile + " is not a readable TrueType font ("
                        + e.getMessage() + ")");
            }
            this.font = b;
            this.fontName = name;
            return this;
        }

        /**
         * Sets the largest font size; the text shrinks below it to fit the rectangle.
         *
         * @param points the size, from 4 to 72 points; default {@value #DEFAULT_FONT_SIZE}
         * @return this builder
         * @throws InvalidInputException if the size is outside 4 to 72
         */
        public Builder fontSize(float points) {
            if (!(points >= 4 && points <= 72)) {
                throw new InvalidInputException("fontSize", "must be from 4 to 72 points, got " + points);
            }
            this.fontSize = points;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the visible signature
         */
        public VisibleSignature build() {
            return new VisibleSignature(this);
        }

        private static boolean isPng(byte[] b) {
            return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                    && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A;
        }

        private static boolean isJpeg(byte[] b) {
            return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
        }
    }
}
