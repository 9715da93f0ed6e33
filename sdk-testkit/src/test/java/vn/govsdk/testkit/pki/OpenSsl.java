package vn.govsdk.testkit.pki;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line tool. A missing tool fails the test, it never skips it. */
final class OpenSsl {

    /** The exit code and the combined stdout and stderr of one run. */
    record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    static Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("the openssl command is required for these tests and could not be started"
                    + " (install it, for example with apt-get install -y openssl): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            // A safety net against a hung tool, not a timing assertion.
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("openssl " + String.join(" ", arguments) + " did not finish");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while openssl ran", e);
        }
    }
}
