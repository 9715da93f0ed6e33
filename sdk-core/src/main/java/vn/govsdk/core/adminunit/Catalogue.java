package vn.govsdk.core.adminunit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The province data shipped in the jar, read once and checked for consistency. A file that fails a
 * check is a packaging defect, reported as {@link IllegalStateException} naming the file and line.
 */
final class Catalogue {

    static final String CURRENT_FILE = "provinces-2025-07-01.tsv";
    static final String FORMER_FILE = "former-provinces.tsv";

    private static final String CURRENT_HEADER = "code\tname\tkind\tformed_from";
    private static final String FORMER_HEADER = "code\tname\tsuccessor_code";

    final String version;
    final LocalDate effectiveFrom;
    final List<Province> provinces;
    final List<FormerProvince> formerProvinces;
    final Map<String, Province> provincesByCode;
    final Map<String, FormerProvince> formerByCode;
    final Map<String, List<FormerProvince>> formedFrom;

    private Catalogue(String version, LocalDate effectiveFrom, Map<String, Province> provincesByCode,
            Map<String, FormerProvince> formerByCode, Map<String, List<FormerProvince>> formedFrom) {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.provincesByCode = Collections.unmodifiableMap(provincesByCode);
        this.formerByCode = Collections.unmodifiableMap(formerByCode);
        this.formedFrom = Collections.unmodifiableMap(formedFrom);
        this.provinces = List.copyOf(provincesByCode.values());
        this.formerProvinces = List.copyOf(formerByCode.values());
    }

    /** Loads the data shipped in the jar. */
    static Catalogue load() {
        return load(Catalogue.class::getResourceAsStream);
    }

    /**
     * Loads the data from the given source of files (a seam for tests of the consistency checks).
     *
     * @param opener opens a file by name, or returns null if there is none
     */
    static Catalogue load(Function<String, InputStream> opener) {
        Table current = Table.read(opener, CURRENT_FILE, CURRENT_HEADER);
        Table former = Table.read(opener, FORMER_FILE, FORMER_HEADER);
        String version = current.meta(CURRENT_FILE, "version");
        LocalDate effectiveFrom = current.date(CURRENT_FILE, "effective-from");
        LocalDate validUntil = former.date(FORMER_FILE, "valid-until");
        if (!validUntil.plusDays(1).equals(effectiveFrom)) {
            throw new IllegalStateException(FORMER_FILE + ": valid-until " + validUntil
                    + " is not the day before the current list's effective-from " + effectiveFrom);
        }

        Map<String, Province> provinces = new TreeMap<>();
        Map<String, List<String>> declaredFormedFrom = new HashMap<>();
        for (Row row : current.rows) {
            ProvinceKind kind;
            try {
                kind = ProvinceKind.valueOf(row.cells[2]);
            } catch (IllegalArgumentException e) {
                throw row.defect("unknown kind " + row.cells[2]);
            }
            Province province = row.build(() -> new Province(row.cells[0], row.cells[1], kind, effectiveFrom));
            if (provinces.putIfAbsent(province.code(), province) != null) {
                throw row.defect("duplicate code " + province.code());
            }
            declaredFormedFrom.put(province.code(), Arrays.asList(row.cells[3].split(",", -1)));
        }

        Map<String, FormerProvince> formers = new TreeMap<>();
        Map<String, List<FormerProvince>> formedFrom = new LinkedHashMap<>();
        for (String code : provinces.keySet()) {
            formedFrom.put(code, new ArrayList<>());
        }
        for (Row row : former.rows) {
            FormerProvince fp = row.build(() -> new FormerProvince(row.cells[0], row.cells[1], row.cells[2], validUntil));
            if (formers.putIfAbsent(fp.code(), fp) != null) {
                throw row.defect("duplicate code " + fp.code());
            }
            List<FormerProvince> parts = formedFrom.get(fp.successorCode());
            if (parts == null) {
                throw row.defect("successor " + fp.successorCode() + " is not in " + CURRENT_FILE);
            }
            parts.add(fp);
        }
        formedFrom.replaceAll((code, parts) -> List.copyOf(parts));

        for (Map.Entry<String, List<FormerProvince>> e : formedFrom.entrySet()) {
            List<String> actual = e.getValue().stream().map(FormerProvince::code).sorted().toList();
            List<String> declared = declaredFormedFrom.get(e.getKey()).stream().sorted().toList();
            if (!actual.equals(declared)) {
                throw new IllegalStateException(CURRENT_FILE + ": province " + e.getKey() + " declares formed_from "
                        + declared + " but " + FORMER_FILE + " gives " + actual);
            }
        }
        return new Catalogue(version, effectiveFrom, provinces, formers, formedFrom);
    }

    private record Row(String file, int line, String[] cells) {
        IllegalStateException defect(String what) {
            return new IllegalStateException(file + " line " + line + ": " + what);
        }

        <T> T build(Supplier<T> factory) {
            try {
                return factory.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + " line " + line + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Table {
        final Map<String, String> meta = new HashMap<>();
        final List<Row> rows = new ArrayList<>();

        String meta(String file, String key) {
            String value = meta.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(file + ": missing '# " + key + ":' line");
            }
            return value;
        }

        LocalDate date(String file, String key) {
            String value = meta(file, key);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(file + ": '" + key + "' is not an ISO date: " + value, e);
            }
        }

        static Table read(Function<String, InputStream> opener, String file, String header) {
            InputStream in = opener.apply(file);
            if (in == null) {
                throw new IllegalStateException("resource " + file + " is missing from the govsdk core jar");
            }
            Table table = new Table();
            int columns = header.split("\t").length;
            boolean headerSeen = false;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isEmpty()) {
                        continue;
                    }
                    if (line.startsWith("#")) {
                        int colon = line.indexOf(':');
                        String key = colon < 0 ? "" : line.substring(1, colon).strip();
                        if (!key.isEmpty() && !key.contains(" ")) {
                            table.meta.put(key, line.substring(colon + 1).strip());
                        }
                        continue;
                    }
                    if (!headerSeen) {
                        if (!line.equals(header)) {
                            throw new IllegalStateException(file + " line " + number + ": expected header " + header);
                        }
                        headerSeen = true;
                        continue;
                    }
                    String[] cells = line.split("\t", -1);
                    if (cells.length != columns) {
                        throw new IllegalStateException(
                                file + " line " + number + ": expected " + columns + " columns, got " + cells.length);
                    }
                    table.rows.add(new Row(file, number, cells));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + file, e);
            }
            if (!headerSeen) {
                throw new IllegalStateException(file + ": no header line");
            }
            return table;
        }
    }
}
