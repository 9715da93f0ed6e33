package vn.govsdk.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.pki.PkiMockService;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * The testkit's mock platform, shared by the tests of this JVM: its test PKI's OCSP responder and
 * CRLs answer on 127.0.0.1 at the URLs written into the certificates.
 */
public final class TestPlatform {

    private static TestPlatform shared;

    private final MockGovPlatform platform;

    private TestPlatform() {
        platform = MockGovPlatform.builder().build();
        platform.pki().generateAll();
    }

    /**
     * Returns the platform shared by all tests of this JVM.
     *
     * @return the platform
     */
    public static synchronized TestPlatform shared() {
        if (shared == null) {
            shared = new TestPlatform();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.platform::close));
        }
        return shared;
    }

    public MockGovPlatform platform() {
        return platform;
    }

    public TestPki pki() {
        return platform.pki();
    }

    public PkiMockService service() {
        return platform.pki().mockService();
    }

    /** Returns how many requests under /pki the platform has answered so far. */
    public int pkiRequests() {
        return platform.journal().count("/pki");
    }

    /** Returns a signing key for a test credential. */
    public static SigningKey key(TestCredential credential) {
        return SigningKey.of(credential.privateKey(), credential.chain());
    }

    /** Writes a credential to a PKCS#12 file with password {@code changeit}. */
    public static Path pkcs12(TestCredential credential, Path dir) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(credential.role().alias() + ".p12");
            credential.writePkcs12(p, "changeit".toCharArray());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password of {@link #pkcs12}. */
    public static Secret password() {
        return Secret.of("changeit");
    }
}
