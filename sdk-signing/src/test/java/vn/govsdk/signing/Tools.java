package vn.govsdk.signing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools the interoperability tests compare against (xmlsec1, openssl, softhsm2-util,
 * pkcs11-tool). A missing tool fails the test with the package to install; it never skips.
 */
public final class Tools {

    /** The result of a command. */
    public record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    /** Returns a fresh directory under target/ for a test's files. */
    public static Path workDir(String name) {
        try {
            Path dir = Path.of("target", "interop", name + "-" + System.nanoTime()).toAbsolutePath();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command in a directory and returns its exit code and merged output. */
    public static Result run(Path dir, Map<String, String> env, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(command[0] + " is not installed or not on PATH (" + e.getMessage() + "); install it with: "
                    + "apt-get install -y xmlsec1 openssl softhsm2 opensc");
            throw new IllegalStateException(e);
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command with no extra environment. */
    public static Result run(Path dir, String... command) {
        return run(dir, Map.of(), command);
    }

    /** Runs a command and fails the test unless it exits 0. */
    public static String ok(Path dir, Map<String, String> env, String... command) {
        Result r = run(dir, env, command);
        if (r.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Runs a command with no extra environment and fails the test unless it exits 0. */
    public static String ok(Path dir, String... command) {
        return ok(dir, Map.of(), command);
    }

    /** Joins arguments, for building command lines. */
    public static String[] args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) {
            out.add(String.valueOf(p));
        }
        return out.toArray(new String[0]);
    }
}
