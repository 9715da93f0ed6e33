package vn.govsdk.testkit.gateway;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticData;

/**
 * Synthetic companies of the mock business registry, derived from the platform seed: the same seed
 * gives the same companies, with valid 10-digit tax codes (mã số thuế) whose check digit the testkit
 * computes itself. Company {@code i} (0 ≤ i &lt; {@link #COUNT}) has a tax code from which {@code i}
 * is recovered, so lookups need no table. Representatives are synthetic citizens.
 */
public final class SyntheticCompanies {

    /** How many companies exist. */
    public static final long COUNT = 100_000L;

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final long SPACE = 10_000_000L;
    private static final long MULTIPLIER = 3_999_997L;
    private static final BigInteger INVERSE = BigInteger.valueOf(MULTIPLIER).modInverse(BigInteger.valueOf(SPACE));
    private static final List<String> KINDS = List.of("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV",
            "Doanh nghiệp tư nhân");
    private static final List<String> TRADES = List.of("Thương mại", "Dịch vụ", "Xây dựng", "Công nghệ",
            "Vận tải", "Nông sản", "Du lịch", "Sản xuất", "Tư vấn", "Thực phẩm");
    private static final List<String> BRANDS = List.of("Sao Mai", "Bến Thành", "Phú Gia", "Hòa Bình",
            "An Khang", "Việt Tiến", "Nam Long", "Thiên Phúc", "Minh Châu", "Trường Sơn", "Gia Định", "Đại Việt");
    private static final List<String> STATUSES = List.of("Đang hoạt động", "Đang hoạt động", "Đang hoạt động",
            "Đang hoạt động", "Tạm ngừng kinh doanh", "Đã giải thể");

    private final SyntheticData data;
    private final long offset;

    /**
     * Derives the companies from the synthetic data set (and so from its seed).
     *
     * @param data the platform's synthetic data
     */
    public SyntheticCompanies(SyntheticData data) {
        this.data = data;
        this.offset = Math.floorMod(data.seed() * 0x9E3779B97F4A7C15L, SPACE);
    }

    /**
     * One synthetic company.
     *
     * @param taxCode the 10-digit tax code
     * @param name the registered name
     * @param shortName the short name
     * @param status the status, in Vietnamese
     * @param foundingDate the first registration date
     * @param address the head office address
     * @param provinceCode the head office's province code
     * @param representative the legal representative (a synthetic citizen)
     */
    public record Company(String taxCode, String name, String shortName, String status, LocalDate foundingDate,
            String address, String provinceCode, SyntheticCitizen representative) {
    }

    /**
     * Returns company {@code index}.
     *
     * @param index 0 to {@link #COUNT} - 1
     * @return the company
     * @throws IllegalArgumentException if the index is out of range
     */
    public Company company(long index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("index must be in [0, " + COUNT + ")");
        }
        long body = Math.floorMod(index * MULTIPLIER + offset, SPACE);
        String taxCode = taxCode("0" + String.format("%07d", body));
        SyntheticCitizen rep = data.citizen(Math.floorMod(index * 7919L + 13, data.population()));
        String brand = BRANDS.get((int) (index % BRANDS.size()));
        String trade = TRADES.get((int) ((index / BRANDS.size()) % TRADES.size()));
        String kind = KINDS.get((int) ((index / 7) % KINDS.size()));
        String name = (kind + " " + trade + " " + brand + " " + (index + 1)).toUpperCase(java.util.Locale.ROOT);
        String shortName = brand.toUpperCase(java.util.Locale.ROOT) + " " + (index + 1);
        String status = STATUSES.get((int) ((index / 3) % STATUSES.size()));
        LocalDate founded = data.referenceDate().minusDays(30 + Math.floorMod(index * 37L, 9000));
        var a = rep.address();
        String address = a.street() + ", " + a.wardName() + ", " + a.province().name();
        return new Company(taxCode, name, shortName, status, founded, address, a.province().code(), rep);
    }

    /**
     * Finds a company by tax code.
     *
     * @param taxCode the 10-digit tax code
     * @return the company, or empty if none has this code
     */
    public Optional<Company> find(String taxCode) {
        if (taxCode == null || !taxCode.matches("0[0-9]{9}")) {
            return Optional.empty();
        }
        long body = Long.parseLong(taxCode.substring(1, 8));
        long index = BigInteger.valueOf(Math.floorMod(body - offset, SPACE)).multiply(INVERSE)
                .mod(BigInteger.valueOf(SPACE)).longValueExact();
        if (index >= COUNT) {
            return Optional.empty();
        }
        Company c = company(index);
        return c.taxCode().equals(taxCode) ? Optional.of(c) : Optional.empty();
    }

    /**
     * Completes eight leading digits into a valid tax code: a ninth digit chosen so the check digit
     * is defined ({@code S mod 11 != 0}), then the check digit {@code 10 - (S mod 11)} over the weights
     * 31, 29, 23, 19, 17, 13, 7, 5, 3.
     */
    private static String taxCode(String eight) {
        for (int ninth = 0; ninth <= 9; ninth++) {
            String nine = eight + ninth;
            int s = 0;
            for (int i = 0; i < 9; i++) {
                s += (nine.charAt(i) - '0') * WEIGHTS[i];
            }
            int r = s % 11;
            if (r != 0) {
                return nine + (10 - r);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
