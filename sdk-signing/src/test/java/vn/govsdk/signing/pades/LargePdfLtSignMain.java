package vn.govsdk.signing.pades;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignatureLevel;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.timestamp.TimestampClient;

/**
 * Child JVM of {@link LargePdfLtSigningTest}: signs a PDF file at PAdES B-LT with the parent's mock TSA
 * and the default online validation data source (the certificates' AIA and OCSP URLs point at the
 * parent's mock platform), and prints the size written and the peak heap use.
 */
public final class LargePdfLtSignMain {

    private LargePdfLtSignMain() {
    }

    /**
     * Signs {@code args[0]} into {@code args[1]} with the PKCS#12 key {@code args[2]} (password in the file
     * {@code args[3]}), timestamped by the TSA at {@code args[4]}.
     *
     * @param args in, out, key, password file, TSA URL
     * @throws Exception on any failure (the parent reads the exit code)
     */
    public static void main(String[] args) throws Exception {
        try (SigningKey key = SigningKey.pkcs12(Path.of(args[2]), Secret.fromFile(Path.of(args[3])))) {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            SignedDocument signed = PadesSigner.builder().level(SignatureLevel.B_LT)
                    .timestampClient(TimestampClient.builder().authority(URI.create(args[4])).build()).build()
                    .sign(Document.of(Path.of(args[0])), key);
            signed.writeTo(Path.of(args[1]));
            long peakSum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakSum += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("signed level=" + signed.level().displayName() + " size=" + signed.size().getAsLong()
                    + " poolPeakSum=" + peakSum);
        }
    }
}
