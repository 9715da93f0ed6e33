package vn.govsdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starStaysInASegmentDoubleStarCrossesAndTheRestIsLiteral() {
        Pattern p = Glob.compile("/c06/api/*/status");
        assertThat(p.matcher("/c06/api/123/status").matches()).isTrue();
        assertThat(p.matcher("/c06/api/1/2/status").matches()).isFalse();
        assertThat(Glob.compile("/portal/**").matcher("/portal/a/b/c").matches()).isTrue();
        assertThat(Glob.compile("/a?c").matcher("/abc").matches()).isTrue();
        assertThat(Glob.compile("/a?c").matcher("/a/c").matches()).isFalse();
        assertThat(Glob.compile("/x.y(z)").matcher("/x.y(z)").matches()).isTrue();
        assertThat(Glob.compile("/x.y").matcher("/xzy").matches()).as("dots are literal").isFalse();
    }
}
