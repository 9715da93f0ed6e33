package vn.govsdk.benchmarks;

import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Detached CAdES-B signing of a 1 GB stream generated on the fly (never a file, never in memory)
 * against plain SHA-256 over the same stream, in a JVM limited to 64 MB of heap (target: at least
 * 80% of the SHA-256 throughput; running at all under {@code -Xmx64m} shows the heap stays below it).
 * {@code detachedCadesVerify} verifies the same signature over the same stream, with the same target.
 * One invocation per iteration; compare the average times (throughput is 1 GB divided by them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m", "-Xms64m"})
public class CadesStreamBenchmark {

    /** One gibibyte. */
    static final long SIZE = 1L << 30;

    private SigningKey key;
    private CadesSigner signer;
    private byte[] block;
    private byte[] p7s;
    private SignatureVerifier verifier;

    /** Prepares the key and the 64 KB block the stream repeats. */
    @Setup(Level.Trial)
    public void setUp() {
        TestPki pki = TestPki.create(URI.create("http://127.0.0.1:9"));
        TestCredential credential = pki.rsa2048Signer();
        key = SigningKey.of(credential.privateKey(), credential.chain());
        signer = CadesSigner.builder().build();
        block = new byte[64 * 1024];
        new Random(1).nextBytes(block);
        p7s = signer.sign(generated(), key).bytes();
        verifier = SignatureVerifier.builder()
                .trust(TrustAnchors.of(pki.rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).build();
    }

    private Document generated() {
        return Document.ofStream("big.bin", Document.OCTET_STREAM, () -> new Generated(block, SIZE));
    }

    /** Baseline: SHA-256 over the stream. */
    @Benchmark
    public byte[] plainSha256() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = new Generated(block, SIZE)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    /** Detached CAdES-B of the stream: hashing, signed attributes, one RSA signature, DER output. */
    @Benchmark
    public byte[] detachedCades() {
        return signer.sign(generated(), key).bytes();
    }

    /**
     * Verification of the detached CAdES-B over the same stream (streamed, never in memory): the digest,
     * the signed attributes, the signature value and the chain, revocation off. Target: at least 80% of
     * the SHA-256 throughput.
     */
    @Benchmark
    public Object detachedCadesVerify() {
        VerificationReport report = verifier.verify(Document.of(p7s, "big.bin.p7s", "application/pkcs7-signature"), generated());
        if (report.signatures().isEmpty() || !report.signatures().get(0).isIntact()) {
            throw new IllegalStateException("the benchmark signature does not verify: " + report);
        }
        return report;
    }

    /** A stream of a given length that repeats one block; generation costs next to nothing. */
    static final class Generated extends InputStream {
        private final byte[] block;
        private final long size;
        private long pos;

        Generated(byte[] block, long size) {
            this.block = block;
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? block[(int) (pos++ % block.length)] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int start = (int) (pos % block.length);
            int n = (int) Math.min(Math.min(len, block.length - start), size - pos);
            System.arraycopy(block, start, b, off, n);
            pos += n;
            return n;
        }
    }
}
