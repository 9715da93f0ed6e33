package vn.govsdk.core.adminunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.govsdk.core.InvalidInputException;

/**
 * The catalogue of province-level administrative units (đơn vị hành chính cấp tỉnh): the 34
 * provinces and centrally-run cities in force since 1 July 2025 (Resolution 202/2025/QH15, codes
 * by Decision 19/2025/QĐ-TTg) and the 63 earlier ones, each with the current province it became
 * part of.
 *
 * <p>The data ships in the jar as versioned resource files and is read once, on first use; every
 * method is thread-safe and returns immutable values. {@link #dataVersion()} names the legal text
 * the current list follows.
 *
 * <p>Which list to use: a citizen ID (CCCD) encodes its birth-registration province with the
 * <em>earlier</em> codes for life (see {@link #formerProvince(String)}); an address, dossier or
 * jurisdiction from 1 July 2025 on uses the current codes (see {@link #province(String)}); and
 * {@link #currentProvinceOf(String, LocalDate)} resolves a code by the date it was recorded.
 * Beware the widely copied list that keeps the "main" province's old code (Lào Cai 10, Bắc Ninh 27,
 * Gia Lai 64, ...): those are earlier codes, not current ones.
 *
 * <p>Lookups accept a code as 2 digits ({@code "79"}) or, as written in a citizen ID, 3 digits with a
 * leading zero ({@code "079"}). An unknown code gives an empty result; a value of any other shape
 * (a 5-digit ward code, letters, null) is refused with {@link InvalidInputException}, so that a
 * wrong argument is not mistaken for an unknown province. Ward and commune codes are not covered.
 */
public final class AdministrativeUnits {

    private AdministrativeUnits() {
    }

    /** Lazy holder: the data is read on first use of a method, once. */
    private static final class Data {
        static final Catalogue CATALOGUE = Catalogue.load();
    }

    private static Catalogue data() {
        return Data.CATALOGUE;
    }

    /**
     * Returns the provinces and centrally-run cities in force since {@link #currentListEffectiveFrom()}.
     *
     * @return the 34 current provinces, ordered by code; immutable
     */
    public static List<Province> provinces() {
        return data().provinces;
    }

    /**
     * Returns the provinces and centrally-run cities in force until the day before
     * {@link #currentListEffectiveFrom()}.
     *
     * @return the 63 earlier provinces, ordered by code; immutable
     */
    public static List<FormerProvince> formerProvinces() {
        return data().formerProvinces;
    }

    /**
     * Looks up a current province by its code.
     *
     * @param code the code, as 2 digits ({@code "79"}) or 3 with a leading zero ({@code "079"})
     * @return the province, or empty if no current province has this code (for example
     *     {@code "74"}, Bình Dương, which merged into Hồ Chí Minh)
     * @throws InvalidInputException if {@code code} is null or of neither form
     */
    public static Optional<Province> province(String code) {
        return Optional.ofNullable(data().provincesByCode.get(ProvinceCodes.normalise("provinceCode", code)));
    }

    /**
     * Looks up an earlier province (before 1 July 2025) by its code, for example the
     * birth-registration province of a citizen ID.
     *
     * @param code the code, as 2 digits ({@code "74"}) or 3 with a leading zero ({@code "074"})
     * @return the earlier province, or empty if none of the 63 had this code
     * @throws InvalidInputException if {@code code} is null or of neither form
     */
    public static Optional<FormerProvince> formerProvince(String code) {
        return Optional.ofNullable(data().formerByCode.get(ProvinceCodes.normalise("formerProvinceCode", code)));
    }

    /**
     * Returns the current province an earlier province became part of on 1 July 2025, for example
     * Hồ Chí Minh (79) for Bình Dương (74).
     *
     * @param former an earlier province, normally one from {@link #formerProvinces()}
     * @return the current province it belongs to
     * @throws NullPointerException if {@code former} is null
     * @throws InvalidInputException if {@code former}'s successor code is not a current province code
     */
    public static Province successorOf(FormerProvince former) {
        Objects.requireNonNull(former, "former");
        Province successor = data().provincesByCode.get(former.successorCode());
        if (successor == null) {
            throw new InvalidInputException("former.successorCode",
                    "must be the code of a current province, got " + former.successorCode());
        }
        return successor;
    }

    /**
     * Returns the earlier provinces merged into a current province, for example Hồ Chí Minh (79),
     * Bình Dương (74) and Bà Rịa - Vũng Tàu (77) for Hồ Chí Minh (79). A province that was not merged
     * gives a list of one: its own earlier self.
     *
     * @param province a current province, normally one from {@link #provinces()}; matched by code
     * @return the earlier provinces, ordered by code; immutable and never empty
     * @throws NullPointerException if {@code province} is null
     * @throws InvalidInputException if {@code province}'s code is not a current province code
     */
    public static List<FormerProvince> formedFrom(Province province) {
        Objects.requireNonNull(province, "province");
        List<FormerProvince> parts = data().formedFrom.get(province.code());
        if (parts == null) {
            throw new InvalidInputException("province.code",
                    "must be the code of a current province, got " + province.code());
        }
        return parts;
    }

    /**
     * Resolves a province code by the date it was recorded to the province that has jurisdiction
     * today. A code recorded before {@link #currentListEffectiveFrom()} is read in the earlier list
     * and mapped to its successor ({@code "74"} on 2024-05-01 gives Hồ Chí Minh); a code recorded on
     * or after it is read in the current list ({@code "74"} on 2025-08-01 gives empty, and
     * {@code "80"} gives Tây Ninh whatever the date, since Long An 80 merged into Tây Ninh 80).
     *
     * <p>Do not use it for the province code inside a citizen ID: that code always follows the
     * earlier list, whatever the date of issue.
     *
     * @param code the code, as 2 digits or 3 with a leading zero
     * @param recordedOn the date the code was written down, for example a dossier's submission date
     * @return the current province, or empty if the code was not a province code on that date
     * @throws InvalidInputException if {@code code} is null or of neither form
     * @throws NullPointerException if {@code recordedOn} is null
     */
    public static Optional<Province> currentProvinceOf(String code, LocalDate recordedOn) {
        Objects.requireNonNull(recordedOn, "recordedOn");
        if (recordedOn.isBefore(currentListEffectiveFrom())) {
            return formerProvince(code).map(AdministrativeUnits::successorOf);
        }
        return province(code);
    }

    /**
     * Names the legal text and effective date of the current list, for display and diagnostics.
     *
     * @return for example {@code "19/2025/QĐ-TTg, effective 2025-07-01"}
     */
    public static String dataVersion() {
        return data().version + ", effective " + data().effectiveFrom;
    }

    /**
     * Returns the day the current list came into force; the earlier list was valid until the day
     * before.
     *
     * @return 2025-07-01 for the list of Decision 19/2025/QĐ-TTg
     */
    public static LocalDate currentListEffectiveFrom() {
        return data().effectiveFrom;
    }
}
