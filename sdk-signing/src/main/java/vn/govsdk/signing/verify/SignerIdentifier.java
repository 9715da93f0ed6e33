package vn.govsdk.signing.verify;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.id.TaxCode;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * An identifier that a Vietnamese certificate carries in its subject's {@code UID} attribute, as
 * {@code PREFIX:value}: {@code MST:} a tax code (mã số thuế) of a company or person, {@code CCCD:} a
 * citizen ID (căn cước công dân), {@code CMND:} a legacy 9-digit ID (chứng minh nhân dân), {@code HC:} a
 * passport number (hộ chiếu), {@code MNS:} a budget-unit code (mã đơn vị quan hệ ngân sách). Unknown
 * prefixes are kept as they are. {@link #toString()} masks the value, so a report can be logged.
 *
 * @param kind what the prefix says the value is
 * @param prefix the prefix as written, for example {@code MST}
 * @param value the value after the colon, as written
 */
public record SignerIdentifier(Kind kind, String prefix, String value) {

    /** What an identifier is, by its prefix. */
    public enum Kind {
        /** {@code MST:}, a tax code. */
        TAX_CODE,
        /** {@code CCCD:}, a 12-digit citizen ID. */
        CITIZEN_ID,
        /** {@code CMND:}, a legacy 9-digit ID number. */
        LEGACY_ID,
        /** {@code HC:}, a passport number. */
        PASSPORT,
        /** {@code MNS:}, a budget-unit code. */
        BUDGET_UNIT_CODE,
        /** Any other prefix, kept as text. */
        OTHER
    }

    /**
     * Checks the parts.
     *
     * @param kind the kind
     * @param prefix the prefix
     * @param value the value
     */
    public SignerIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a {@code UID} attribute value.
     *
     * @param uid for example {@code CCCD:079203000101} or {@code MST:0102671977}
     * @return the identifier, or empty when the text has no {@code PREFIX:} part
     */
    public static Optional<SignerIdentifier> parse(String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        int colon = uid.indexOf(':');
        if (colon <= 0 || colon == uid.length() - 1) {
            return Optional.empty();
        }
        String prefix = uid.substring(0, colon).trim();
        String value = uid.substring(colon + 1).trim();
        Kind kind = switch (prefix.toUpperCase(Locale.ROOT)) {
            case "MST" -> Kind.TAX_CODE;
            case "CCCD" -> Kind.CITIZEN_ID;
            case "CMND" -> Kind.LEGACY_ID;
            case "HC" -> Kind.PASSPORT;
            case "MNS" -> Kind.BUDGET_UNIT_CODE;
            default -> Kind.OTHER;
        };
        return Optional.of(new SignerIdentifier(kind, prefix, value));
    }

    /**
     * Returns the tax code, when this is a valid one ({@code MST:}; a branch's {@code -NNN} suffix kept).
     *
     * @return the tax code
     */
    public Optional<TaxCode> taxCode() {
        return kind == Kind.TAX_CODE && TaxCode.isValid(value) ? Optional.of(TaxCode.of(value)) : Optional.empty();
    }

    /**
     * Returns the citizen ID, when this is a valid one ({@code CCCD:}).
     *
     * @return the citizen ID
     */
    public Optional<CitizenId> citizenId() {
        return kind == Kind.CITIZEN_ID && CitizenId.isValid(value) ? Optional.of(CitizenId.of(value)) : Optional.empty();
    }

    /**
     * Returns the legacy ID number, when this is a valid one ({@code CMND:}).
     *
     * @return the legacy ID number
     */
    public Optional<LegacyIdNumber> legacyId() {
        return kind == Kind.LEGACY_ID && LegacyIdNumber.isValid(value) ? Optional.of(LegacyIdNumber.of(value))
                : Optional.empty();
    }

    /**
     * Describes the identifier with its value masked.
     *
     * @return for example {@code CCCD:0792*****01}
     */
    @Override
    public String toString() {
        return prefix + ":" + PersonalDataMasker.maskIdentifier(value);
    }
}
