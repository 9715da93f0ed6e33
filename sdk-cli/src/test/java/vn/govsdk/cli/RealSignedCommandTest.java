package vn.govsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.internal.json.GovJson;

/** govsdk verify --offline --json on real signatures, and the tour step verifying a real tax message. */
class RealSignedCommandTest {

    @TempDir
    Path dir;

    private Path sample() throws Exception {
        Path f = dir.resolve("06.xml");
        try (var in = getClass().getResourceAsStream("/vn/govsdk/cli/tour/real-signed/06_tdiep301_vgca-cqt_notice.xml")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void offlineJsonReportOfTheTaxAuthorityNotice() throws Exception {
        CliRunner r = CliRunner.run("verify", "--in", sample().toString(), "--offline", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode j = GovJson.readTree(r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(j.get("status").asText()).isEqualTo("INDETERMINATE");
        assertThat(j.get("revocationChecking").asText()).isEqualTo("OFFLINE");
        JsonNode s = j.get("signatures").get(0);
        assertThat(s.get("format").asText()).isEqualTo("XMLDSig");
        assertThat(s.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(s.get("chainStatus").asText()).isEqualTo("TRUSTED");
        assertThat(s.get("trustAnchor").asText()).isEqualTo("CN=RootCA chuyên dùng Chính phủ G2,O=Ban Cơ yếu Chính phủ,C=VN");
        assertThat(s.get("signer").get("serial").asText()).isEqualTo("2A05F812673607B0");
        assertThat(s.get("signingTime").asText()).isEqualTo("2025-08-13T08:16:18Z");
        assertThat(s.get("revocation").asText()).isEqualTo("UNKNOWN");
        assertThat(s.get("reasons").toString()).contains("REVOCATION_UNKNOWN");
    }

    @Test
    void offlineJsonReportOfTheTimestampedPdf07() throws Exception {
        Path pdf = Path.of("..", "sdk-signing", "src", "test", "resources", "real-signed", "07_pdf_fpt-ca_demo_vgca-tsa.pdf");
        CliRunner r = CliRunner.run("verify", "--in", pdf.toString(), "--offline", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode s = GovJson.readTree(r.out().getBytes(StandardCharsets.UTF_8)).get("signatures").get(0);
        assertThat(s.get("format").asText()).isEqualTo("PAdES");
        assertThat(s.get("status").asText()).isEqualTo("INDETERMINATE");
        assertThat(s.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(s.get("chainStatus").asText()).isEqualTo("UNTRUSTED");
        assertThat(s.get("reasons").toString()).contains("UNTRUSTED_CHAIN").contains("MIC National Root CA");
        JsonNode t = s.get("timestamp");
        assertThat(t.get("time").asText()).isEqualTo("2022-12-01T02:04:13Z");
        assertThat(t.get("authority").get("subject").asText()).contains("Máy chủ cấp dấu thời gian HL01");
        assertThat(t.get("integrity").asText()).isEqualTo("INTACT");
        assertThat(t.get("chainStatus").asText()).isEqualTo("TRUSTED");
        assertThat(t.get("trustAnchor").asText()).isEqualTo("CN=RootCA chuyên dùng Chính phủ G2,O=Ban Cơ yếu Chính phủ,C=VN");
    }

    @Test
    void alteringOneLetterOfTheRealNoticeBreaksIt() throws Exception {
        Path f = sample();
        String text = Files.readString(f);
        int i = text.indexOf("<DLTBao");
        int close = text.indexOf('>', text.indexOf('>', i) + 1);
        String changed = text.substring(0, close + 1) + text.substring(close + 1).replaceFirst("[0-9]", "9".equals(
                String.valueOf(text.charAt(close + 1))) ? "8" : "9");
        assertThat(changed).isNotEqualTo(text);
        Files.writeString(f, changed);
        CliRunner r = CliRunner.run("verify", "--in", f.toString(), "--offline", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode s = GovJson.readTree(r.out().getBytes(StandardCharsets.UTF_8)).get("signatures").get(0);
        assertThat(s.get("integrity").asText()).isEqualTo("BROKEN");
        assertThat(s.get("status").asText()).isEqualTo("INVALID");
    }

    @Test
    void tourStepVerifiesTheRealTaxMessage() {
        CliRunner r = CliRunner.run("demo", "--step", "real-tax-message");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("integrity INTACT, chain TRUSTED to 'CN=RootCA chuyên dùng Chính phủ G2")
                .contains("revocation UNKNOWN");
    }
}
