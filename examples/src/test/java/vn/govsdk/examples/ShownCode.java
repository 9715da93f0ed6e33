package vn.govsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** For tests that a page shows exactly the compiled example, and that the example prints what it says. */
public final class ShownCode {

    private ShownCode() {
    }

    /** Asserts that the first {@code java} block of the page is the source's code between the markers. */
    public static void assertPageShows(Path page, Path source, String begin, String end) throws Exception {
        String shown = between(Files.readString(page), "```java\n", "```");
        String compiled = between(Files.readString(source), begin, end);
        assertThat(normalise(shown)).as(page + " shows " + source).isEqualTo(normalise(compiled));
    }

    /** Runs a program and returns what it printed. */
    public static String printed(Runnable program) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

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
}
