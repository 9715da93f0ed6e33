package vn.govsdk.signing.pades;

import java.nio.file.Files;
import java.nio.file.Path;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.VerificationReport;

/** Verifies the PDF given as argument in this (small) JVM and prints the report as JSON; run by {@link PdfLimitsTest}. */
public final class BombVerifyMain {

    private BombVerifyMain() {
    }

    /**
     * Verifies one PDF.
     *
     * @param args the PDF's path
     * @throws Exception never expected: the verifier answers with a report
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        VerificationReport report = SignatureVerifier.builder().revocationChecking(RevocationChecking.OFF).build()
                .verify(Document.of(Files.readAllBytes(Path.of(args[0])), "bomb.pdf", Document.PDF));
        System.out.println("took " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + report.toJson());
    }
}
