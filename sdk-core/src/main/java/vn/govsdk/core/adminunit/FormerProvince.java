package vn.govsdk.core.adminunit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One of the 63 provinces and centrally-run cities in force until 30 June 2025, before
 * Resolution 202/2025/QH15 merged them into 34. Citizen IDs (CCCD) keep the code of the earlier
 * birth-registration province for life, and dossiers from before the merger carry these codes, so
 * the list stays useful. Obtain them from {@link AdministrativeUnits}; the canonical constructor
 * exists for tests and data mapping and checks only the shape of its arguments.
 *
 * @param code the 2-digit national statistical code, for example {@code "74"} (Bình Dương);
 *     a citizen ID writes it with a leading zero ({@code 074})
 * @param name the name in Vietnamese with diacritics and without the kind prefix, for example
 *     {@code "Bình Dương"}
 * @param successorCode the 2-digit code of the current {@link Province} this province became part of
 *     on 1 July 2025, for example {@code "79"} (Hồ Chí Minh); see
 *     {@link AdministrativeUnits#successorOf(FormerProvince)}
 * @param validUntil the last day on which this province existed with this code (2025-06-30)
 */
public record FormerProvince(String code, String name, String successorCode, LocalDate validUntil) {

    /**
     * Creates a former province, checking the shape of each component.
     *
     * @param code the 2-digit national statistical code
     * @param name the Vietnamese name, not blank
     * @param successorCode the 2-digit code of the current province it became part of
     * @param validUntil the last day in force, not null
     * @throws vn.govsdk.core.InvalidInputException if a code is not 2 digits or the name is blank
     * @throws NullPointerException if {@code validUntil} is null
     */
    public FormerProvince {
        ProvinceCodes.requireTwoDigits("code", code);
        ProvinceCodes.requireName(name);
        ProvinceCodes.requireTwoDigits("successorCode", successorCode);
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
