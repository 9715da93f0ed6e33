package vn.govsdk.testkit.data;

import java.util.Objects;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A synthetic current address (nơi ở hiện tại) in the two-level administrative system in force
 * since 1 July 2025: province and ward or commune, no district. Ward codes and names are synthetic:
 * five digits in the official shape, but not taken from the official list.
 *
 * @param province the province, with its 2025 code
 * @param wardCode the five-digit ward or commune code
 * @param wardName the ward (phường) or commune (xã) name, for example {@code Phường Tân Phú}
 * @param street the house number and street, or hamlet (thôn, ấp), for example {@code Số 12 đường Lê Lợi}
 */
public record Address(Province province, String wardCode, String wardName, String street) {

    /**
     * Validates the parts.
     *
     * @param province the province
     * @param wardCode the ward code
     * @param wardName the ward name
     * @param street the street part
     */
    public Address {
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(wardCode, "wardCode");
        Objects.requireNonNull(wardName, "wardName");
        Objects.requireNonNull(street, "street");
    }

    /**
     * Returns the address on one line, as it is written on Vietnamese forms.
     *
     * @return for example {@code Số 12 đường Lê Lợi, Phường Tân Phú, Hồ Chí Minh}
     */
    public String fullText() {
        return street + ", " + wardName + ", " + province.name();
    }

    /**
     * Returns the address with the street part masked, since a home address is personal data.
     *
     * @return the masked form
     */
    @Override
    public String toString() {
        return "Address[" + PersonalDataMasker.SECRET_MASK + ", " + wardName + " (" + wardCode + "), "
                + province.name() + " (" + province.code() + ")]";
    }
}
