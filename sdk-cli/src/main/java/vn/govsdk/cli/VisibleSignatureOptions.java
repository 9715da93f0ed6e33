package vn.govsdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.pades.PadesSigner;
import vn.govsdk.signing.pades.VisibleSignature;

/**
 * The PAdES options of {@code govsdk sign}: {@code --reason}, {@code --location}, and a visible
 * signature ({@code --visible} with its page, rectangle, text, image and font). Each mistake is
 * reported naming the flag.
 */
final class VisibleSignatureOptions {

    /** The flags the errors of the visible signature name, by the field the SDK reports. */
    private static final Map<String, String> FLAGS = Map.of(
            "visibleSignature.page", "--visible-page", "page", "--visible-page",
            "visibleSignature.rectangle", "--visible-rect", "rectangle", "--visible-rect",
            "visibleSignature.image", "--image", "image", "--image",
            "visibleSignature.font", "--font", "font", "--font",
            "text", "--visible-text", "fontSize", "--font-size");

    @Option(names = "--visible", description = "PAdES: show the signature on a page (signer, time, reason, place; "
            + "Vietnamese text with an embedded font)")
    private boolean visible;

    @Option(names = "--visible-page", paramLabel = "N|last", description = "page of the visible signature, from 1 (default 1)")
    private String page;

    @Option(names = "--visible-rect", paramLabel = "X,Y,W,H",
            description = "rectangle of the visible signature in points from the bottom-left corner of the page "
                    + "(default 220x70, 36 points from the bottom-right corner)")
    private String rect;

    @Option(names = "--visible-text", paramLabel = "LINE",
            description = "a line of text to show instead of the default lines (repeat for several lines)")
    private List<String> text;

    @Option(names = "--image", paramLabel = "FILE", description = "PNG or JPEG image shown on the left of the visible signature")
    private Path image;

    @Option(names = "--font", paramLabel = "FILE", description = "TrueType font (.ttf) for the visible signature "
            + "instead of the embedded Noto Sans")
    private Path font;

    @Option(names = "--font-size", paramLabel = "POINTS", description = "largest font size of the visible signature (default 10)")
    private Float fontSize;

    @Option(names = "--reason", paramLabel = "TEXT", description = "PAdES: the reason written in the signature (e.g. \"Phê duyệt\")")
    private String reason;

    @Option(names = "--location", paramLabel = "TEXT", description = "PAdES: the place written in the signature (e.g. \"Hà Nội\")")
    private String location;

    /**
     * Refuses the PAdES options with another format, naming the first one given.
     *
     * @param format the format asked for
     */
    void refuseUnlessPades(String format) {
        String used = firstUsed(true);
        if (used != null) {
            throw new InvalidInputException(used, "applies to --format pades only, not " + format);
        }
    }

    /**
     * Builds the PAdES signer.
     *
     * @return the signer
     */
    PadesSigner padesSigner() {
        return padesSigner(vn.govsdk.signing.SignatureLevel.B_B, null);
    }

    /** The PAdES signer at a level: B-T and B-LT with the timestamp client from {@code --tsa}. */
    PadesSigner padesSigner(vn.govsdk.signing.SignatureLevel level, vn.govsdk.signing.timestamp.TimestampClient timestamps) {
        PadesSigner.Builder b = PadesSigner.builder();
        if (timestamps != null) {
            b.level(level).timestampClient(timestamps);
        }
        if (reason != null) {
            if (reason.isBlank()) {
                throw new InvalidInputException("--reason", "must not be blank");
            }
            b.reason(reason);
        }
        if (location != null) {
            if (location.isBlank()) {
                throw new InvalidInputException("--location", "must not be blank");
            }
            b.location(location);
        }
        if (!visible) {
            String used = firstUsed(false);
            if (used != null) {
                throw new InvalidInputException(used, "goes with --visible");
            }
            return b.build();
        }
        try {
            return b.visibleSignature(visibleSignature()).build();
        } catch (InvalidInputException e) {
            throw asFlag(e);
        }
    }

    /**
     * Describes the visible signature asked for, for the command's output.
     *
     * @return the description, or {@code null} for an invisible signature
     */
    String describe() {
        if (!visible) {
            return null;
        }
        return "visible on page " + (page == null ? "1" : page) + (rect == null ? " (default place)" : " at " + rect)
                + (image == null ? "" : ", image " + image.getFileName());
    }

    /**
     * Renames the visible signature's fields in an error after the flags that set them.
     *
     * @param e the error
     * @return the error naming the flag, or {@code e} when it is about something else
     */
    static InvalidInputException asFlag(InvalidInputException e) {
        String flag = FLAGS.get(e.field());
        return flag == null ? e : new InvalidInputException(flag, e.rule());
    }

    private VisibleSignature visibleSignature() {
        VisibleSignature.Builder v = VisibleSignature.builder();
        if (page != null) {
            if (page.trim().equalsIgnoreCase("last")) {
                v.lastPage();
            } else {
                try {
                    v.page(Integer.parseInt(page.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("--visible-page", "must be a page number from 1, or last; got " + page);
                }
            }
        }
        if (rect != null) {
            String[] parts = rect.split(",");
            float[] f = new float[4];
            try {
                if (parts.length != 4) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < 4; i++) {
                    f[i] = Float.parseFloat(parts[i].trim());
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--visible-rect", "must be x,y,width,height in points, for example "
                        + "350,60,220,70; got " + rect);
            }
            v.rectangle(f[0], f[1], f[2], f[3]);
        }
        if (text != null) {
            v.text(text);
        }
        if (image != null) {
            try {
                if (!Files.isRegularFile(image)) {
                    throw new InvalidInputException("--image", "cannot read " + image + ": no such file");
                }
                v.image(Files.readAllBytes(image));
            } catch (IOException e) {
                throw new InvalidInputException("--image", "cannot read " + image + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (font != null) {
            v.font(font);
        }
        if (fontSize != null) {
            v.fontSize(fontSize);
        }
        return v.build();
    }

    private String firstUsed(boolean withReasonAndLocation) {
        if (visible) {
            return "--visible";
        }
        if (page != null) {
            return "--visible-page";
        }
        if (rect != null) {
            return "--visible-rect";
        }
        if (text != null) {
            return "--visible-text";
        }
        if (image != null) {
            return "--image";
        }
        if (font != null) {
            return "--font";
        }
        if (fontSize != null) {
            return "--font-size";
        }
        if (withReasonAndLocation && reason != null) {
            return "--reason";
        }
        if (withReasonAndLocation && location != null) {
            return "--location";
        }
        return null;
    }
}
