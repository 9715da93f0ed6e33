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
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Detached CAdES-B signing of a 1 GB stream generated on the fly (never a file, never in memory)
 * against plain SHA-256 over the same stream, in a JVM limited to 64 MB of heap (target: at least
 * 80% of the SHA-256 throughput; running at all under {@code -Xmx64m} shows the heap stays below it).
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

    /** Prepares the key and the 64 KB block the stream repeats. */
    @Setup(Level.Trial)
    public void setUp() {
        TestCredential credential = TestPki.create(URI.create("http://127.0.0.1:9")).rsa2048Signer();
        key = SigningKey.of(credential.privateKey(), credential.chain());
        signer = CadesSigner.builder().build();
        block = new byte[64 * 1024];
        new Random(1).nextBytes(block);
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
        Document stream = Document.ofStream("big.bin", Document.OCTET_STREAM, () -> new Generated(block, SIZE));
        return signer.sign(stream, key).bytes();
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
