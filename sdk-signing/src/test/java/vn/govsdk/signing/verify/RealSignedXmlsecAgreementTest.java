package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.govsdk.signing.Document;

/**
 * Agreement with an independent implementation on integrity: {@code xmlsec1 --verify} (libxmlsec1,
 * certificate checks off with --insecure, so only digests and signature values are compared) is run on
 * every signature of every real XML file; where it says OK our strict default reading says INTACT, and
 * where it fails (05 signature 1, 08) ours says BROKEN. xmlsec1 must be installed (the test fails
 * otherwise).
 */
class RealSignedXmlsecAgreementTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    /** Expected xmlsec1 verdicts, from the samples' README: file prefix to one verdict per signature. */
    private static final Map<String, List<Boolean>> EXPECTED = Map.of(
            "02_", List.of(true), "03_", List.of(true), "04_", List.of(true, true),
            "05_", List.of(false, true), "06_", List.of(true), "08_", List.of(false));

    @Test
    void integrityAgreesWithXmlsec1OnEverySignature() throws Exception {
        for (var e : new TreeSet<>(EXPECTED.keySet())) {
            Path file = RealSignedTest.file(e);
            List<Boolean> xmlsec = xmlsec1(file);
            assertThat(xmlsec).as("xmlsec1 on %s", file.getFileName()).isEqualTo(EXPECTED.get(e));
            VerificationReport ours = RealSignedTest.offline().build().verify(Document.of(file));
            List<Boolean> intact = ours.signatures().stream().map(SignatureReport::isIntact).toList();
            assertThat(intact).as("ours on %s", file.getFileName()).isEqualTo(xmlsec);
        }
    }

    static List<Boolean> xmlsec1(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document dom = f.newDocumentBuilder().parse(file.toFile());
        TreeSet<String> idElements = new TreeSet<>();
        NodeList all = dom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element el = (Element) all.item(i);
            if (el.hasAttribute("Id")) {
                idElements.add(el.getLocalName());
            }
        }
        NodeList sigs = dom.getElementsByTagNameNS(DS, "Signature");
        List<Boolean> verdicts = new ArrayList<>();
        for (int i = 0; i < sigs.getLength(); i++) {
            Element sig = (Element) sigs.item(i);
            List<String> cmd = new ArrayList<>(List.of("xmlsec1", "--verify", "--insecure",
                    "--enabled-reference-uris", "empty,same-doc"));
            for (String name : idElements) {
                cmd.add("--id-attr:Id");
                cmd.add(name);
            }
            if (sig.hasAttribute("Id")) {
                cmd.add("--node-id");
                cmd.add(sig.getAttribute("Id"));
            } else {
                assertThat(i).as("a signature without Id can be selected only as the first").isZero();
            }
            cmd.add(file.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = out.toString(StandardCharsets.UTF_8);
            boolean ok = p.exitValue() == 0 && text.lines().anyMatch("OK"::equals);
            assertThat(ok || text.contains("FAIL") || text.contains("failed to verify"))
                    .as("xmlsec1 gave a verdict on %s: %s", file.getFileName(), text).isTrue();
            verdicts.add(ok);
        }
        return verdicts;
    }
}
