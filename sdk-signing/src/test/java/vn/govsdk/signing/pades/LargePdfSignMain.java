package vn.govsdk.signing.pades;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;

/**
 * Signs a PDF file with a visible PAdES signature in this JVM (run by LargePdfSigningTest in a child
 * JVM with a small heap) and prints the heap used while signing: {@code sampledMax} (the highest heap
 * use seen by a sampler every few milliseconds) and {@code poolPeakSum} (the sum of the heap pools'
 * peak usage since a GC before signing, an upper bound of the true peak); then, given a trust anchor PEM,
 * verifies the output (revocation off) and prints the status and the heap pools' peak while verifying.
 */
public final class LargePdfSignMain {

    private LargePdfSignMain() {
    }

    /**
     * Signs {@code args[0]} into {@code args[1]} with the PKCS#12 key {@code args[2]} whose password is in
     * the file {@code args[3]}, then verifies the output trusting the PEM {@code args[4]} if given.
     *
     * @param args in, out, key, password file, optional trust anchor
     * @throws Exception if signing fails
     */
    public static void main(String[] args) throws Exception {
        try (SigningKey key = SigningKey.pkcs12(Path.of(args[2]), Secret.fromFile(Path.of(args[3])))) {
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
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            SignedDocument signed = PadesSigner.builder().reason("Phê duyệt hồ sơ").location("Hà Nội")
                    .visibleSignature(VisibleSignature.builder().lastPage().build()).build()
                    .sign(Document.of(Path.of(args[0])), key);
            signed.writeTo(Path.of(args[1]));
            done.set(true);
            sampler.join();
            long peakSum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakSum += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("signed size=" + signed.size().getAsLong() + " sampledMax=" + max.get() + " poolPeakSum="
                    + peakSum + " maxHeap=" + Runtime.getRuntime().maxMemory());
            if (args.length > 4) {
                System.gc();
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    pool.resetPeakUsage();
                }
                VerificationReport report = Verifiers.builder().trust(TrustAnchors.fromPem(Path.of(args[4])))
                        .revocationChecking(RevocationChecking.OFF).build().verify(Document.of(Path.of(args[1])));
                long verifyPeak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        verifyPeak += pool.getPeakUsage().getUsed();
                    }
                }
                System.out.println("verified status=" + report.status() + " signatures=" + report.signatures().size()
                        + " verifyPoolPeakSum=" + verifyPeak);
            }
        }
    }
}
