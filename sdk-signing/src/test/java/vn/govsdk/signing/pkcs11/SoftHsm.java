package vn.govsdk.signing.pkcs11;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.govsdk.signing.Tools;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * SoftHSM2 tokens for the PKCS#11 tests, created once per test JVM under target/softhsm2/ (the file
 * SOFTHSM2_CONF points to, set by surefire). SoftHSM2 reads its tokens when the module is first
 * initialised, so every token is made before any PKCS#11 call.
 */
final class SoftHsm {

    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "123456";
    static final String SO_PIN = "87654321";

    private static boolean created;

    private SoftHsm() {
    }

    static Path conf() {
        String env = System.getenv("SOFTHSM2_CONF");
        if (env == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set for the test JVM (see sdk-signing/pom.xml)");
        }
        return Path.of(env).toAbsolutePath();
    }

    /** Writes the configuration and empties the token directory. */
    static synchronized void reset() {
        if (created) {
            return;
        }
        try {
            Path conf = conf();
            Path tokens = conf.getParent().resolve("tokens");
            if (Files.exists(tokens)) {
                try (var walk = Files.walk(tokens)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        created = true;
    }

    /** Creates a token and imports a key and its certificate, with the given ids and labels. */
    static void token(String tokenLabel, TestCredential credential, String keyId, String keyLabel, String certId,
            String certLabel) {
        Path dir = Tools.workDir("softhsm-" + tokenLabel);
        try {
            Files.writeString(dir.resolve("key.pem"), credential.privateKeyPem());
            Files.write(dir.resolve("cert.der"), credential.certificate().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = Map.of("SOFTHSM2_CONF", conf().toString());
        Tools.ok(dir, env, "softhsm2-util", "--init-token", "--free", "--label", tokenLabel, "--pin", PIN, "--so-pin", SO_PIN);
        Tools.ok(dir, env, "softhsm2-util", "--import", "key.pem", "--token", tokenLabel, "--label", keyLabel, "--id", keyId,
                "--pin", PIN);
        Tools.ok(dir, env, "pkcs11-tool", "--module", MODULE.toString(), "--token-label", tokenLabel, "--login", "--pin", PIN,
                "--write-object", "cert.der", "--type", "cert", "--id", certId, "--label", certLabel);
    }
}
