package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.xades.XadesSigner;
import vn.govsdk.testkit.pki.TestCredential;

/**
 * The XPath transforms accepted are recognised exactly: XPath Filter 2.0 subtracting the signature
 * elements (EU DSS's enveloped XAdES) and XPath 1.0 {@code not(ancestor-or-self::ds:Signature)}. Any
 * other expression, the same expression with its prefix bound to another namespace, and XSLT stay
 * refused as UNSAFE_CONTENT before anything is evaluated.
 */
class XPathAllowListTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<HoSo xmlns=\"urn:govsdk:test\"><MaHoSo>000.00.00.H29-250101-0001</MaHoSo></HoSo>\n";
    private final TestCredential rsa = TestPlatform.shared().pki().rsa2048Signer();

    private static String corpus(String name) throws Exception {
        try (InputStream in = XPathAllowListTest.class.getResourceAsStream("/conformance/xmlsec1/aleksey-xmldsig-01/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SignatureReport verify(String xml, SignatureVerifier verifier) {
        VerificationReport r = verifier.verify(Document.of(xml.getBytes(StandardCharsets.UTF_8), "s.xml", Document.XML));
        assertThat(r.signatures()).as(r.toString()).hasSize(1);
        return r.signatures().get(0);
    }

    private static SignatureVerifier offline() {
        return SignatureVerifier.builder().revocationChecking(RevocationChecking.OFF).build();
    }

    @Test
    void xpathNotAncestorOrSelfSignatureIsAcceptedAndChecked() throws Exception {
        String xml = corpus("enveloped-x509-missing-cert.xml");

        assertThat(verify(xml, offline()).integrity()).isEqualTo(Integrity.INTACT);
        String altered = xml.replaceFirst("<Data>", "<Data> ");
        assertThat(altered).isNotEqualTo(xml);
        assertThat(verify(altered, offline()).integrity()).isEqualTo(Integrity.BROKEN);
    }

    @Test
    void anyOtherXPathExpressionIsRefusedBeforeEvaluation() throws Exception {
        String xml = corpus("enveloped-x509-missing-cert.xml").replace("not(ancestor-or-self::dsig:Signature)",
                "not(ancestor-or-self::dsig:Signature) or true()");

        SignatureReport s = verify(xml, offline());

        assertThat(s.integrity()).isEqualTo(Integrity.BROKEN);
        assertThat(s.reasons().get(0).code()).isEqualTo(ReasonCode.UNSAFE_CONTENT);
        assertThat(s.reasons().get(0).message()).contains("outside the allow-list");
    }

    @Test
    void theAllowedExpressionWithItsPrefixBoundElsewhereIsRefused() throws Exception {
        String xml = corpus("enveloped-x509-missing-cert.xml").replace(
                "<XPath xmlns:dsig=\"http://www.w3.org/2000/09/xmldsig#\">", "<XPath xmlns:dsig=\"urn:not-xmldsig\">");

        SignatureReport s = verify(xml, offline());

        assertThat(s.reasons().get(0).code()).as(s.toString()).isEqualTo(ReasonCode.UNSAFE_CONTENT);
    }

    @Test
    void xpathFilter2IntersectIsRefused() throws Exception {
        SignatureReport s = verify(corpus("x509data-test.xml"), offline());

        assertThat(s.reasons().get(0).code()).as(s.toString()).isEqualTo(ReasonCode.UNSAFE_CONTENT);
    }

    /** A govsdk enveloped XAdES whose enveloped-signature transform becomes {@code filter2}, signed again. */
    private String filter2(String filter, String expression) throws Exception {
        byte[] signed = XadesSigner.builder().build().sign(Document.ofText(XML, "hoso.xml", Document.XML),
                TestPlatform.key(rsa)).bytes();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document dom = f.newDocumentBuilder().parse(new ByteArrayInputStream(signed));
        Element sp = (Element) dom.getElementsByTagNameNS("http://uri.etsi.org/01903/v1.3.2#", "SignedProperties").item(0);
        sp.setIdAttribute("Id", true);
        Element t = null;
        for (int i = 0; i < dom.getElementsByTagNameNS(DS, "Transform").getLength(); i++) {
            Element c = (Element) dom.getElementsByTagNameNS(DS, "Transform").item(i);
            if (c.getAttribute("Algorithm").endsWith("#enveloped-signature")) {
                t = c;
            }
        }
        t.setAttribute("Algorithm", "http://www.w3.org/2002/06/xmldsig-filter2");
        Element x = dom.createElementNS("http://www.w3.org/2002/06/xmldsig-filter2", "dsig-filter2:XPath");
        x.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:dsig-filter2", "http://www.w3.org/2002/06/xmldsig-filter2");
        x.setAttribute("Filter", filter);
        x.setTextContent(expression);
        t.appendChild(x);
        Element sigEl = (Element) dom.getElementsByTagNameNS(DS, "Signature").item(0);
        return new String(Resign.resign(sigEl, rsa.privateKey()), StandardCharsets.UTF_8);
    }

    @Test
    void xpathFilter2SubtractingTheSignaturesAsEuDssWritesItIsValid() throws Exception {
        String xml = filter2("subtract", "/descendant::ds:Signature");

        SignatureReport s = verify(xml, Verifiers.online());

        assertThat(s.status()).as(s.toString()).isEqualTo(SignatureStatus.VALID);
        assertThat(verify(xml.replace("H29-250101-0001", "H29-250101-0002"), Verifiers.online()).reasons().get(0).code())
                .isEqualTo(ReasonCode.CONTENT_ALTERED);
    }

    @Test
    void xpathFilter2UnionOrAnotherSubtractionIsRefused() throws Exception {
        assertThat(verify(filter2("union", "/descendant::ds:Signature"), offline()).reasons().get(0).code())
                .isEqualTo(ReasonCode.UNSAFE_CONTENT);
        assertThat(verify(filter2("subtract", "/descendant::ds:Object"), offline()).reasons().get(0).code())
                .isEqualTo(ReasonCode.UNSAFE_CONTENT);
    }
}
