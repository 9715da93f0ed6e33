package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SigningKey;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.xades.XadesSigner;

/**
 * Library code is silent on the standard streams: a tampered XAdES document makes Santuario log the
 * expected and actual digests, and that goes through SLF4J (logger {@code org.apache.xml.security...}),
 * never to standard error.
 */
class SilentStreamsTest {

    private static final SigningKey KEY = TestPlatform.key(TestPlatform.shared().pki().rsa2048Signer());

    @Test
    void aDigestMismatchReachesSlf4jAndNothingReachesStandardStreams() {
        String xml = "<HoSo xmlns=\"urn:govsdk:test\"><NguoiNop>Nguyễn Văn An</NguoiNop></HoSo>";
        String signed = new String(XadesSigner.builder().build().sign(Document.ofText(xml, "hoso.xml", Document.XML), KEY)
                .bytes(), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("Nguyễn Văn An", "Nguyễn Văn Ba").getBytes(StandardCharsets.UTF_8);

        Logger santuario = (Logger) LoggerFactory.getLogger("org.apache.xml.security");
        Level before = santuario.getLevel();
        santuario.setLevel(Level.DEBUG);
        // Only this test's appender: what the SLF4J binding prints is the application's choice; the
        // question is whether the library itself writes to the streams.
        santuario.setAdditive(false);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        santuario.addAppender(events);
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        VerificationReport report;
        try {
            System.setErr(capture);
            System.setOut(capture);
            report = Verifiers.offline().verify(Document.of(tampered, "tampered.xml", Document.XML));
        } finally {
            System.setErr(err);
            System.setOut(out);
            santuario.detachAppender(events);
            santuario.setLevel(before);
            santuario.setAdditive(true);
        }
        assertThat(report.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("standard streams").isEmpty();
        assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("Digest"));
    }
}
