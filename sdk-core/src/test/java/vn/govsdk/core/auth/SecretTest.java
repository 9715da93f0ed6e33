package vn.govsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;

class SecretTest {

    @TempDir
    Path dir;

    @Test
    void showsNothingButKeepsTheValue() {
        Secret secret = Secret.of("hunter2-value");
        assertThat(secret).hasToString("***");
        assertThat(String.valueOf(secret)).doesNotContain("hunter2");
        assertThat(secret.value()).isEqualTo("hunter2-value");
    }

    @Test
    void equalityFollowsTheValue() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).hasSameHashCodeAs(Secret.of("xyz"));
        assertThat(Secret.of("abc")).isNotEqualTo(Secret.of("abd")).isNotEqualTo("abc");
    }

    @Test
    void refusesEmptyValues() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("secret"));
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fromFileRemovesExactlyOneTrailingLineBreak() throws Exception {
        Path lf = Files.writeString(dir.resolve("lf"), "s3cret\n\n", StandardCharsets.UTF_8);
        Path crlf = Files.writeString(dir.resolve("crlf"), "  s3cret\r\n", StandardCharsets.UTF_8);
        Path none = Files.writeString(dir.resolve("none"), "mật-khẩu", StandardCharsets.UTF_8);

        assertThat(Secret.fromFile(lf).value()).isEqualTo("s3cret\n");
        assertThat(Secret.fromFile(crlf).value()).isEqualTo("  s3cret");
        assertThat(Secret.fromFile(none).value()).isEqualTo("mật-khẩu");
    }

    @Test
    void fromFileNamesTheFileItCannotUse() throws Exception {
        Path missing = dir.resolve("missing-secret.txt");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");

        assertThatThrownBy(() -> Secret.fromFile(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage("secret file " + missing + " does not exist");
        assertThatThrownBy(() -> Secret.fromFile(empty)).isInstanceOf(InvalidInputException.class)
                .hasMessage("secret file " + empty + " is empty");
        assertThatThrownBy(() -> Secret.fromFile(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("secret file " + dir + " cannot be read");
    }

    @Test
    void fromEnvironmentNamesTheVariable() {
        Map<String, String> env = Map.of("GOVSDK_SECRET", "from-env", "GOVSDK_EMPTY", "");

        assertThat(Secret.fromEnvironment("GOVSDK_SECRET", env::get).value()).isEqualTo("from-env");
        assertThatThrownBy(() -> Secret.fromEnvironment("GOVSDK_UNSET", env::get))
                .isInstanceOf(InvalidInputException.class).hasMessage("environment variable GOVSDK_UNSET is not set");
        assertThatThrownBy(() -> Secret.fromEnvironment("GOVSDK_EMPTY", env::get))
                .isInstanceOf(InvalidInputException.class).hasMessage("environment variable GOVSDK_EMPTY is empty");
        assertThatThrownBy(() -> Secret.fromEnvironment("GOVSDK_SURELY_UNSET_7f1c9"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("GOVSDK_SURELY_UNSET_7f1c9");
    }
}
