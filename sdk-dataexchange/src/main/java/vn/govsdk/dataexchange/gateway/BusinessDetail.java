package vn.govsdk.dataexchange.gateway;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.govsdk.core.id.TaxCode;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A business's detail from the national business registry (cơ sở dữ liệu đăng ký doanh nghiệp,
 * {@code chiTietDoanhNghiep}). Members the registry adds are ignored.
 *
 * @param taxCode the enterprise code, which is its tax code (mã số doanh nghiệp)
 * @param name the registered name ({@code MainInformation.NAME})
 * @param shortName the short name, or {@code null}
 * @param representativeNames the legal representatives' names ({@code Representatives.FULL_NAME});
 *                            personal data, masked in {@link #toString()}
 * @param address the head office address, or {@code null}
 * @param status the status as the registry words it (for example {@code Đang hoạt động}), or {@code null}
 * @param registrationDate the first registration date, or {@code null} when absent or unreadable
 */
public record BusinessDetail(TaxCode taxCode, String name, String shortName, List<String> representativeNames,
        String address, String status, LocalDate registrationDate) {

    /**
     * Copies the list.
     */
    public BusinessDetail {
        representativeNames = List.copyOf(representativeNames);
    }

    /**
     * Returns the registration date.
     *
     * @return the date, or empty
     */
    public Optional<LocalDate> registration() {
        return Optional.ofNullable(registrationDate);
    }

    /** Masks the tax code and the representatives' names. */
    @Override
    public String toString() {
        return "BusinessDetail[taxCode=" + PersonalDataMasker.maskIdentifier(taxCode.value()) + ", name=" + name
                + ", representatives=" + representativeNames.stream().map(PersonalDataMasker::maskName).toList()
                + ", status=" + status + ", registrationDate=" + registrationDate + "]";
    }
}
