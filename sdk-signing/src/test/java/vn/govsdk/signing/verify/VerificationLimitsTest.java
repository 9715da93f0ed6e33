package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.cades.CadesSigner;
import vn.govsdk.testkit.HostileInputs;

/** Inputs made to exhaust the verifier are refused with a report naming the limit, in bounded time, never an Error. */
class VerificationLimitsTest {

    private static SignatureVerifier verifier(VerificationLimits limits) {
        return SignatureVerifier.builder().trust(TrustAnchors.of(TestPlatform.shared().pki().rootCertificate()))
                .revocationChecking(RevocationChecking.OFF).limits(limits).build();
    }

    private static VerificationReport timed(SignatureVerifier v, Document d) {
        long t0 = System.nanoTime();
        VerificationReport r = v.verify(d);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused in bounded time").isLessThan(Duration.ofSeconds(5));
        return r;
    }

    private static void assertRefusedAt(VerificationReport report, String limit) {
        assertThat(report.status()).as(report.toString()).isEqualTo(SignatureStatus.INDETERMINATE);
        assertThat(report.signatures()).isEmpty();
        assertThat(report.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.LIMIT_EXCEEDED);
            assertThat(r.message()).contains(limit);
        });
        assertThat(report.toJson()).contains("LIMIT_EXCEEDED", limit.split(" ")[0]);
    }

    @Test
    void xmlNestedSixThousandAndTwentyThousandLevelsDeepIsRefusedAtTheDepthLimit() {
        for (int depth : new int[] {6_000, 20_000}) {
            byte[] xml = HostileInputs.deepXml(depth);
            assertRefusedAt(timed(verifier(VerificationLimits.defaults()), Document.of(xml, "deep.xml", Document.XML)),
                    "maxXmlDepth = 256");
        }
    }

    @Test
    void aStackOverflowBeyondRaisedLimitsIsStillAReportNotAnError() throws Exception {
        // Limits raised out of reach and a small stack: whatever overflows, the caller gets a report.
        SignatureVerifier v = verifier(VerificationLimits.defaults().withMaxXmlDepth(1_000_000));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                outcome.set(v.verify(Document.of(HostileInputs.deepXml(20_000), "deep.xml", Document.XML)));
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(30_000);
        assertThat(outcome.get()).isInstanceOf(VerificationReport.class);
        assertThat(((VerificationReport) outcome.get()).status()).isNotEqualTo(SignatureStatus.VALID);
    }

    @Test
    void xmlWithMoreElementsThanTheLimitIsRefused() {
        byte[] wide = ("<r>" + "<e/>".repeat(1_000_001) + "</r>").getBytes(StandardCharsets.UTF_8);
        assertRefusedAt(timed(verifier(VerificationLimits.defaults()), Document.of(wide, "wide.xml", Document.XML)),
                "maxXmlElements = 1000000");
    }

    @Test
    void oversizedXmlJwsAndCmsFilesAreRefusedUnread(@TempDir Path dir) {
        long over = (64L << 20) + 1;
        SignatureVerifier v = verifier(VerificationLimits.defaults());
        assertRefusedAt(timed(v, Document.of(HostileInputs.sparse(dir.resolve("a.xml"), "<a>".getBytes(), over))),
                "maxXmlBytes = " + (64L << 20));
        assertRefusedAt(timed(v, Document.of(HostileInputs.sparse(dir.resolve("a.jws"), ("eyJhbGciOiJSUzI1NiJ9." + "A".repeat(600)).getBytes(), over))),
                "maxJwsBytes");
        assertRefusedAt(timed(v, Document.of(HostileInputs.sparse(dir.resolve("a.p7s"), new byte[] {0x30, (byte) 0x84}, over))),
                "maxCmsBytes");
        // A 1.9 GB XML file: refused from its size, never read.
        assertRefusedAt(timed(v, Document.of(HostileInputs.sparse(dir.resolve("b.xml"), "<a>".getBytes(), 1_900_000_000L))),
                "maxXmlBytes");
    }

    @Test
    void aStreamOfUnknownSizeIsReadOnlyUpToTheLimit() {
        SignatureVerifier v = verifier(VerificationLimits.defaults().withMaxXmlBytes(1 << 20));
        Document endless = Document.ofStream("endless.xml", Document.XML, () -> new InputStream() {
            private long at;

            @Override
            public int read() {
                return at++ < 3 ? "<a>".charAt((int) at - 1) : at < (10L << 30) ? ' ' : -1;
            }
        });
        assertRefusedAt(timed(v, endless), "maxXmlBytes = 1048576");
    }

    @Test
    void hashingDetachedContentStopsAtTheTimeLimit(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("ban-ve.bin");
        Files.write(content, new byte[8 << 20]);
        byte[] p7s = CadesSigner.builder().build().sign(Document.of(content), TestPlatform.key(TestPlatform.shared().pki()
                .rsa2048Signer())).bytes();
        SignatureVerifier quick = verifier(VerificationLimits.defaults().withMaxVerificationTime(Duration.ofNanos(1)));
        assertRefusedAt(quick.verify(Document.of(p7s, "a.p7s", "application/pkcs7-signature"), Document.of(content)),
                "maxVerificationTime");
        assertThat(verifier(VerificationLimits.defaults()).verify(Document.of(p7s, "a.p7s", "application/pkcs7-signature"),
                Document.of(content)).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void limitsAreCheckedWhenSet() {
        assertThatThrownBy(() -> VerificationLimits.defaults().withMaxXmlDepth(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxXmlDepth");
        assertThatThrownBy(() -> VerificationLimits.defaults().withMaxVerificationTime(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxVerificationTime");
        VerificationLimits l = VerificationLimits.defaults().withMaxPdfBytes(5).withMaxXmlElements(7);
        assertThat(l.maxPdfBytes()).isEqualTo(5);
        assertThat(l.maxXmlElements()).isEqualTo(7);
        assertThat(l.maxXmlBytes()).isEqualTo(VerificationLimits.defaults().maxXmlBytes());
        assertThat(verifier(l).limits()).isSameAs(l);
    }
}
