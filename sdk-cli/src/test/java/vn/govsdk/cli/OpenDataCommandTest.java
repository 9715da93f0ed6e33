package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.OpenDataService;

class OpenDataCommandTest {

    static MockGovPlatform platform;

    @BeforeAll
    static void start() {
        platform = MockGovPlatform.builder().seed(3).service(p -> new OpenDataService(p)).build();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    static String base() {
        return platform.baseUrl(OpenDataService.PREFIX).toString();
    }

    @Test
    void searchPrintsTheTotalAndJsonLines() {
        String ward = OpenDataService.wardCodes().get(2);
        CliRunner r = CliRunner.run("opendata", "search", "--base-url", base(), "--filter", "ma_phuong=" + ward,
                "--limit", "3", OpenDataService.BIG_RESOURCE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("# 3 of 50000 records from offset 0");
        assertThat(lines.subList(1, lines.size())).hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("{\"_id\":").contains("\"ma_phuong\":\"" + ward + "\""));
    }

    @Test
    void exportWritesCsvWithHeaderToAFileSilentlyWhenNotATerminal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wifi.csv");
        CliRunner r = CliRunner.run("opendata", "export", "--base-url", base(), "--page-size", "40", "-o", file.toString(),
                OpenDataService.SMALL_RESOURCE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEmpty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("_id,ma_phuong,ten_phuong,ten_diem,dia_chi,vi_do,kinh_do,ngay_lap_dat");
        assertThat(lines).hasSize(1 + OpenDataService.SMALL_ROWS);
        // the address holds a comma, so it is quoted
        assertThat(lines.get(1)).matches("1,\\d{5},Phường [^,]+,Wi-Fi công cộng [^,]+,\"[^\"]+, Phường [^\"]+\",.*");
    }

    @Test
    void exportWritesJsonLinesToStandardOutputWithTheCkanForm() {
        CliRunner r = CliRunner.run("opendata", "export", "--base-url", base(), "--ckan", "--format", "JSONL",
                "--filter", "ma_phuong=" + OpenDataService.wardCodes().get(0), OpenDataService.SMALL_RESOURCE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty().hasSizeLessThan(OpenDataService.SMALL_ROWS)
                .allSatisfy(l -> assertThat(l).contains("\"ma_phuong\":\"" + OpenDataService.wardCodes().get(0) + "\""));
    }

    @Test
    void errorsGiveExitCodes() {
        int before = platform.journal().count();
        CliRunner bad = CliRunner.run("opendata", "export", "--base-url", base(), "a/b");
        assertThat(bad.exitCode()).isEqualTo(GovSdkCommand.USAGE);
        assertThat(bad.err()).contains("resourceId");
        assertThat(platform.journal().count()).isEqualTo(before);
        CliRunner missing = CliRunner.run("opendata", "export", "--base-url", base(), "no-such-resource");
        assertThat(missing.exitCode()).isEqualTo(GovSdkCommand.NEGATIVE);
    }

    @Test
    void progressLineShowsRowsRateAndTimeLeft() {
        long[] now = {0};
        ExportProgress p = new ExportProgress(null, 1_000_000, () -> now[0]);
        now[0] = 10_000_000_000L;
        assertThat(p.line(100_000, now[0])).isEqualTo("100,000 / 1,000,000 rows (10%), 10,000 rows/s, 0:01:30 left");
    }
}
