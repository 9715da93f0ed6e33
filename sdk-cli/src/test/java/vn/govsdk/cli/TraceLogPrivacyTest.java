package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.cli.tour.TourContacts;
import vn.govsdk.testkit.data.PersonRef;
import vn.govsdk.testkit.data.SyntheticCitizen;
import vn.govsdk.testkit.data.SyntheticData;
import vn.govsdk.testkit.data.SyntheticHousehold;

/**
 * The whole tour with every govsdk logger at TRACE (bodies and headers included), in a child JVM
 * whose SLF4J binding writes to a file: the log must hold none of the synthetic citizens' IDs, names,
 * birth dates, addresses, phone numbers or e-mail addresses (the tour's dossier carries the applicant's,
 * {@link TourContacts}), and none of the synthetic secrets, in full; and no personal field of the kinds
 * masked to {@code ***} may carry a value in clear.
 */
class TraceLogPrivacyTest {

    private static final long SEED = 20250701L;
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ofPattern("yyyyMMdd"),
        DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ISO_LOCAL_DATE};
    private static final List<String> SECRETS = List.of("synthetic-1022-secret", "synthetic-dvcmc-secret",
            "synthetic-moj-secret", "govsdk-demo-secret", "synthetic-gateway-client-secret", "synthetic-gateway-secret-key",
            "synthetic-c06-secret-not-for-production", "synthetic-lgsp-client-secret", "synthetic-lgsp-secret-key",
            "govsdk-mysign-client-secret", "govsdk-test-sp-password", "govsdk-smartca-client-secret",
            "govsdk-smartca-user-password", "paygov-test-client-secret", "paygov-synthetic-secret-key",
            "ppdvcqg-synthetic-hash-key", "dvcqg-test-password");

    @TempDir
    Path dir;

    @Test
    void theTourAtTraceLogsNoPersonInFull() throws Exception {
        Path log = dir.resolve("trace.log");
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(javaExe, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.logFile=" + log, "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.vn.govsdk=trace", "vn.govsdk.cli.GovSdkCommand", "demo");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the tour finished").isTrue();
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("TRACE lines were written").contains("TRACE").contains("vn.govsdk.http");
        // The bodies that carry the people were logged (masked): the test looks where they are.
        assertThat(text).contains("SoDienThoai", "NgayThangNamSinh", "hoTenCha", "DanToc");

        List<String> leaks = new ArrayList<>();
        for (String needle : personalData()) {
            if (text.contains(needle)) {
                leaks.add(needle);
            }
        }
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                leaks.add("secret " + secret);
            }
        }
        // Structure may show, a person never: no personal field carries a value in clear.
        java.util.regex.Matcher clear = java.util.regex.Pattern.compile("(?i)(?:<(?:[A-Za-z0-9_-]+:)?|\"|[?&])"
                + "(NgayThangNam|NgaySinh|DiaChi|ThuongTru|NoiOHienTai|QueQuan|DanToc|TonGiao|QuocTich|GioiTinh"
                + "|MatKhau)(?:>|\":\"|=)([^*<\"&])")
                .matcher(text);
        while (clear.find()) {
            leaks.add("field " + clear.group(1) + " in clear: " + text.substring(clear.start(),
                    Math.min(text.length(), clear.end() + 20)));
        }
        if (!leaks.isEmpty()) {
            // Kept for whoever reads the failure.
            Files.copy(log, Path.of("target", "trace-privacy.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(leaks).as("personal data or secrets in the TRACE log (kept as target/trace-privacy.log)").isEmpty();
    }

    /** Everything that identifies the citizens the tour touches, their parents and their households. */
    private static Set<String> personalData() {
        SyntheticData data = SyntheticData.of(SEED);
        Set<String> needles = new LinkedHashSet<>();
        for (long i = 0; i < 40; i++) {
            SyntheticCitizen c = data.citizen(i);
            add(needles, c);
            for (SyntheticCitizen m : data.householdOf(c).members()) {
                add(needles, m);
            }
            SyntheticHousehold h = data.householdOf(c);
            needles.add(h.address().fullText());
            needles.add(h.address().street());
            for (PersonRef parent : new PersonRef[] {c.father(), c.mother()}) {
                if (parent != null) {
                    needles.add(parent.citizenId());
                    needles.add(parent.fullName());
                }
            }
        }
        needles.removeIf(s -> s == null || s.length() < 6);
        return needles;
    }

    private static void add(Set<String> needles, SyntheticCitizen c) {
        needles.add(c.citizenId());
        needles.add(c.fullName());
        needles.add(c.fullNameUpperCase());
        for (DateTimeFormatter f : DATES) {
            needles.add(c.birthDate().format(f));
        }
        needles.add(c.address().fullText());
        needles.add(c.address().street());
        needles.add(TourContacts.email(c));
        needles.add(TourContacts.phone(c));
    }
}
