package vn.govsdk.core.adminunit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A province or centrally-run city (đơn vị hành chính cấp tỉnh) of the list in force since
 * 1 July 2025: 28 provinces and 6 centrally-run cities, coded by Decision 19/2025/QĐ-TTg. Obtain
 * them from {@link AdministrativeUnits}; the canonical constructor exists for tests and data
 * mapping and checks only the shape of its arguments.
 *
 * @param code the 2-digit national statistical code, for example {@code "79"}
 * @param name the name in Vietnamese with diacritics and without the kind prefix, for example
 *     {@code "Hồ Chí Minh"} (not {@code "Thành phố Hồ Chí Minh"})
 * @param kind whether this is a centrally-run city or a province, as of {@code effectiveFrom}
 * @param effectiveFrom the first day on which this province exists with this code
 */
public record Province(String code, String name, ProvinceKind kind, LocalDate effectiveFrom) {

    /**
     * Creates a province, checking the shape of each component.
     *
     * @param code the 2-digit national statistical code
     * @param name the Vietnamese name, not blank
     * @param kind the kind, not null
     * @param effectiveFrom the first day in force, not null
     * @throws vn.govsdk.core.InvalidInputException if the code is not 2 digits or the name is blank
     * @throws NullPointerException if {@code kind} or {@code effectiveFrom} is null
     */
    public Province {
        ProvinceCodes.requireTwoDigits("code", code);
        ProvinceCodes.requireName(name);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
