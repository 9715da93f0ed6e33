package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.city.OpenDataService;

/**
 * Exports the 1,000,000-row table through the client in a child JVM limited to a 64 MB heap, which
 * samples its own heap use meanwhile: the export must finish, write every row, and stay under 64 MB.
 */
class OpenDataExportHeapTest {

    @Test
    void millionRowExportStaysUnder64MegabytesOfHeap(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("phan-anh.csv");
        Path log = dir.resolve("child.log");
        try (MockGovPlatform platform = MockGovPlatform.builder().seed(9).service(p -> new OpenDataService(p)).build()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    HeapProbeMain.class.getName(), "opendata", "export",
                    "--base-url", platform.baseUrl(OpenDataService.PREFIX).toString(),
                    "-o", csv.toString(), OpenDataService.BIG_RESOURCE))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
            String out = Files.readString(log);
            assertThat(child.exitValue()).as(out).isZero();
            Matcher m = Pattern.compile("exit=(\\d+) maxHeapUsed=(\\d+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            assertThat(m.group(1)).as(out).isEqualTo("0");
            long maxHeap = Long.parseLong(m.group(2));
            System.out.println("1,000,000-row export: max heap used " + maxHeap / (1024 * 1024) + " MB; " + out.trim());
            assertThat(maxHeap).isPositive().isLessThan(64L * 1024 * 1024);
        }
        long lines = 0;
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines++;
                last = l;
            }
        }
        assertThat(lines).isEqualTo(1 + OpenDataService.BIG_ROWS);
        assertThat(last).startsWith("1000000,");
    }
}
