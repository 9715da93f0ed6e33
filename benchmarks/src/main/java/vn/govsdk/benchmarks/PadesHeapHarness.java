package vn.govsdk.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.pades.PadesSigner;
import vn.govsdk.signing.pades.VisibleSignature;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;
import vn.govsdk.testkit.data.SyntheticPdf;
import vn.govsdk.testkit.pki.TestCredential;
import vn.govsdk.testkit.pki.TestPki;

/**
 * Heap used while signing a 100 MB PDF, beside its baseline, in one JVM: run it with a heap below
 * twice the file size, e.g.
 * {@code java -Xmx160m -cp benchmarks/target/benchmarks-0.1.0-SNAPSHOT-jmh.jar vn.govsdk.benchmarks.PadesHeapHarness}.
 *
 * <p>Each task runs after a full GC with the heap pools' peak usage reset; two figures are recorded:
 * the sum of the pools' peaks (an upper bound of the true peak, counting garbage not yet collected)
 * and the highest heap use seen by a sampler every millisecond. The baseline is one SHA-256 pass over
 * the file plus a raw RSA signature; the naive figure reads the file into memory (what an in-memory
 * signer starts with).
 */
public final class PadesHeapHarness {

    private static final long MB = 1024 * 1024;

    private PadesHeapHarness() {
    }

    /** A task measured for heap. */
    @FunctionalInterface
    interface Task {
        Object run() throws Exception;
    }

    /**
     * Runs the measurements and prints a table.
     *
     * @param args optional: the number of pages (default 1000, about 95 MiB)
     * @throws Exception if a task fails
     */
    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("govsdk-pades-heap");
        Path in = dir.resolve("big.pdf");
        Path out = dir.resolve("big-signed.pdf");
        try {
            long size = SyntheticPdf.write(in, pages, 100_000);
            TestPki pki = TestPki.create(URI.create("http://127.0.0.1:9"));
            TestCredential credential = pki.rsa2048Signer();
            SigningKey key = SigningKey.of(credential.privateKey(), credential.chain());
            System.out.printf(Locale.ROOT, "PDF: %d pages, %d bytes (%.1f MiB); max heap %d MiB; %s %s%n", pages, size,
                    size / (double) MB, Runtime.getRuntime().maxMemory() / MB, System.getProperty("java.vm.name"),
                    System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-44s %14s %14s %10s%n", "task", "poolPeakSum", "sampledMax", "x size");
            measure("baseline: SHA-256 pass + raw RSA signature", size, () -> {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[64 * 1024];
                try (InputStream s = Files.newInputStream(in)) {
                    for (int n = s.read(buf); n > 0; n = s.read(buf)) {
                        md.update(buf, 0, n);
                    }
                }
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(credential.privateKey());
                s.update(md.digest());
                return s.sign();
            });
            if (Runtime.getRuntime().maxMemory() > 2 * size) {
                measure("naive: the file read into memory", size, () -> Files.readAllBytes(in));
            }
            PadesSigner invisible = PadesSigner.builder().reason("Phê duyệt").build();
            measure("PAdES-B sign, file to file", size, () -> {
                invisible.sign(Document.of(in), key).writeTo(out);
                return out;
            });
            PadesSigner visible = PadesSigner.builder().reason("Phê duyệt").location("Hà Nội")
                    .visibleSignature(VisibleSignature.builder().lastPage().build()).build();
            measure("PAdES-B visible sign, file to file", size, () -> {
                visible.sign(Document.of(in), key).writeTo(out);
                return out;
            });
            SignatureVerifier verifier = SignatureVerifier.builder().trust(TrustAnchors.of(pki.rootCertificate()))
                    .revocationChecking(RevocationChecking.OFF).build();
            Object report = measure("verify the signed file (revocation off)", size, () -> verifier.verify(Document.of(out)));
            if (!((VerificationReport) report).isValid()) {
                throw new IllegalStateException("the signed 100 MB PDF does not verify: " + report);
            }
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    private static Object measure(String name, long size, Task task) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        AtomicLong max = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        Object result = task.run();
        done.set(true);
        sampler.join();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-44s %10.1f MiB %10.1f MiB %9.2fx%n", name, peak / (double) MB,
                max.get() / (double) MB, peak / (double) size);
        return result;
    }
}
