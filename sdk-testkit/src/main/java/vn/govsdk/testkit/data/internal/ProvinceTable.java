package vn.govsdk.testkit.data.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.govsdk.testkit.data.Province;

/**
 * The testkit's own copy of the province tables: the 63 provinces before 1 July 2025 (the codes in
 * citizen IDs), the 34 since, and where each earlier province went. Loaded once from
 * {@code provinces.tsv} beside this class.
 */
public final class ProvinceTable {

    /**
     * A province before 1 July 2025.
     *
     * @param province the province with its earlier code
     * @param newCode the code of the province it belongs to since 1 July 2025
     * @param weight the sampling weight (approximate population, thousands)
     */
    public record OldProvince(Province province, String newCode, double weight) {
    }

    /**
     * A province since 1 July 2025.
     *
     * @param province the province with its 2025 code
     * @param city whether it is a centrally-run city (thành phố trực thuộc trung ương)
     * @param ordinal its position in the official list, 0 to 33
     */
    public record NewProvince(Province province, boolean city, int ordinal) {
    }

    private static final ProvinceTable INSTANCE = load();

    private final Map<String, OldProvince> oldByCode;
    private final Map<String, NewProvince> newByCode;
    private final WeightedList<OldProvince> oldWeighted;
    private final Map<String, WeightedList<OldProvince>> oldWithinNew;

    private ProvinceTable(Map<String, OldProvince> oldByCode, Map<String, NewProvince> newByCode) {
        this.oldByCode = Collections.unmodifiableMap(oldByCode);
        this.newByCode = Collections.unmodifiableMap(newByCode);
        WeightedList.Builder<OldProvince> all = WeightedList.builder();
        Map<String, WeightedList.Builder<OldProvince>> within = new LinkedHashMap<>();
        for (OldProvince p : oldByCode.values()) {
            all.add(p, p.weight());
            within.computeIfAbsent(p.newCode(), k -> WeightedList.builder()).add(p, p.weight());
        }
        this.oldWeighted = all.build();
        Map<String, WeightedList<OldProvince>> built = new LinkedHashMap<>();
        within.forEach((k, v) -> built.put(k, v.build()));
        this.oldWithinNew = Collections.unmodifiableMap(built);
    }

    /**
     * Returns the table.
     *
     * @return the shared instance
     */
    public static ProvinceTable get() {
        return INSTANCE;
    }

    private static ProvinceTable load() {
        Map<String, OldProvince> old = new LinkedHashMap<>();
        Map<String, NewProvince> current = new LinkedHashMap<>();
        try (InputStream in = ProvinceTable.class.getResourceAsStream("provinces.tsv")) {
            if (in == null) {
                throw new IllegalStateException("provinces.tsv is missing from the testkit jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("old")) {
                    old.put(f[1], new OldProvince(new Province(f[1], f[2]), f[3], Double.parseDouble(f[4])));
                } else if (f[0].equals("new")) {
                    current.put(f[1], new NewProvince(new Province(f[1], f[2]), f[3].equals("city"), current.size()));
                } else {
                    throw new IllegalStateException("provinces.tsv: unknown row kind " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (old.size() != 63 || current.size() != 34) {
            throw new IllegalStateException("provinces.tsv must list 63 earlier and 34 current provinces, got "
                    + old.size() + " and " + current.size());
        }
        for (OldProvince p : old.values()) {
            if (!current.containsKey(p.newCode())) {
                throw new IllegalStateException("provinces.tsv: " + p.province().code() + " maps to unknown " + p.newCode());
            }
        }
        return new ProvinceTable(old, current);
    }

    /**
     * Returns the 63 earlier provinces, in code order.
     *
     * @return the provinces
     */
    public List<OldProvince> oldProvinces() {
        return new ArrayList<>(oldByCode.values());
    }

    /**
     * Returns the 34 current provinces, in code order.
     *
     * @return the provinces
     */
    public List<NewProvince> newProvinces() {
        return new ArrayList<>(newByCode.values());
    }

    /**
     * Finds an earlier province.
     *
     * @param code the two-digit code
     * @return the province, or null
     */
    public OldProvince oldProvince(String code) {
        return oldByCode.get(code);
    }

    /**
     * Finds a current province.
     *
     * @param code the two-digit code
     * @return the province, or null
     */
    public NewProvince newProvince(String code) {
        return newByCode.get(code);
    }

    /**
     * Draws an earlier province, weighted by population.
     *
     * @param rng the random source
     * @return the province
     */
    public OldProvince pickOld(SplitMix64 rng) {
        return oldWeighted.pick(rng);
    }

    /**
     * Draws an earlier province among those now part of a current province, weighted by population.
     *
     * @param newCode the current province's code
     * @param rng the random source
     * @return the province
     */
    public OldProvince pickOldWithin(String newCode, SplitMix64 rng) {
        return oldWithinNew.get(newCode).pick(rng);
    }
}
