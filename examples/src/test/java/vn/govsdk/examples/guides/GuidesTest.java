package vn.govsdk.examples.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each guide's code is the compiled example's, verbatim, and the example runs on the mock platform. */
class GuidesTest {

    private static String between(String text, String begin, String end) {
        int b = text.indexOf(begin);
        int e = b < 0 ? -1 : text.indexOf(end, b + begin.length());
        assertThat(b).as("marker %s", begin).isNotNegative();
        assertThat(e).as("marker %s", end).isGreaterThan(b);
        return text.substring(b + begin.length(), e);
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, l) -> a + l + "\n");
    }

    private static String run(Runnable main) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theVerifyGuideShowsTheCompiledCodeAndItAcceptsTheSignedDossier() throws Exception {
        String source = Files.readString(Path.of("src/main/java/vn/govsdk/examples/guides/VerifyReceived.java"));
        String guide = Files.readString(Path.of("../docs/guides/verify-received-documents.md"));
        assertThat(normalise(between(guide, "```java\n", "```")))
                .isEqualTo(normalise(between(source, "// guide:begin", "// guide:end")));

        String out = run(() -> VerifyReceived.main(new String[0]));
        assertThat(out).contains("VALID XAdES B-B", "integrity INTACT, chain TRUSTED, revocation GOOD",
                "signer CITIZEN_ID CCCD:", "accept").doesNotContain("079203000101");
    }
}
