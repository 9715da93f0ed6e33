package vn.govsdk.core.adminunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The consistency checks run when the shipped data is loaded, exercised on small synthetic files. */
class CatalogueTest {

    private static final String CURRENT = """
            # version: 99/2099/QĐ-TEST
            # effective-from: 2030-01-01
            code\tname\tkind\tformed_from
            01\tAlpha\tCITY\t01,02
            05\tBeta\tPROVINCE\t05
            """;

    private static final String FORMER = """
            # valid-until: 2029-12-31
            code\tname\tsuccessor_code
            01\tAlpha\t01
            02\tGamma\t01
            05\tBeta\t05
            """;

    private static Function<String, InputStream> files(String current, String former) {
        Map<String, String> files = new HashMap<>();
        if (current != null) {
            files.put(Catalogue.CURRENT_FILE, current);
        }
        if (former != null) {
            files.put(Catalogue.FORMER_FILE, former);
        }
        return name -> {
            String text = files.get(name);
            return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void consistentFilesLoad() {
        Catalogue c = Catalogue.load(files(CURRENT, FORMER));
        assertThat(c.version).isEqualTo("99/2099/QĐ-TEST");
        assertThat(c.effectiveFrom).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(c.provinces).extracting(Province::code).containsExactly("01", "05");
        assertThat(c.provinces.get(0).kind()).isEqualTo(ProvinceKind.CITY);
        assertThat(c.formerProvinces).extracting(FormerProvince::validUntil).containsOnly(LocalDate.of(2029, 12, 31));
        assertThat(c.formedFrom.get("01")).extracting(FormerProvince::name).containsExactly("Alpha", "Gamma");
    }

    @Test
    void formedFromThatDisagreesWithSuccessorsIsADefect() {
        String current = CURRENT.replace("01\tAlpha\tCITY\t01,02", "01\tAlpha\tCITY\t01");
        assertThatThrownBy(() -> Catalogue.load(files(current, FORMER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("province 01 declares formed_from [01] but former-provinces.tsv gives [01, 02]");
    }

    @Test
    void successorMissingFromTheCurrentListIsADefect() {
        String former = FORMER.replace("02\tGamma\t01", "02\tGamma\t07");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT, former)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("former-provinces.tsv line 4: successor 07 is not in provinces-2025-07-01.tsv");
    }

    @Test
    void duplicateCodesAreDefects() {
        String current = CURRENT + "05\tBeta again\tPROVINCE\t05\n";
        assertThatThrownBy(() -> Catalogue.load(files(current, FORMER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate code 05");
        String former = FORMER + "02\tGamma again\t01\n";
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT, former)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate code 02");
    }

    @Test
    void malformedRowsAreDefectsNamingFileAndLine() {
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT.replace("CITY", "TOWN"), FORMER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("provinces-2025-07-01.tsv line 4: unknown kind TOWN");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT.replace("05\tBeta", "5\tBeta"), FORMER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("provinces-2025-07-01.tsv line 5: code must be 2 digits");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT, FORMER.replace("02\tGamma\t01", "02\tGamma"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("former-provinces.tsv line 4: expected 3 columns, got 2");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT.replace("code\tname", "id\tname"), FORMER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 3: expected header");
    }

    @Test
    void missingOrInconsistentMetadataIsADefect() {
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT.replace("# version: 99/2099/QĐ-TEST\n", ""), FORMER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing '# version:' line");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT.replace("2030-01-01", "1 Jan 2030"), FORMER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'effective-from' is not an ISO date");
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT, FORMER.replace("2029-12-31", "2029-12-30"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the day before");
    }

    @Test
    void missingFileOrHeaderIsADefect() {
        assertThatThrownBy(() -> Catalogue.load(files(CURRENT, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("resource former-provinces.tsv is missing from the govsdk core jar");
        assertThatThrownBy(() -> Catalogue.load(files("# version: x\n# effective-from: 2030-01-01\n", FORMER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no header line");
    }

    @Test
    void shippedFilesLoadThroughTheClassLoader() {
        Catalogue c = Catalogue.load();
        assertThat(c.provinces).hasSize(34);
        assertThat(c.formerProvinces).hasSize(63);
    }
}
