package vn.govsdk.dataexchange.outbox;

import java.util.regex.Pattern;
import vn.govsdk.core.InvalidInputException;

/**
 * What an outbox message asks the portal to do. An open set: the three kinds the portal knows are
 * constants, and an application may name its own with {@link #of(String)} (its delivery decides
 * what they mean). Two kinds are equal when their names are.
 *
 * @param name upper-case letters, digits and underscores, starting with a letter, at most 40 characters
 */
public record MessageKind(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** Sync a whole dossier (hồ sơ) to the portal: create it or update it (DongBoHoSoMC). */
    public static final MessageKind DOSSIER_SYNC = new MessageKind("DOSSIER_SYNC");

    /** Report a processing step of a dossier (CapNhatTienDoHoSoMC). */
    public static final MessageKind PROGRESS = new MessageKind("PROGRESS");

    /** Report a dossier's status (DongBoTrangThaiHoSo). */
    public static final MessageKind STATUS = new MessageKind("STATUS");

    /**
     * Checks the name.
     *
     * @param name the kind's name
     * @throws InvalidInputException if the name does not match {@code [A-Z][A-Z0-9_]{0,39}}
     */
    public MessageKind {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("kind",
                    "must be upper-case letters, digits or _, starting with a letter, at most 40 characters");
        }
    }

    /**
     * Returns the kind with this name.
     *
     * @param name the name, for example {@code "RATING"}
     * @return the kind
     * @throws InvalidInputException if the name is not valid
     */
    public static MessageKind of(String name) {
        return switch (name == null ? "" : name) {
            case "DOSSIER_SYNC" -> DOSSIER_SYNC;
            case "PROGRESS" -> PROGRESS;
            case "STATUS" -> STATUS;
            default -> new MessageKind(name);
        };
    }

    /**
     * Returns the name.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
