package vn.govsdk.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.SignedDocument;
import vn.govsdk.signing.TestPlatform;
import vn.govsdk.signing.Verifiers;
import vn.govsdk.signing.internal.xml.XmlSec;
import vn.govsdk.signing.xades.XadesSigner;

/** Hostile XML: every case is refused, most of them with a signature that is cryptographically intact. */
class HostileXmlTest {

    private static final String INVOICE = "<HDon><DLHDon Id=\"data\"><TTChung><SHDon>0000123</SHDon></TTChung>"
            + "<NDHDon><TToan><TgTTTBSo>1000000</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS/></HDon>";

    /** The enveloped-signature transform as the signer writes it (canonical XML: no empty-element tags). */
    private static final String ENVELOPED_TRANSFORM =
            "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"></ds:Transform>";

    private static String signedInvoice() {
        SignedDocument s = XadesSigner.builder().signedElementId("data").build()
                .sign(Document.ofText(INVOICE, "hd.xml", Document.XML), TestPlatform.key(TestPlatform.shared().pki().rsa2048Signer()));
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    private static String signedWhole() {
        SignedDocument s = XadesSigner.builder().build()
                .sign(Document.ofText(INVOICE, "hd.xml", Document.XML), TestPlatform.key(TestPlatform.shared().pki().rsa2048Signer()));
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    private static VerificationReport verify(String xml) {
        return Verifiers.offline().verify(Document.ofText(xml, "hostile.xml", Document.XML));
    }

    private static void assertRefused(VerificationReport r, ReasonCode code, String... words) {
        assertThat(r.status()).as(r.toString()).isEqualTo(SignatureStatus.INVALID);
        java.util.List<Reason> all = new java.util.ArrayList<>(r.reasons());
        r.signatures().forEach(s -> all.addAll(s.reasons()));
        assertThat(all).as(r.toString()).anySatisfy(reason -> {
            assertThat(reason.code()).isEqualTo(code);
            for (String w : words) {
                assertThat(reason.message()).contains(w);
            }
        });
        r.signatures().forEach(s -> assertThat(s.signedContent()).isEmpty());
    }

    @Test
    void theUntouchedInvoiceIsValid() {
        assertThat(verify(signedInvoice()).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void doctypeAndExternalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE HDon [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + signedInvoice().replace("<SHDon>0000123</SHDon>", "<SHDon>&xxe;</SHDon>");
        assertRefused(verify(xxe), ReasonCode.UNSAFE_CONTENT, "DOCTYPE");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>";
        assertRefused(verify(bomb), ReasonCode.UNSAFE_CONTENT, "DTD");
    }

    @Test
    void duplicateIdsAreRefused() {
        // The attacker adds a second element with the signed Id; which one a resolver picks is undefined.
        String dup = signedInvoice().replace("<DSCKS/>", "<DLHDon Id=\"data\"><TTChung><SHDon>6666666</SHDon></TTChung></DLHDon><DSCKS/>");
        assertThat(dup).contains("6666666");
        assertRefused(verify(dup), ReasonCode.UNSAFE_CONTENT, "'data'", "2 elements", "wrapping");
    }

    @Test
    void signedElementMovedIntoTheSignatureIsRefused() throws Exception {
        // Classic wrapping: the signed DLHDon goes into a ds:Object of the signature (its digest still
        // matches), and a forged DLHDon without Id takes its place where the application reads.
        var dom = XmlSec.parse(signedInvoice().getBytes(StandardCharsets.UTF_8));
        Element signed = (Element) dom.getElementsByTagName("DLHDon").item(0);
        Element sig = (Element) dom.getElementsByTagNameNS(XmlSec.DS, "Signature").item(0);
        Element object = dom.createElementNS(XmlSec.DS, "ds:Object");
        sig.appendChild(object);
        Node forged = signed.cloneNode(true);
        ((Element) forged).removeAttribute("Id");
        ((Element) forged).getElementsByTagName("TgTTTBSo").item(0).setTextContent("1");
        dom.getDocumentElement().insertBefore(forged, signed);
        object.appendChild(signed);
        String attacked = new String(XmlSec.serialize(dom, false), StandardCharsets.UTF_8);
        assertRefused(verify(attacked), ReasonCode.UNSAFE_CONTENT, "DLHDon", "moved");
    }

    @Test
    void anUnsignedCopyBesideTheSignedElementIsRefused() {
        // The signed element stays where it was; a forged look-alike without Id is put first.
        String copy = signedInvoice().replace("<HDon>", "<HDon><DLHDon><TTChung><SHDon>0000123</SHDon></TTChung>"
                + "<NDHDon><TToan><TgTTTBSo>1</TgTTTBSo></TToan></NDHDon></DLHDon>");
        assertRefused(verify(copy), ReasonCode.UNSAFE_CONTENT, "unsigned copy", "DLHDon");
    }

    @Test
    void coversTellsTheApplicationWhatIsSigned() throws Exception {
        VerificationReport r = verify(signedInvoice());
        SignatureReport s = r.signatures().get(0);
        Node signedNode = s.signedContent().get(0).node().orElseThrow();
        Node total = ((Element) signedNode).getElementsByTagName("TgTTTBSo").item(0);
        assertThat(s.covers(total)).isTrue();
        Node dscks = signedNode.getOwnerDocument().getElementsByTagName("DSCKS").item(0);
        assertThat(s.covers(dscks)).isFalse();
        // With a whole-document reference everything but the signature is covered.
        SignatureReport whole = verify(signedWhole()).signatures().get(0);
        Node doc = whole.signedContent().get(0).node().orElseThrow();
        assertThat(whole.covers(((org.w3c.dom.Document) doc).getElementsByTagName("DSCKS").item(0))).isTrue();
        assertThat(whole.covers(((org.w3c.dom.Document) doc).getElementsByTagNameNS(XmlSec.DS, "SignatureValue").item(0))).isFalse();
    }

    @Test
    void xsltAndXpathTransformsAreRefused() {
        String xslt = signedInvoice().replace(ENVELOPED_TRANSFORM,
                "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"><xsl:stylesheet "
                        + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/></ds:Transform>");
        assertThat(xslt).contains("xslt");
        assertThat(signedInvoice()).contains(ENVELOPED_TRANSFORM);
        assertRefused(verify(xslt), ReasonCode.UNSAFE_CONTENT, "XSLT");
        String xpath = signedInvoice().replace(ENVELOPED_TRANSFORM,
                "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><ds:XPath>count(//.)&gt;0</ds:XPath>"
                        + "</ds:Transform>");
        assertRefused(verify(xpath), ReasonCode.UNSAFE_CONTENT, "XPath");
        String filter2 = signedInvoice().replace(ENVELOPED_TRANSFORM,
                "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\"/>");
        assertRefused(verify(filter2), ReasonCode.UNSAFE_CONTENT, "XPath");
    }

    @Test
    void externalReferencesAreNeverFollowed() {
        for (String uri : new String[] {"http://127.0.0.1:1/secret", "file:///etc/passwd", "https://example.com/x.xml"}) {
            String ext = signedInvoice().replace("URI=\"#data\"", "URI=\"" + uri + "\"");
            assertRefused(verify(ext), ReasonCode.UNSAFE_CONTENT, uri, "never fetched");
        }
        String xpointer = signedInvoice().replace("URI=\"#data\"", "URI=\"#xpointer(/)\"");
        assertRefused(verify(xpointer), ReasonCode.UNSAFE_CONTENT, "XPointer");
    }

    @Test
    void tooManyReferencesOrTransformsAreRefused() {
        String signed = signedInvoice();
        int start = signed.indexOf("<ds:Reference ");
        int end = signed.indexOf("</ds:Reference>") + "</ds:Reference>".length();
        String ref = signed.substring(start, end).replaceAll(" Id=\"[^\"]*\"", "");
        String many = signed.substring(0, end) + ref.repeat(30) + signed.substring(end);
        assertRefused(verify(many), ReasonCode.UNSAFE_CONTENT, "references");

        String c14n = "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></ds:Transform>";
        assertThat(signed).contains(c14n);
        String transforms = signed.replaceFirst(java.util.regex.Pattern.quote(c14n),
                java.util.regex.Matcher.quoteReplacement(c14n.repeat(6)));
        assertRefused(verify(transforms), ReasonCode.UNSAFE_CONTENT, "transforms");
    }

    @Test
    void propertiesOfAnotherSignatureAreRefused() {
        String signed = signedInvoice();
        String id = signed.replaceAll("(?s).*<ds:Signature[^>]* Id=\"([^\"]+)\".*", "$1");
        String retargeted = signed.replace("Target=\"#" + id + "\"", "Target=\"#someone-else\"");
        assertRefused(verify(retargeted), ReasonCode.STRUCTURE_INVALID, "target");
    }
}
