package vn.govsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {

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

    @Test
    void readmeShowsExactlyTheCompiledQuickStart() throws Exception {
        String source = Files.readString(Path.of("src/main/java/vn/govsdk/examples/QuickStart.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String compiled = between(source, "// quick-start:begin", "// quick-start:end");
        String shown = between(readme, "```java\n", "```");
        assertThat(normalise(shown)).isEqualTo(normalise(compiled));
    }

    @Test
    void quickStartRunsAndPrintsWhatTheCommentsSay() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Hồ Chí Minh, MALE, born 2003")
                .contains("CitizenId[079*******45]")
                .contains("ORGANISATION")
                .contains("taxCode: check digit")
                .doesNotContain("079203012345");
    }
}
