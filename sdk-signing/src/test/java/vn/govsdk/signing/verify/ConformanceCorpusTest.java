package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.govsdk.signing.Document;

/**
 * The conformance corpus: signed files taken unchanged from the public test suites of other validators
 * ({@code src/test/resources/conformance/<source>/}, licence and source commit in the README beside
 * them), each with the integrity the source's own test asserts. Our integrity must equal it, except
 * where the manifest records a difference by design (our verdict and first reason, listed in
 * docs/signing.md). Where the source's command line applies as is, it is run too and must agree.
 */
class ConformanceCorpusTest {

    private static final String ROOT = "/conformance/";

    /** One manifest line. */
    record Entry(String source, String file, Integrity sourceIntegrity, Integrity ours, ReasonCode ourFirstReason,
            boolean runSourceTool, String evidence) {
        @Override
        public String toString() {
            return source + "/" + file;
        }
    }

    static Stream<Entry> entries() throws IOException {
        List<Entry> all = new ArrayList<>();
        for (String source : List.of("xmlsec1")) {
            try (InputStream in = ConformanceCorpusTest.class.getResourceAsStream(ROOT + source + "/manifest.csv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split(",", 6);
                    all.add(new Entry(source, f[0], Integrity.valueOf(f[1]), Integrity.valueOf(f[2]),
                            f[3].isEmpty() ? null : ReasonCode.valueOf(f[3]), f[4].equals("yes"), f[5]));
                }
            }
        }
        return all.stream();
    }

    private static byte[] bytes(Entry e) throws IOException {
        try (InputStream in = ConformanceCorpusTest.class.getResourceAsStream(ROOT + e.source() + "/" + e.file())) {
            assertThat(in).as("corpus file " + e).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void ourIntegrityIsTheSourcesOrADocumentedDifference(Entry e) throws Exception {
        VerificationReport r = SignatureVerifier.builder().revocationChecking(RevocationChecking.OFF).build()
                .verify(Document.of(bytes(e), Path.of(e.file()).getFileName().toString(), Document.XML));

        Integrity ours = r.signatures().isEmpty() ? Integrity.BROKEN : r.signatures().get(0).integrity();
        assertThat(ours).as(e + " (" + e.evidence() + "): " + r).isEqualTo(e.ours());
        if (e.ours() != e.sourceIntegrity()) {
            List<Reason> reasons = r.signatures().isEmpty() ? r.reasons() : r.signatures().get(0).reasons();
            assertThat(reasons).as(e + ": a difference by design names its reason").isNotEmpty();
            assertThat(reasons.get(0).code()).as(e + ": " + r).isEqualTo(e.ourFirstReason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void xmlsec1AgreesWithTheSourceWhereItsDefaultCommandApplies(Entry e) throws Exception {
        if (!e.source().equals("xmlsec1") || !e.runSourceTool()) {
            return; // the source's test needs options of its own (key files, transforms); the manifest says so
        }
        Path file = Files.createTempFile("corpus", ".xml");
        try {
            Files.write(file, bytes(e));
            Process p = new ProcessBuilder("xmlsec1", "--verify", "--insecure", "--enabled-reference-uris",
                    "empty,same-doc", "--enabled-key-data", "x509", file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Integrity xmlsec = p.exitValue() == 0 ? Integrity.INTACT : Integrity.BROKEN;
            assertThat(xmlsec).as(e + " with xmlsec1").isEqualTo(e.sourceIntegrity());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
