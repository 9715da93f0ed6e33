package vn.govsdk.signing.internal;

import java.util.Objects;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.ValidationDataSource;
import vn.govsdk.signing.timestamp.TimestampClient;

/**
 * The level rules the XAdES, CAdES and PAdES builders share: which levels can be made, that B-T and
 * B-LT need a timestamp client, and where B-LT validation data comes from by default.
 */
public final class BaselineLevels {

    private BaselineLevels() {
    }

    /**
     * Checks a level a builder is asked for.
     *
     * @param level the level
     * @param whyNotNone what to do instead of {@link SignatureLevel#NONE} for this format
     * @return the level, B-B, B-T or B-LT
     * @throws InvalidInputException naming {@code level} for B-LTA or NONE
     */
    public static SignatureLevel makeable(SignatureLevel level, String whyNotNone) {
        Objects.requireNonNull(level, "level");
        if (level == SignatureLevel.B_LTA) {
            throw new InvalidInputException("level", "must be B-B, B-T or B-LT; B-LTA (archive timestamps) is not "
                    + "made by govsdk, and B-LT already verifies without the network");
        }
        if (level == SignatureLevel.NONE) {
            throw new InvalidInputException("level", "must be B-B, B-T or B-LT; " + whyNotNone);
        }
        return level;
    }

    /**
     * Checks at {@code build()} that B-T and B-LT have a timestamp client.
     *
     * @param level the level
     * @param timestampClient the client, or {@code null}
     * @throws InvalidInputException naming {@code timestampClient} when B-T or B-LT has none
     */
    public static void requireTimestampClient(SignatureLevel level, TimestampClient timestampClient) {
        if ((level == SignatureLevel.B_T || level == SignatureLevel.B_LT) && timestampClient == null) {
            throw new InvalidInputException("timestampClient", "is required for level " + level.displayName()
                    + "; set one with timestampClient(TimestampClient.builder().authority(url).build())");
        }
    }

    /**
     * Returns the validation data source a signer uses: the one given or {@link ValidationDataSource#online()}
     * for B-LT, none for the other levels.
     *
     * @param level the level
     * @param given the source set on the builder, or {@code null}
     * @return the source, or {@code null} below B-LT
     */
    public static ValidationDataSource validationDataSource(SignatureLevel level, ValidationDataSource given) {
        if (level != SignatureLevel.B_LT) {
            return null;
        }
        return given != null ? given : ValidationDataSource.online();
    }
}
