package vn.govsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void readmeShowsExactlyTheCompiledQuickStart() throws Exception {
        ShownCode.assertPageShows(Path.of("../README.md"), Path.of("src/main/java/vn/govsdk/examples/QuickStart.java"),
                "// quick-start:begin", "// quick-start:end");
    }

    @Test
    void quickStartRunsAndPrintsWhatTheCommentsSay() {
        String out = ShownCode.printed(() -> QuickStart.main(new String[0]));
        assertThat(out).contains("Hồ Chí Minh, MALE, born 2003")
                .contains("CitizenId[079*******45]")
                .contains("ORGANISATION")
                .contains("taxCode: check digit")
                .doesNotContain("079203012345");
    }
}
